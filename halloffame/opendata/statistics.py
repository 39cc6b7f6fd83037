"""The coverage of the honours: counts by fiscal year, month, district, network, kind and virtue,
for /statistics/ and the secretariat's reports. Counts come only from Honoree.objects.public(), in
a fixed handful of grouped queries whatever the number of districts, networks or years."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth

from halloffame import thai
from honorees.models import Honoree
from networks.map import shade
from networks.models import District, Network, Virtue

# Months in fiscal-year order: October first.
FISCAL_MONTHS = (10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9)
# A network is under-represented when it has fewer than this share of an even split.
UNDER_REPRESENTED_SHARE = 0.5


@dataclass
class Coverage:
    fiscal_year: int | None  # the selected one, None for all years
    focus_year: int | None  # the selected one, else the latest with public honorees
    district: District | None
    network: Network | None
    districts: list[District]
    networks: list[Network]
    fiscal_years: list[int]  # every fiscal year with public honorees (under the network filter)
    total: int = 0
    by_fiscal_year: list[tuple[int, int]] = field(default_factory=list)
    by_month: list[tuple[int, int]] = field(default_factory=list)  # (month 1..12, count) in fiscal order
    by_network: list[tuple[Network, int]] = field(default_factory=list)
    by_kind: list[tuple[str, str, int]] = field(default_factory=list)  # (value, label, count)
    by_virtue: list[tuple[Virtue, int]] = field(default_factory=list)
    heat: list[dict] = field(default_factory=list)  # one row per district: counts per fiscal year
    heat_highest: int = 0
    districts_without: list[District] = field(default_factory=list)  # none in the focus year
    networks_under: list[tuple[Network, int]] = field(default_factory=list)
    even_share: float = 0.0


def reference_lists() -> tuple[list[District], list[Network]]:
    return list(District.objects.order_by("code")), list(Network.objects.order_by("order"))


def coverage(*, fiscal_year: int | None = None, district=None, network=None, lists=None) -> Coverage:
    """`lists`: the (districts, networks) of reference_lists(), when the caller has them already."""
    public = Honoree.objects.public()
    districts, networks = lists or reference_lists()

    # 1. district × fiscal year (network filter only): the heat table, the years, the districts
    # without an honour in the focus year, and the per-year chart.
    in_network = public.filter(network=network) if network else public
    cells = Counter(
        {
            (d, fy): n
            for d, fy, n in in_network.order_by()
            .values_list("district_id", "meeting__fiscal_year")
            .annotate(n=Count("pk"))
        }
    )
    fiscal_years = sorted({fy for _d, fy in cells})
    focus_year = fiscal_year or (fiscal_years[-1] if fiscal_years else None)
    result = Coverage(
        fiscal_year=fiscal_year,
        focus_year=focus_year,
        district=district,
        network=network,
        districts=districts,
        networks=networks,
        fiscal_years=fiscal_years,
    )
    shown_districts = [district] if district else districts
    per_year = Counter()
    for d in shown_districts:
        for fy in fiscal_years:
            per_year[fy] += cells[(d.pk, fy)]
    result.by_fiscal_year = [(fy, per_year[fy]) for fy in fiscal_years]
    result.heat_highest = max(cells.values(), default=0)
    result.heat = [
        {
            "district": d,
            "cells": [
                {"fiscal_year": fy, "count": cells[(d.pk, fy)], "shade": shade(cells[(d.pk, fy)], result.heat_highest)}
                for fy in fiscal_years
            ],
            "total": sum(cells[(d.pk, fy)] for fy in fiscal_years),
        }
        for d in shown_districts
    ]
    result.districts_without = [d for d in shown_districts if focus_year and not cells[(d.pk, focus_year)]]

    # 2. network × kind × fiscal year (district filter only): networks, kinds, under-representation.
    in_district = public.filter(district=district) if district else public
    rows = in_district.order_by().values_list("network_id", "kind", "meeting__fiscal_year").annotate(n=Count("pk"))
    per_network, per_kind = Counter(), Counter()
    for network_id, kind, fy, n in rows:
        if fiscal_year and fy != fiscal_year:
            continue
        per_network[network_id] += n
        if not network or network_id == network.pk:
            per_kind[kind] += n
    result.by_network = [(n, per_network[n.pk]) for n in networks]
    result.by_kind = [(value, label, per_kind[value]) for value, label in Honoree.Kind.choices]
    scope_total = sum(per_network.values())
    result.even_share = scope_total / len(networks) if networks else 0
    result.networks_under = [
        (n, count)
        for n, count in result.by_network
        if scope_total and count < result.even_share * UNDER_REPRESENTED_SHARE
    ]

    # 3. month of the meeting and 4. virtue, under every filter.
    scoped = in_district.filter(network=network) if network else in_district
    if fiscal_year:
        scoped = scoped.filter(meeting__fiscal_year=fiscal_year)
    months = dict(
        scoped.annotate(month=ExtractMonth("meeting__date")).order_by().values_list("month").annotate(n=Count("pk"))
    )
    result.by_month = [(m, months.get(m, 0)) for m in FISCAL_MONTHS]
    result.total = sum(months.values())
    virtues = Virtue.objects.annotate(n=Count("honoree", filter=Q(honoree__in=scoped.values("pk")))).order_by("order")
    result.by_virtue = [(v, v.n) for v in virtues]
    return result


def month_label(month: int, language: str = "th") -> str:
    """ต.ค. / Oct"""
    names = thai.MONTHS_SHORT if language == "th" else thai.MONTHS_EN_SHORT
    return names[month - 1]


def meeting_grid(fiscal_year: int):
    """For the secretariat: the fiscal year's published meetings and, for every district, the
    public honorees of each (two queries)."""
    from meetings.models import Meeting

    meetings = list(Meeting.objects.published().in_fiscal_year(fiscal_year).order_by("date"))
    holders = defaultdict(list)
    for honoree in (
        Honoree.objects.public()
        .filter(meeting__fiscal_year=fiscal_year)
        .select_related("network")
        .order_by("meeting__date", "pk")
    ):
        holders[(honoree.district_id, honoree.meeting_id)].append(honoree)
    return meetings, holders
