"""/sitemap.xml: every public page, in Thai and English, and nothing that is not public."""

from functools import cache

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation

from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District, Network


class PublicSitemap(Sitemap):
    # Both languages' URLs are listed; each page names its other language itself
    # (<link rel="alternate" hreflang> in base.html), so the sitemap does not repeat it for
    # every URL, which would triple its size.
    i18n = True


class StaticPagesSitemap(PublicSitemap):
    priority = 0.8

    def items(self):
        return ["home", "honorees:list", "networks:district-list", "networks:network-list", "meetings:list"]

    def location(self, item):
        return reverse(item)


@cache
def honoree_list_path(language: str) -> str:
    with translation.override(language):
        return reverse("honorees:list")


class HonoreeSitemap(PublicSitemap):
    """Tens of thousands of rows at province scale: plain tuples, and the profile path built from the
    list's path once per language instead of a model instance and a reverse() per URL."""

    def items(self):
        return Honoree.objects.public().order_by("pk").values_list("slug", "updated_at", named=True)

    def location(self, item):
        return f"{honoree_list_path(translation.get_language())}{item.slug}/"

    def lastmod(self, item):
        return item.updated_at


class DistrictSitemap(PublicSitemap):
    def items(self):
        return District.objects.order_by("code")


class NetworkSitemap(PublicSitemap):
    def items(self):
        return Network.objects.order_by("order")


class MeetingSitemap(PublicSitemap):
    def items(self):
        return Meeting.objects.published().order_by("-date")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "honorees": HonoreeSitemap,
    "districts": DistrictSitemap,
    "networks": NetworkSitemap,
    "meetings": MeetingSitemap,
}

# The programme's pages (networks/programme/sitemaps.py), under the same public rule per kind.
from networks.programme.sitemaps import PROGRAMME_SITEMAPS  # noqa: E402

SITEMAPS.update(PROGRAMME_SITEMAPS)
