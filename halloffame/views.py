import sys

from django.db import OperationalError
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.generic import TemplateView

from honorees.models import Honoree, public_count
from meetings.models import Meeting
from networks.models import District, Network


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
        public = Honoree.objects.public()
        latest = Meeting.objects.published().filter(honorees__in=public).order_by("-date").first()
        context["latest_meeting"] = latest
        context["latest_honorees"] = (
            public.filter(meeting=latest).with_related().order_by("district__code")
            if latest
            else Honoree.objects.none()
        )
        context["public_count"] = public.count()
        # "This fiscal year" is the year of the latest announcement, so that the figure does not
        # drop to nought on 1 October before the new year's first meeting is published.
        fiscal_year = latest.fiscal_year if latest else 0
        districts = list(
            District.objects.annotate(
                public_count=public_count(), year_count=public_count(meeting__fiscal_year=fiscal_year)
            ).order_by("code")
        )
        context["districts"] = districts
        context["fiscal_year"] = latest.fiscal_year if latest else None
        context["districts_honoured"] = sum(1 for d in districts if d.year_count)
        context["district_total"] = len(districts)
        networks = list(Network.objects.annotate(public_count=public_count()).order_by("order"))
        context["networks"] = networks
        context["network_count"] = len(networks)
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
