"""The PDPA notice and the public form to ask for an honoree's data to be removed or corrected."""

from django import forms
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from halloffame.ratelimit import limit_exceeded
from honorees.models import Honoree, PrivacyRequest


class HonoreeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.district.name_th})"


class PrivacyRequestForm(forms.ModelForm):
    honoree = HonoreeChoiceField(
        queryset=Honoree.objects.none(),
        to_field_name="slug",
        label=_("ผู้ได้รับการยกย่องที่เกี่ยวข้อง"),
        empty_label=_("— เลือกชื่อ —"),
        error_messages={"invalid_choice": _("ไม่พบผู้ได้รับการยกย่องรายนี้ กรุณาเลือกจากรายชื่อ")},
    )
    # A field people never see (the hidden attribute); automated senders fill it in.
    website = forms.CharField(label=_("เว็บไซต์ (ไม่ต้องกรอก)"), required=False, max_length=200)

    class Meta:
        model = PrivacyRequest
        fields = ["honoree", "kind", "requester_name", "requester_contact", "message"]
        widgets = {"kind": forms.RadioSelect, "message": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "requester_contact": _("โทรศัพท์หรืออีเมล เพื่อให้เจ้าหน้าที่ติดต่อกลับ"),
            "message": _("บอกเราว่าต้องการให้ลบหรือแก้ไขข้อมูลใด และเกี่ยวข้องกับผู้ได้รับการยกย่องอย่างไร"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["honoree"].queryset = Honoree.objects.public().select_related("district").thai_order()
        self.fields["kind"].choices = PrivacyRequest.Kind.choices

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("ไม่สามารถรับคำขอนี้ได้"))
        return ""


class PrivacyRequestView(FormView):
    template_name = "privacy/privacy.html"
    form_class = PrivacyRequestForm
    success_url = reverse_lazy("privacy-sent")
    window_seconds = 3600
    max_body_bytes = 64 * 1024  # the form's text fields fit many times over (RequestGuardMiddleware)

    def get_initial(self):
        return {"honoree": self.request.GET.get("honoree", "")[:100]}

    def post(self, request, *args, **kwargs):
        limit, window = settings.PRIVACY_REQUESTS_PER_HOUR, self.window_seconds
        if limit_exceeded(request, scope="privacy-request", limit=limit, window_seconds=window):
            return self.render_to_response(self.get_context_data(rate_limited=True), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        form.save()
        return super().form_valid(form)


class PrivacyRequestSentView(TemplateView):
    template_name = "privacy/privacy_request_sent.html"
