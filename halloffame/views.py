import sys

from django.db import OperationalError
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.generic import TemplateView

from honorees.models import Honoree
from honorees.summary import public_summary
from meetings.models import Meeting


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin, feeds)."""
    return HttpResponsePermanentRedirect(static("icons/favicon.svg"))


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /i18n/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        summary = public_summary()
        public = Honoree.objects.public()
        newest = summary.latest_meeting
        latest = Meeting.objects.get(pk=newest.id) if newest else None
        context["latest_meeting"] = latest
        context["latest_honorees"] = (
            public.filter(meeting=latest).for_cards().order_by("district__code") if latest else Honoree.objects.none()
        )
        context["public_count"] = summary.total
        # "This fiscal year" is the year of the latest announcement, so that the figure does not
        # drop to nought on 1 October before the new year's first meeting is published.
        fiscal_year = latest.fiscal_year if latest else None
        year_meetings = [m.id for m in summary.meetings if m.fiscal_year == fiscal_year]
        context["districts"] = summary.districts
        context["fiscal_year"] = fiscal_year
        context["districts_honoured"] = (
            public.filter(meeting_id__in=year_meetings).order_by().values("district_id").distinct().count()
        )
        context["district_total"] = len(summary.districts)
        context["networks"] = summary.networks
        context["network_count"] = len(summary.networks)
        return context


def server_error(request):
    """The 500 handler. SQLite answers "database is locked" when another write held the lock past
    the busy timeout: nothing was saved, so the visitor is asked to try again (503), not told of a fault."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError) and "locked" in str(error):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = "5"
        return response
    return render(request, "500.html", status=500)


def csrf_failure(request, reason=""):
    """A form sent without its security cookie or token: the site's own Thai page (Django's
    default is English and unstyled), still a 403."""
    return render(request, "403_csrf.html", status=403)
