"""The filters of /honorees/: district, network, kind, Buddhist-Era year, virtue, search and sort.

Values are plain strings checked against the facet options the page has already counted, so
filtering costs no extra query and an unknown value is reported instead of failing.
"""

import unicodedata
from collections import Counter
from itertools import chain, compress
from operator import itemgetter
from urllib.parse import urlencode

import django_filters
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from halloffame import thai
from honorees.models import Honoree

SEARCH_MAX_LENGTH = 100
PARAM_MAX_LENGTH = 200
YEAR_RANGE = (2400, 2700)
# Surrogate, private-use and unassigned characters do not survive (databases reject some and
# nobody searches for them); control and invisible characters go in thai.clean_text.
_DROPPED_CATEGORIES = {"Cs", "Co", "Cn"}


def clean_text(value: str, max_length: int = PARAM_MAX_LENGTH) -> str:
    value = "".join(c for c in value[: max_length * 4] if _keep(c))
    return thai.clean_text(value)[:max_length]


def _keep(char: str) -> bool:
    return unicodedata.category(char) not in _DROPPED_CATEGORIES and char != "\ufffd"


class HonoreeFilter(django_filters.FilterSet):
    SORT_NEWEST = "newest"
    SORT_NAME = "name"
    SORT_CHOICES = ((SORT_NEWEST, _("ได้รับการยกย่องล่าสุด")), (SORT_NAME, _("ชื่อ ก–ฮ")))

    q = django_filters.CharFilter(method="filter_search", label=_("ค้นหา"))
    district = django_filters.CharFilter(field_name="district__slug", label=_("อำเภอ"))
    network = django_filters.CharFilter(field_name="network__slug", label=_("เครือข่าย"))
    kind = django_filters.ChoiceFilter(choices=Honoree.Kind.choices, label=_("ประเภท"))
    year = django_filters.NumberFilter(method="filter_year", label=_("ปี พ.ศ."))
    virtue = django_filters.CharFilter(field_name="virtues__slug", label=_("คุณธรรม"))

    FACETS = ("district", "network", "kind", "year", "virtue")

    class Meta:
        model = Honoree
        fields = []

    def filter_search(self, queryset, name, value):
        value = clean_text(value, SEARCH_MAX_LENGTH)
        if not value:
            return queryset
        return queryset.search(value)

    def filter_year(self, queryset, name, value):
        return queryset.filter(meeting__date__year=thai.gregorian_year(int(value)))


def fiscal_year_param(raw: str | None) -> int | None:
    """A fiscal-year filter (B.E., ASCII digits in YEAR_RANGE) or None when absent; ValueError when unknown."""
    value = clean_text(raw or "")
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and YEAR_RANGE[0] <= int(value) <= YEAR_RANGE[1]):
        raise ValueError(value)
    return int(value)


def clean_params(query_dict) -> dict[str, str]:
    """The filter parameters of a request, one value each, cleaned of characters no database takes."""
    params = {}
    for key in (*HonoreeFilter.FACETS, "q", "sort"):
        raw = query_dict.get(key)
        if raw is None:
            continue
        value = clean_text(raw, SEARCH_MAX_LENGTH if key == "q" else PARAM_MAX_LENGTH)
        if value:
            params[key] = value
    return params


# Bound once: each new FilterSet deep-copies its filters and builds a form, which cost a filtered
# page more than its queries when the facets filtered six times a request.
_FILTERS = HonoreeFilter(queryset=Honoree.objects.none()).filters


def filtered(queryset, params: dict[str, str], *, without: str | None = None, summary=None):
    """The queryset under the filters of params (already checked by split_valid), but `without`.
    Given the shared summary, a district, network or virtue is filtered by its id, which spares
    each query a join (and PostgreSQL the planning of it)."""
    for key, value in params.items():
        if key in (without, "sort"):
            continue
        if summary is not None and key in SLUG_FACETS:
            queryset = queryset.filter(**{FACET_COLUMNS[key]: summary.by_slug(key)[value].pk})
        else:
            queryset = _FILTERS[key].filter(queryset, value)
    return queryset


