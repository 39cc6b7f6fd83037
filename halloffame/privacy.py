"""The PDPA notice and the public form to ask for an honoree's data to be removed or corrected."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.urls import Resolver404, resolve, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from halloffame.ratelimit import limit_exceeded
from honorees.models import Honoree, PrivacyRequest


class HonoreeLookupField(forms.CharField):
    """The honoree a request is about, typed as a name or pasted as the profile's link, and
    resolved on the server: the page lists nobody, so it stays small however many are honoured."""

    def clean(self, value):
        value = super().clean(value)
        matches = list(honoree_lookup(value)[:2])
        if len(matches) > 1:
            raise forms.ValidationError(_("มีผู้ได้รับการยกย่องชื่อนี้มากกว่าหนึ่งราย กรุณาวางลิงก์หน้าประวัติของผู้ที่ท่านหมายถึง"))
        if not matches:
            raise forms.ValidationError(_("ไม่พบผู้ได้รับการยกย่องรายนี้ กรุณาพิมพ์ชื่อให้ตรงกับหน้าประวัติ หรือวางลิงก์หน้าประวัติ"))
        return matches[0]


def honoree_lookup(value: str):
    """Public honorees a visitor's words point at: a profile link (any language, with or without
    the site's address), a profile's slug, or the full name (titles and spacing aside)."""
    public = Honoree.objects.public()
    path = urlsplit(value.strip()).path
    if "/" in path:
        for language, _name in settings.LANGUAGES:  # /en/honorees/… resolves only under English
            with translation.override(language):
                try:
                    match = resolve("/" + path.lstrip("/"))
                except Resolver404:
                    continue
            if match.view_name == "honorees:detail":
                return public.filter(slug=match.kwargs["slug"])
        return public.none()
    by_slug = public.filter(slug=value.strip())
    return by_slug if by_slug.exists() else public.named_like(value)


class PrivacyRequestForm(forms.ModelForm):
    honoree = HonoreeLookupField(
        label=_("ผู้ได้รับการยกย่องที่เกี่ยวข้อง"),
        max_length=300,
        help_text=_("พิมพ์ชื่อตามหน้าประวัติ หรือวางลิงก์หน้าประวัติของผู้ได้รับการยกย่อง"),
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
        """A profile's "ask to remove or correct" link names its honoree: show its address."""
        slug = self.request.GET.get("honoree", "")[:100]
        honoree = Honoree.objects.public().filter(slug=slug).first() if slug else None
        return {"honoree": self.request.build_absolute_uri(honoree.get_absolute_url()) if honoree else ""}

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
