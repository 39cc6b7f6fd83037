"""Staff forms: the honoree form (its consent rules are the model's, honorees/consent.py) and the
small forms of the workflow pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from halloffame import thai
from honorees.models import CLEANED_NAME_FIELDS, Honoree


class HonoreeAdminForm(forms.ModelForm):
    def clean(self):
        # Cleaned before the model's checks, so duplicates and required fields see the stored form.
        cleaned = super().clean()
        for field in CLEANED_NAME_FIELDS:
            if isinstance(cleaned.get(field), str):
                cleaned[field] = thai.clean_text(cleaned[field])
        return cleaned

    class Meta:
        model = Honoree
        fields = [
            *("kind", "name", "name_en", "slug", "district", "network", "virtues", "citation", "story"),
            *("photo", "photo_alt", "is_living", "is_minor", "consent_given_on", "consent_method"),
            *("consent_covers_name", "consent_covers_photo", "consent_covers_story", "guardian_name"),
            *("guardian_consent_on", "contact_phone", "contact_email", "contact_address", "staff_notes"),
        ]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ไม่อนุมัติ (เจ้าหน้าที่อำเภอจะเห็นข้อความนี้)"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=2000,
    )


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("ไฟล์ CSV หรือ Excel (.xlsx)"),
        help_text=_("ไม่เกิน 2 MB และไม่เกิน 2,000 แถว แถวแรกเป็นหัวตาราง ใช้หัวตารางเดียวกับไฟล์ที่ส่งออก"),
    )
