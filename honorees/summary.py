"""The counts every public page shares, computed once per public content version.

Totals, the count of every district, network, virtue and kind, and the public honorees of every
published meeting are what the home page, the lists, the map and the unfiltered facets print.
They change only when the public content version does (halloffame/cache.py: a write the
public can see), so each worker computes them once per version, in a handful of index scans
over Honoree.publicly_visible, and keeps them in memory beside that version's token. Reading the
token is one indexed query; a page rendered without the page cache still pays no scan. The
search's texts (`searchable`) are the one part that reads every public row, once per version,
on the first search.
"""

from datetime import date
from functools import cached_property
from typing import NamedTuple

from django.db.models import Count, Q

from halloffame import cache as page_cache
from halloffame import thai


class MeetingCount(NamedTuple):
    """A published meeting and its public honorees. A tuple, because a filtered page recounts a
    thousand of them (meeting._replace(count=…)) on every request."""

    id: int
    date: date
    fiscal_year: int
    count: int  # public honorees
    year: int  # the meeting's calendar year, B.E.: worked out once, not on every page


DERIVED_LIMIT = 256  # selections of /statistics/ kept per version and worker


class PublicSummary:
    """One version's shared counts; each part is counted the first time a page asks for it."""

    def __init__(self):
        self._derived: dict = {}

    def derived(self, key, compute):
        """A value computed from this version's public rows alone (the statistics of one selection
        of filters), once per version and worker; past DERIVED_LIMIT the oldest goes."""
        try:
            return self._derived[key]
        except KeyError:
            if len(self._derived) >= DERIVED_LIMIT:
                self._derived.pop(next(iter(self._derived), None), None)
            value = self._derived[key] = compute()
            return value

    @cached_property
    def meetings(self) -> list[MeetingCount]:
        """Published meetings, newest first, with their public honorees."""
        from honorees.models import public_count
        from meetings.models import Meeting

        rows = Meeting.objects.published().annotate(n=public_count("meeting")).order_by("-date")
        return [
            MeetingCount(pk, day, fiscal_year, n, thai.be_year_number(day.year))
            for pk, day, fiscal_year, n in rows.values_list("id", "date", "fiscal_year", "n")
        ]

    @cached_property
    def total(self) -> int:
        return sum(m.count for m in self.meetings)

    @cached_property
    def districts(self) -> list:
        """District rows in code order, each with .public_count."""
        from honorees.models import public_count
        from networks.models import District

        return list(District.objects.annotate(public_count=public_count("district")).order_by("code"))

    @cached_property
    def networks(self) -> list:
        from honorees.models import public_count
        from networks.models import Network

        return list(Network.objects.annotate(public_count=public_count("network")).order_by("order"))

    @cached_property
    def virtues(self) -> list:
        from networks.models import Virtue

        counted = Count("honoree", filter=Q(honoree__publicly_visible=True))
        return list(Virtue.objects.annotate(public_count=counted).order_by("order"))

    @cached_property
    def virtues_of(self) -> dict[int, frozenset[int]]:
        """Each public honoree's virtue ids: a search counts its virtue facet from these instead of
        matching its text a second time."""
        from honorees.models import Honoree

        links: dict[int, set[int]] = {}
        through = Honoree.virtues.through.objects.filter(honoree__publicly_visible=True)
        for honoree_id, virtue_id in through.values_list("honoree_id", "virtue_id").order_by():
            links.setdefault(honoree_id, set()).add(virtue_id)
        return {honoree_id: frozenset(ids) for honoree_id, ids in links.items()}

    @cached_property
    def virtue_slugs_of(self) -> dict[int, list[str]]:
        """Each public honoree's virtues as the open data lists them: slugs, in the virtues' order."""
        position = {virtue.pk: (i, virtue.slug) for i, virtue in enumerate(self.virtues)}
        return {
            # A virtue newer than this version's rows is left out until the next version.
            honoree_id: [position[v][1] for v in sorted(ids & position.keys(), key=lambda v: position[v][0])]
            for honoree_id, ids in self.virtues_of.items()
        }

    @cached_property
    def searchable(self) -> tuple:
        """Every public honoree's facet columns (pk, district, network, kind, meeting) beside its
        name key, title key and folded English name and citation: searched in memory, since a
        substring of two Thai letters has no index to use and scanning the table took 25–80 ms."""
        from django.db import connection

        from honorees.models import Honoree, search_fold

        fold = search_fold(connection)
        facets = ("pk", "district_id", "network_id", "kind", "meeting_id")
        rows = Honoree.objects.public().order_by().values_list(*facets, "name_key", "title_key", "name_en", "citation")
        # The two texts joined by NUL, which no search term holds (thai.clean_text drops it).
        return fold, [(row[:5], row[5], row[6], fold(f"{row[7] or ''}\0{row[8] or ''}")) for row in rows]

    def search(self, text: str) -> list[tuple]:
        """The (pk, district, network, kind, meeting) of the public honorees that
        HonoreeQuerySet.search finds for this text."""
        from honorees.models import search_terms

        fold, rows = self.searchable
        terms = search_terms(text, fold)
        if terms is None:
            return [row[0] for row in rows]
        name_key, titles, plain = terms
        if not titles:
            return [row[0] for row in rows if name_key in row[1] or plain in row[3]]
        return [
            row[0]
            for row in rows
            if plain in row[3] or (name_key in row[1] and (not row[2] or all(t in row[2] for t in titles)))
        ]

    @cached_property
    def kinds(self) -> dict[str, int]:
        from honorees.models import Honoree

        return dict(Honoree.objects.public().order_by().values_list("kind").annotate(n=Count("*")))

    @property
    def latest_meeting(self) -> MeetingCount | None:
        return next((m for m in self.meetings if m.count), None)

    def fiscal_years(self) -> list[tuple[int, int]]:
        """(fiscal year, published meetings) newest first."""
        years: dict[int, int] = {}
        for meeting in self.meetings:
            years[meeting.fiscal_year] = years.get(meeting.fiscal_year, 0) + 1
        return sorted(years.items(), reverse=True)

    def row_of(self, honoree, facet: str):
        """The honoree's district or network row from the shared rows, without a join; the row's
        own (one query) only if it is newer than this version."""
        return self._rows["pk"][facet].get(getattr(honoree, f"{facet}_id")) or getattr(honoree, facet)

    def by_slug(self, facet: str) -> dict:
        return self._rows["slug"][facet]

    @cached_property
    def _rows(self) -> dict:
        """The district, network and virtue rows by pk and by slug, built once per version."""
        facets = ("district", "network", "virtue")
        return {
            key: {facet: {getattr(row, key): row for row in getattr(self, f"{facet}s")} for facet in facets}
            for key in ("pk", "slug")
        }


_latest: tuple[object, PublicSummary] | None = None


def public_summary() -> PublicSummary:
    """The summary of the current public content version."""
    global _latest
    token = page_cache.current_token()
    cached = _latest
    if token is not None and cached is not None and cached[0] == token:
        return cached[1]
    summary = PublicSummary()
    if token is not None:
        _latest = (token, summary)  # one assignment: safe beside the worker's other thread
    return summary
