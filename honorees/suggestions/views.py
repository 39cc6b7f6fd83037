"""/suggest/: the public suggests a good person of their district; /suggest/status/: where a
reference stands. Neither page shows anything from any suggestion but its reference and status."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import classproperty
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from halloffame import thai
from halloffame.ratelimit import limit_exceeded
from honorees.services import WorkflowError
from honorees.suggestions import services
from honorees.suggestions.forms import StatusLookupForm, SuggestionForm
from honorees.suggestions.models import Suggestion, normalise_reference
from networks.models import District

S = Suggestion.Status
# What the suggester is told for each status: a heading and what it means.
PUBLIC_STATUS = {
    S.RECEIVED: (_("ได้รับข้อเสนอแล้ว"), _("ข้อเสนอของท่านอยู่ในคิวของเจ้าหน้าที่วัฒนธรรมอำเภอ และจะได้รับการพิจารณาตามลำดับ")),
    S.UNDER_REVIEW: (_("อยู่ระหว่างพิจารณา"), _("เจ้าหน้าที่วัฒนธรรมอำเภอกำลังพิจารณาข้อเสนอนี้ และอาจติดต่อท่านเพื่อสอบถามเพิ่มเติม")),
    S.FORWARDED: (
        _("ส่งต่อเป็นผู้ได้รับการเสนอชื่อแล้ว"),
        _("ข้อเสนอนี้เข้าสู่ขั้นตอนการคัดเลือกของจังหวัดแล้ว การยกย่องยังต้องได้รับความยินยอมจากผู้ที่ถูกเสนอ และการอนุมัติจากที่ประชุม"),
    ),
    S.DECLINED: (_("ไม่ได้นำไปพิจารณาต่อ"), _("ขอบคุณที่ช่วยกันค้นหาคนดี ข้อเสนอนี้ไม่ได้ถูกนำไปพิจารณาต่อในรอบนี้")),
}


def form_page_context(**context) -> dict:
    return {"retention_days": settings.SUGGESTION_RETENTION_DAYS, **context}


def _lookups_exceeded(request) -> bool:
    return limit_exceeded(
        request, scope="suggestion-status", limit=settings.SUGGESTION_LOOKUPS_PER_HOUR, window_seconds=3600
    )


def _status_context(suggestion: Suggestion) -> dict:
    heading, meaning = PUBLIC_STATUS[suggestion.public_status]
    return {"reference": suggestion.reference, "status_heading": heading, "status_meaning": meaning}


@method_decorator(never_cache, name="dispatch")
class SuggestView(FormView):
    template_name = "suggestions/suggestion_form.html"
    form_class = SuggestionForm

    # Read by halloffame.middleware.RequestGuardMiddleware before CSRF or the form reads the body.
    @classproperty
    def max_body_bytes(cls):
        return settings.SUGGESTION_MAX_REQUEST_BYTES

    @classmethod
    def too_large_response(cls, request):
        context = form_page_context(form=SuggestionForm(), too_large=True)
        return render(request, cls.template_name, context, status=413)

    def get_context_data(self, **kwargs):
        return form_page_context(**super().get_context_data(**kwargs))

    def get_initial(self):
        slug = self.request.GET.get("district", "")[:100]
        district = District.objects.filter(slug=slug).first() if slug else None
        return {"district": district.slug} if district else {}

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def form_valid(self, form):
        # Counted only once the form is valid, so that a person correcting a mistake is not refused.
        if limit_exceeded(self.request, scope="suggestion", limit=settings.SUGGESTIONS_PER_HOUR, window_seconds=3600):
            return self.render_to_response(self.get_context_data(form=form, rate_limited=True), status=429)
        try:
            suggestion = services.suggestion_submit(fields=form.suggestion_fields(), language=thai.page_language())
        except WorkflowError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        return HttpResponseRedirect(reverse("suggestions:sent") + "?" + urlencode({"ref": suggestion.reference}))


@method_decorator(never_cache, name="dispatch")
class SuggestionSentView(TemplateView):
    """The acknowledgement with the reference number, right after sending."""

    template_name = "suggestions/suggestion_sent.html"

    def get(self, request, *args, **kwargs):
        if _lookups_exceeded(request):
            return self.render_to_response({"rate_limited": True}, status=429)
        reference = normalise_reference(request.GET.get("ref", ""))
        suggestion = Suggestion.objects.filter(reference=reference).first() if reference else None
        if suggestion is None:
            return self.render_to_response({"not_found": True}, status=404)
        return self.render_to_response(_status_context(suggestion))


@method_decorator(never_cache, name="dispatch")
class SuggestionStatusView(TemplateView):
    template_name = "suggestions/suggestion_status.html"

    def get(self, request, *args, **kwargs):
        if "ref" not in request.GET:
            return self.render_to_response({"form": StatusLookupForm()})
        form = StatusLookupForm(request.GET)
        if not form.is_valid():
            return self.render_to_response({"form": form}, status=400)
        if _lookups_exceeded(request):
            return self.render_to_response({"form": form, "rate_limited": True}, status=429)
        suggestion = (
            Suggestion.objects.filter(reference=form.cleaned_data["ref"]).select_related("duplicate_of").first()
        )
        if suggestion is None:
            return self.render_to_response({"form": form, "not_found": True}, status=404)
        return self.render_to_response({"form": form, **_status_context(suggestion)})
