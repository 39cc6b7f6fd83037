"""Staff forms: the honoree form (its consent rules are the model's, honorees/consent.py) and the
small forms of the workflow pages."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from halloffame import thai
from honorees.models import Honoree


def be_tolerant(value, label, *, allow_future=False):
    """Staff often type the Buddhist-Era year (2567) in a date box: read it as B.E., refuse the future."""
    if value and value.year > 2400:
        try:
            value = value.replace(year=value.year - thai.BE_OFFSET)
        except ValueError as error:  # 29 February of a year that is not a leap year in B.E. reading
            raise forms.ValidationError(_("%(label)s ไม่ถูกต้อง") % {"label": label}) from error
    if value and not allow_future and value > timezone.localdate():
        raise forms.ValidationError(_("%(label)s อยู่ในอนาคต") % {"label": label})
    return value


class HonoreeAdminForm(forms.ModelForm):
    class Meta:
        model = Honoree
        fields = [
            *("kind", "name", "name_en", "slug", "district", "network", "virtues", "citation", "story"),
            *("photo", "photo_alt", "is_living", "is_minor", "consent_given_on", "consent_method"),
            *("consent_covers_name", "consent_covers_photo", "consent_covers_story", "guardian_name"),
            *("guardian_consent_on", "contact_phone", "contact_email", "contact_address", "staff_notes"),
        ]

    def clean_consent_given_on(self):
        return be_tolerant(self.cleaned_data.get("consent_given_on"), _("วันที่ให้ความยินยอม"))

    def clean_guardian_consent_on(self):
        return be_tolerant(self.cleaned_data.get("guardian_consent_on"), _("วันที่ผู้ปกครองให้ความยินยอม"))


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
