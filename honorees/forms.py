"""Staff forms: the honoree form (its consent rules are the model's, honorees/consent.py) and the
small forms of the workflow pages."""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from halloffame import thai
from honorees.models import CLEANED_NAME_FIELDS, Honoree
from honorees.photos import pending
from honorees.photos.renditions import thumbnail_url, whole_photo_url


class PhotoInput(AdminFileWidget):
    """The file input with the current (or kept) photo whole, where staff click the face, and its
    square card crop."""

    template_name = "honorees/widgets/photo_input.html"  # an app template: the form renderer looks there
    whole_url = card_url = pending_preview = ""

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            whole_url=self.pending_preview or self.whole_url,
            card_url=self.card_url,
            pending_preview=self.pending_preview,
        )
        return context


class HonoreeAdminForm(forms.ModelForm):
    photo_pending = forms.CharField(label=_("รูปที่เลือกไว้ก่อนหน้า"), required=False, widget=forms.HiddenInput)
    request = None  # set by HonoreeAdmin.get_form: the session keeps a photo across a form error

    class Meta:
        model = Honoree
        fields = [
            *("kind", "name", "name_en", "slug", "district", "network", "model_organisation", "virtues"),
            *("citation", "story"),
            *("photo", "photo_focus_x", "photo_focus_y", "photo_alt", "is_living", "is_minor"),
            *("consent_given_on", "consent_method", "consent_covers_name", "consent_covers_photo"),
            *("consent_covers_story", "guardian_name", "guardian_consent_on"),
            *("contact_phone", "contact_email", "contact_address", "staff_notes"),
        ]
        widgets = {
            "photo": PhotoInput,
            "photo_focus_x": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "class": "vIntegerField"}),
            "photo_focus_y": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1, "class": "vIntegerField"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pending_token = ""
        for name in ("photo_focus_x", "photo_focus_y"):
            if name in self.fields:
                self.fields[name].required = False  # left empty: the centre
        if "photo" not in self.fields:  # a read-only view of the honoree
            return
        widget = self.fields["photo"].widget
        if self.instance.pk and self.instance.photo:
            widget.whole_url, widget.card_url = whole_photo_url(self.instance), thumbnail_url(self.instance)
        if not (self.is_bound and self.request is not None):
            return
        token = self.data.get("photo_pending", "")
        if token and (self.files.get("photo") or self.data.get("photo-clear")):
            pending.pending_photo_discard(session=self.request.session, token=token)  # replaced or cleared
        elif token:
            upload, preview = pending.pending_photo_open(session=self.request.session, token=token)
            if upload is not None:
                self.files = self.files.copy()
                self.files["photo"] = upload
                self.pending_token, widget.pending_preview = token, preview

    def full_clean(self):
        super().full_clean()
        if not self._errors or self.request is None or self.pending_token or "photo" in self._errors:
            return
        if "photo" not in self.fields:
            return
        upload = self.cleaned_data.get("photo")
        if isinstance(upload, UploadedFile):  # a good photo on a form with another error: keep it
            token, preview = pending.pending_photo_keep(session=self.request.session, upload=upload)
            self.pending_token, self.fields["photo"].widget.pending_preview = token, preview
            self.data = self.data.copy()
            self.data["photo_pending"] = token

    def clean_photo_focus_x(self):
        value = self.cleaned_data.get("photo_focus_x")
        return 50 if value is None else value

    def clean_photo_focus_y(self):
        value = self.cleaned_data.get("photo_focus_y")
        return 50 if value is None else value

    def clean(self):
        # Cleaned before the model's checks, so duplicates and required fields see the stored form.
        cleaned = super().clean()
        for field in CLEANED_NAME_FIELDS:
            if isinstance(cleaned.get(field), str):
                cleaned[field] = thai.clean_text(cleaned[field])
        return cleaned


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
