"""Public meeting-day pages: certificate verification, the announcement document and the slides."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from halloffame import thai
from halloffame.ratelimit import limit_exceeded
from halloffame.staff import permissions
from meetings.documents import pdf, verification
from meetings.documents.selection import announced_honorees
from meetings.models import Meeting

VERIFY_TEMPLATE = "meetings/verify.html"


def verify(request, code=None):
    """/verify/ (type a code) and /verify/<code>/ (from the QR code): genuine, revoked or unknown,
    in Thai and English. Rate-limited per client; an unknown or malformed code is a 404."""
    if limit_exceeded(request, scope="verify", limit=settings.VERIFY_REQUESTS_PER_MINUTE, window_seconds=60):
        response = render(request, VERIFY_TEMPLATE, {"state": "limited"}, status=429)
        response["Retry-After"] = "60"
        return _private(response)
    if code is None:
        typed = request.GET.get("code", "").strip()
        if not typed:
            return _private(render(request, VERIFY_TEMPLATE, {"state": "form"}))
        normal = verification.normalise_code(typed)
        if normal is None:
            return _private(render(request, VERIFY_TEMPLATE, {"state": "malformed", "typed": typed[:60]}, status=400))
        return redirect("verify", code=normal)
    normal = verification.normalise_code(code)
    if normal is None:
        return _private(render(request, VERIFY_TEMPLATE, {"state": "malformed", "typed": code[:60]}, status=404))
    if normal != code:
        return redirect("verify", code=normal)
    certificate = verification.certificate_find(normal)
    if certificate is None:
        return _private(render(request, VERIFY_TEMPLATE, {"state": "unknown", "typed": normal}, status=404))
    state = verification.certificate_verdict(certificate)
    context = {"state": state, "code": certificate.display_code}
    if state == verification.GENUINE:
        meeting_date = certificate.meeting.date
        context["certificate"] = certificate
        context.update(
            month_th=thai.thai_month_year(meeting_date),
            date_th=thai.thai_date(meeting_date),
            date_en=thai.be_date(meeting_date, "en"),
        )
    return _private(render(request, VERIFY_TEMPLATE, context))


def _private(response):
    # Every answer is counted by the rate limit and may change with a withdrawal: never stored.
    patch_cache_control(response, private=True, no_store=True)
    return response


def meeting_for_documents(request, slug):
    """A published meeting for everyone; an unpublished one only for the secretariat (a preview)."""
    meeting = get_object_or_404(Meeting, slug=slug)
    if not meeting.is_published and not permissions.is_secretariat(request.user):
        raise Http404(_("ไม่พบการประชุมนี้"))
    return meeting


def announcement_context(meeting) -> dict:
    name, position = meeting.signatory
    return {
        "meeting": meeting,
        "honorees": list(announced_honorees(meeting)),
        "paragraphs": [p.strip() for p in meeting.announcement.replace("\r\n", "\n").split("\n\n") if p.strip()],
        "signatory_name": name,
        "signatory_position": position,
    }


def announcement(request, slug):
    """The announcement as a printable A4 page (ประกาศจังหวัดสุราษฎร์ธานี เรื่อง ยกย่องเชิดชูคนดี…)."""
    meeting = meeting_for_documents(request, slug)
    response = render(request, "meetings/announcement.html", announcement_context(meeting))
    return response if meeting.is_published else _private(response)


def announcement_pdf(request, slug):
    meeting = meeting_for_documents(request, slug)

    def render_document():
        with translation.override("th"):
            return pdf.render_pdf("meetings/documents/announcement.html", announcement_context(meeting))

    try:
        data = pdf.cached_pdf(meeting, "announcement", render=render_document)
    except pdf.DocumentsUnavailable:
        return pdf.unavailable_response()
    return pdf.pdf_response(data, f"announcement-{meeting.slug}.pdf", private=not meeting.is_published)


def presentation(request, slug):
    """Full-screen slides for the projector: a title slide, one per honoree in district order, a closing slide."""
    meeting = meeting_for_documents(request, slug)
    context = {"meeting": meeting, "honorees": list(announced_honorees(meeting))}
    response = render(request, "meetings/presentation.html", context)
    # The slides may ask for the whole screen (the site's policy turns fullscreen off elsewhere).
    response["Permissions-Policy"] = settings.PERMISSIONS_POLICY.replace("fullscreen=()", "fullscreen=(self)")
    return response if meeting.is_published else _private(response)
