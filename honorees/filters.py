"""The filters of /honorees/: district, network, kind, Buddhist-Era year, virtue, search and sort.

Values are plain strings checked against the facet options the page has already counted, so
filtering costs no extra query and an unknown value is reported instead of failing.
"""

import unicodedata
from urllib.parse import urlencode

import django_filters
from django.db.models import Count, Q, Value
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from halloffame import thai
from honorees.models import Honoree
from networks.models import District, Network, Virtue

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


def filtered(queryset, params: dict[str, str], *, without: str | None = None):
    data = {key: value for key, value in params.items() if key != without and key != "sort"}
    return HonoreeFilter(data, queryset=queryset).qs


def facet_counts(queryset, params: dict[str, str]) -> dict[str, list[dict]]:
    """Options with counts for each facet, counted under the other filters: one query per facet."""
    facets = {}

    def ids(without):
        return filtered(queryset, params, without=without).values("pk")

    districts = District.objects.annotate(
        n=Count("honorees", filter=Q(honorees__in=ids("district")), distinct=True)
    ).order_by("code")
    facets["district"] = [{"value": d.slug, "label": d.name, "count": d.n} for d in districts]

    networks = Network.objects.annotate(
        n=Count("honorees", filter=Q(honorees__in=ids("network")), distinct=True)
    ).order_by("order")
    facets["network"] = [{"value": n.slug, "label": n.name, "count": n.n} for n in networks]

    kinds = dict(
        filtered(queryset, params, without="kind").order_by().values_list("kind").annotate(n=Count("pk", distinct=True))
    )
    facets["kind"] = [
        {"value": value, "label": label, "count": kinds.get(value, 0)} for value, label in Honoree.Kind.choices
    ]

    years = (
        filtered(queryset, params, without="year")
        .annotate(y=ExtractYear("meeting__date"))
        .order_by()
        .values_list("y")
        .annotate(n=Count("pk", distinct=True))
    )
    facets["year"] = [
        {"value": str(thai.be_year_number(y)), "label": str(thai.be_year_number(y)), "count": n}
        for y, n in sorted(years, reverse=True)
        if y is not None
    ]

    virtues = Virtue.objects.annotate(n=Count("honoree", filter=Q(honoree__in=ids("virtue")), distinct=True)).order_by(
        "order"
    )
    facets["virtue"] = [{"value": v.slug, "label": v.name, "count": v.n} for v in virtues]
    return facets


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


def split_valid(params: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The parameters with a known value, and the names of those without (an unknown slug,
    kind, year or sort). The three slug lists are checked in one query."""
    slug_fields = [key for key in ("district", "network", "virtue") if key in params]
    known = set()
    if slug_fields:
        models = {"district": District, "network": Network, "virtue": Virtue}
        queries = [
            models[key]
            .objects.filter(slug=params[key])
            .order_by()
            .annotate(facet=Value(key))
            .values_list("facet", "slug")
            for key in slug_fields
        ]
        known = set(queries[0].union(*queries[1:]))
    bad = [key for key in slug_fields if (key, params[key]) not in known]
    if "kind" in params and params["kind"] not in Honoree.Kind.values:
        bad.append("kind")
    # ASCII digits only: "²⁵⁶⁴".isdigit() is true but int() refuses it.
    year = params.get("year", "")
    if "year" in params and not (year.isascii() and year.isdigit() and YEAR_RANGE[0] <= int(year) <= YEAR_RANGE[1]):
        bad.append("year")
    if "sort" in params and params["sort"] not in dict(HonoreeFilter.SORT_CHOICES):
        bad.append("sort")
    return {key: value for key, value in params.items() if key not in bad}, bad
