"""Staff forms: the honoree form's consent rules and the small forms of the workflow pages."""

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
            *("kind", "name", "name_en", "slug", "district", "network", "model_organisation", "virtues"),
            *("citation", "story"),
            *("photo", "photo_alt", "is_living", "is_minor", "consent_given_on", "consent_method"),
            *("consent_covers_name", "consent_covers_photo", "consent_covers_story", "guardian_name"),
            *("guardian_consent_on", "contact_phone", "contact_email", "contact_address", "staff_notes"),
        ]

    def clean_consent_given_on(self):
        return be_tolerant(self.cleaned_data.get("consent_given_on"), _("วันที่ให้ความยินยอม"))

    def clean_guardian_consent_on(self):
        return be_tolerant(self.cleaned_data.get("guardian_consent_on"), _("วันที่ผู้ปกครองให้ความยินยอม"))

    def clean(self):
        data = super().clean()
        covers = [data.get("consent_covers_name"), data.get("consent_covers_photo"), data.get("consent_covers_story")]
        given_on, method = data.get("consent_given_on"), data.get("consent_method")
        if any(covers) and not (given_on and method):
            self.add_error(
                "consent_given_on",
                _("ระบุวันที่และวิธีให้ความยินยอม ก่อนเลือกว่าความยินยอมครอบคลุมอะไร"),
            )
        if given_on and not method:
            self.add_error("consent_method", _("ระบุวิธีให้ความยินยอม"))
        if data.get("kind") and data["kind"] != Honoree.Kind.PERSON and data.get("is_minor"):
            self.add_error("is_minor", _("เฉพาะบุคคลเท่านั้นที่เป็นผู้เยาว์ได้"))
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("เหตุผลที่ไม่อนุมัติ (เจ้าหน้าที่อำเภอจะเห็นข้อความนี้)"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        max_length=2000,
    )


class PlaceForm(forms.Form):
    """The honoree picked for a vacant place on a meeting's honour board."""

    honoree = forms.IntegerField(widget=forms.HiddenInput)


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("ไฟล์ CSV หรือ Excel (.xlsx)"),
        help_text=_("ไม่เกิน 2 MB และไม่เกิน 2,000 แถว แถวแรกเป็นหัวตาราง ใช้หัวตารางเดียวกับไฟล์ที่ส่งออก"),
    )
