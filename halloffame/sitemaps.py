"""/sitemap.xml: an index of sitemap pages that list every public page, in Thai and English
with each URL's language alternates, and nothing that is not public.

Pages hold at most PAGE_URLS addresses (the protocol allows 50,000), so that each renders in
milliseconds however many honorees there are; the index grows by a line per page.
"""

from datetime import datetime
from functools import cached_property
from html import escape  # Django's escape is this behind a lazy-string wrapper that cost a page 4 ms

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Max
from django.urls import reverse
from django.utils.timezone import get_current_timezone, localtime

from halloffame.i18n import list_path
from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District, Network

PAGE_URLS = 1000


class PublicSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    limit = PAGE_URLS


class StaticPagesSitemap(PublicSitemap):
    priority = 0.8

    def items(self):
        pages = ["home", "honorees:list", "networks:district-list", "networks:network-list", "meetings:list"]
        return [*pages, "statistics:index", "suggestions:suggest"]

    def location(self, item):
        return reverse(item)


def url_xml(url: dict) -> str:
    """One <url> of a sitemap page as Django's sitemap.xml prints it, without its whitespace; the
    rows' sitemaps write theirs in get_urls. Written here rather than in the template, which
    spent milliseconds resolving a dozen variables for each of a page's thousand URLs."""
    if "xml" in url:
        return url["xml"]
    lastmod = url.get("lastmod")
    if isinstance(lastmod, datetime):
        lastmod = localtime(lastmod)
    extra = "".join(
        f"<{name}>{escape(str(url[name]))}</{name}>" for name in ("changefreq", "priority") if url.get(name)
    )
    return url_element(url["location"], lastmod_element(lastmod), extra + alternate_links(url.get("alternates", ())))


def url_element(location: str, lastmod: str, rest: str) -> str:
    return f"<url><loc>{escape(location)}</loc>{lastmod}{rest}</url>"


def lastmod_element(day) -> str:
    return f"<lastmod>{day:%Y-%m-%d}</lastmod>" if day else ""


def alternate_links(alternates) -> str:
    return "".join(
        f'<xhtml:link rel="alternate" hreflang="{escape(a["lang_code"])}" href="{escape(a["location"])}"/>'
        for a in alternates
    )


class PublicRowsSitemap(PublicSitemap):
    """Rows that grow with the years (honorees, meetings), whose page is `<list>/<slug>/`: a
    sitemap page reads only its own rows (plain tuples) and builds each path from the list's
    path per language, instead of activating a language and calling reverse() for every URL
    and every alternate."""

    list_url_name = ""

    def public_rows(self):
        raise NotImplementedError

    def items(self):
        return self.public_rows().order_by("pk").values_list("slug", "updated_at", named=True)

    def lastmod(self, item):
        return item.updated_at

    @cached_property
    def paginator(self):
        return Paginator(range(self.items().count() * len(self._languages())), self.limit)

    def get_latest_lastmod(self):
        return self.public_rows().aggregate(latest=Max("updated_at"))["latest"]

    def get_urls(self, page=1, site=None, protocol=None):
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        urls_on_page = self.paginator.page(page).object_list  # EmptyPage and PageNotAnInteger are a 404
        if not urls_on_page:  # nothing public yet: an empty first page
            return []
        languages = self._languages()
        first, last = urls_on_page[0] // len(languages), urls_on_page[-1] // len(languages)
        prefixes = {language: base + list_path(self.list_url_name, language) for language in languages}
        urls = []
        zone = get_current_timezone()
        for row in self.items()[first : last + 1]:
            locations = {language: f"{prefix}{row.slug}/" for language, prefix in prefixes.items()}
            alternates = [{"location": loc, "lang_code": language} for language, loc in locations.items()]
            if settings.LANGUAGE_CODE in locations:
                alternates.append({"location": locations[settings.LANGUAGE_CODE], "lang_code": "x-default"})
            # Each row's alternates and date are written once for both of its URLs.
            links = alternate_links(alternates)
            lastmod = lastmod_element(row.updated_at and row.updated_at.astimezone(zone))
            for location in locations.values():
                urls.append(
                    {"item": row, "location": location, "lastmod": row.updated_at, "changefreq": None,
                     "priority": "", "alternates": alternates,
                     "xml": url_element(location, lastmod, links)}
                )  # fmt: skip
        self.latest_lastmod = max((url["lastmod"] for url in urls), default=None)
        return urls


class HonoreeSitemap(PublicRowsSitemap):
    list_url_name = "honorees:list"

    def public_rows(self):
        return Honoree.objects.public()


class MeetingSitemap(PublicRowsSitemap):
    list_url_name = "meetings:list"

    def public_rows(self):
        return Meeting.objects.published()


class DistrictSitemap(PublicSitemap):
    def items(self):
        return District.objects.order_by("code")


class NetworkSitemap(PublicSitemap):
    def items(self):
        return Network.objects.order_by("order")


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