# The honoree column each facet counts (and, given its row's id, filters) by.
FACET_COLUMNS = {"district": "district_id", "network": "network_id", "kind": "kind", "virtue": "virtues"}
SLUG_FACETS = ("district", "network", "virtue")  # chosen by slug, from the summary's rows


def facet_counts(queryset, params: dict[str, str], summary) -> tuple[dict[str, list[dict]], list]:
    """Options with counts for each facet, counted under the other filters, and the public
    meetings with their counts under every filter (newest first: the list's total and pages).

    Without other filters a facet's counts are the shared summary's (honorees/summary.py);
    with them, one GROUP BY per facet over the public rows' indexes; with a search, every facet is
    counted from the summary's in-memory search of all public honorees (so `queryset` must be all
    of them, Honoree.objects.public()). The year facet and the meeting counts come from one count
    per meeting."""

    def counted_in_sql(facet):
        if not any(key not in (facet, "sort") for key in params):
            return None
        column = FACET_COLUMNS.get(facet, "meeting_id")
        rows = filtered(queryset, params, without=facet, summary=summary).order_by()
        return dict(rows.values_list(column).annotate(n=Count("*")))

    counted = _counter_of_matches(params, summary) if "q" in params else counted_in_sql
    facets = {}
    for facet in ("district", "network", "virtue"):
        counts = counted(facet)
        rows = getattr(summary, f"{facet}s")
        facets[facet] = [
            {"value": r.slug, "label": r.name, "count": r.public_count if counts is None else counts.get(r.pk, 0)}
            for r in rows
        ]
    kinds = counted("kind")
    kinds = summary.kinds if kinds is None else kinds
    facets["kind"] = [
        {"value": value, "label": label, "count": kinds.get(value, 0)} for value, label in Honoree.Kind.choices
    ]
    per_meeting = counted("year")
    meetings = summary.meetings if per_meeting is None else recounted(summary.meetings, per_meeting)
    years: dict[int, int] = {}
    for meeting in meetings:
        if meeting.count:
            years[meeting.year] = years.get(meeting.year, 0) + meeting.count
    facets["year"] = [{"value": str(y), "label": str(y), "count": n} for y, n in sorted(years.items(), reverse=True)]
    return facets, _in_year(meetings, params)


def searched_meetings(params: dict[str, str], summary) -> list:
    """With a search, the public meetings with their counts under every filter (newest first), for
    a page that shows no facets (the API): counted from the in-memory search, without a query."""
    return _in_year(recounted(summary.meetings, _counter_of_matches(params, summary)("year")), params)


def _in_year(meetings: list, params: dict[str, str]) -> list:
    year = int(params["year"]) if "year" in params else None
    return [m for m in meetings if m.count and (year is None or m.year == year)]


def recounted(meetings: list, per_meeting: dict) -> list:
    """The meetings, newest first, with the counts given by meeting id; those with none left out."""
    return [m._replace(count=per_meeting[m.id]) for m in meetings if per_meeting.get(m.id)]


def _counter_of_matches(params, summary):
    """With a search, the matches come from the shared summary's in-memory search (their facet
    columns and virtues) and each facet is counted from them in Python, without a query."""
    rows = summary.search(clean_text(params["q"], SEARCH_MAX_LENGTH))
    virtues_of = summary.virtues_of if rows else {}
    no_virtues = frozenset()
    year_of = {m.id: m.year for m in summary.meetings}
    chosen = {key: summary.by_slug(key)[params[key]].pk for key in SLUG_FACETS if key in params}
    tests = {
        "district": lambda row: row[1] == chosen["district"],
        "network": lambda row: row[2] == chosen["network"],
        "kind": lambda row: row[3] == params["kind"],
        "year": lambda row: year_of.get(row[4]) == int(params["year"]),
        "virtue": lambda row: chosen["virtue"] in virtues_of.get(row[0], no_virtues),
    }
    # Each active filter tested once per match; a facet counts the matches passing all the others.
    passes = {key: [test(row) for row in rows] for key, test in tests.items() if key in params}
    column = {"district": 1, "network": 2, "kind": 3, "year": 4}

    def counted(facet):
        others = [flags for key, flags in passes.items() if key != facet]
        if not others:
            kept = rows
        else:
            kept = list(compress(rows, others[0] if len(others) == 1 else map(all, zip(*others, strict=True))))
        if facet == "virtue":
            return Counter(chain.from_iterable(filter(None, map(virtues_of.get, map(itemgetter(0), kept)))))
        return Counter(map(itemgetter(column[facet]), kept))

    return counted


class NewestFirstPages:
    """A filtered list in newest-first order (meeting date, then district code) for Django's
    Paginator. Each meeting's count is known, so a page is read from only the meetings it spans
    instead of sorting every match to skip to it."""

    ORDER = ("-meeting__date", "district__code", "pk")

    def __init__(self, queryset, meetings: list, order: tuple = ORDER):
        self.queryset, self.order = queryset, order
        self.meetings = meetings  # newest first, each with its count under the filters

    @classmethod
    def of(cls, queryset, summary, order: tuple = ORDER):
        """These public honorees' pages, the count of each meeting taken in one GROUP BY."""
        per_meeting = dict(queryset.order_by().values_list("meeting_id").annotate(n=Count("*")))
        return cls(queryset, recounted(summary.meetings, per_meeting), order)

    def count(self) -> int:
        return sum(m.count for m in self.meetings)

    def __len__(self):
        return self.count()

    def __getitem__(self, page: slice):
        start, stop = page.start or 0, page.stop
        window, first, seen = [], 0, 0
        for meeting in self.meetings:
            if seen >= stop:
                break
            if seen + meeting.count > start:
                first = first if window else seen
                window.append(meeting.id)
            seen += meeting.count
        rows = self.queryset.filter(meeting_id__in=window).order_by(*self.order)
        return list(rows[start - first : stop - first])


class CountedPages:
    """A queryset whose count is already known, for Django's Paginator (spares a COUNT query)."""

    def __init__(self, queryset, total: int):
        self.queryset, self.total = queryset, total

    def count(self) -> int:
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, page: slice):
        return list(self.queryset[page])


def active_filters(params: dict[str, str], facets: dict[str, list[dict]]) -> list[dict]:
    """The filters in use, each with its label, the chosen value's label and the query string of
    the same list without it (the sort is kept; the page is not, since the results change)."""
    labels = HonoreeFilter.base_filters
    active = []
    for key in ("q", *HonoreeFilter.FACETS):
        if key not in params:
            continue
        value = params[key]
        shown = next((o["label"] for o in facets.get(key, ()) if o["value"] == value), value)
        rest = {k: v for k, v in params.items() if k != key}
        active.append({"name": key, "label": labels[key].label, "value": shown, "query": urlencode(rest)})
    return active


def split_valid(params: dict[str, str], summary) -> tuple[dict[str, str], list[str]]:
    """The parameters with a known value, and the names of those without (an unknown slug,
    kind, year or sort). Slugs are checked against the shared summary's rows, without a query."""
    bad = [key for key in SLUG_FACETS if key in params and params[key] not in summary.by_slug(key)]
    if "kind" in params and params["kind"] not in Honoree.Kind.values:
        bad.append("kind")
    # ASCII digits only: "²⁵⁶⁴".isdigit() is true but int() refuses it.
    year = params.get("year", "")
    if "year" in params and not (year.isascii() and year.isdigit() and YEAR_RANGE[0] <= int(year) <= YEAR_RANGE[1]):
        bad.append("year")
    if "sort" in params and params["sort"] not in dict(HonoreeFilter.SORT_CHOICES):
        bad.append("sort")
    valid = {key: value for key, value in params.items() if key not in bad}
    if "year" in valid:
        valid["year"] = str(int(year))  # "02567" is 2567 in links, the chosen option and the counts
    return valid, bad
