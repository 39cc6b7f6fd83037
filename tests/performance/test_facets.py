"""Facet counts, totals and pages, however they are counted (the shared summary, one GROUP BY per
facet, or a search's matches in Python), equal counting the public rows one by one."""

import pytest

from honorees import filters
from honorees.models import Honoree
from honorees.summary import public_summary
from networks.models import Virtue


def brute_force(params, facet):
    """Counts of `facet` under every other filter, straight from the filter set."""
    rows = filters.filtered(Honoree.objects.public(), params, without=facet).distinct()
    counts = {}
    for honoree in rows.select_related("meeting").prefetch_related("virtues"):
        keys = {
            "district": [honoree.district.slug],
            "network": [honoree.network.slug],
            "kind": [honoree.kind],
            "year": [str(honoree.meeting.date.year + 543)],
            "virtue": [v.slug for v in honoree.virtues.all()],
        }[facet]
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    return counts


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"kind": "person"},
        {"district": "DISTRICT", "kind": "person"},
        {"virtue": "VIRTUE", "year": "2567"},
        {"q": "สม"},
        {"q": "Somporn", "district": "DISTRICT", "virtue": "VIRTUE"},
        {"q": "นาง", "year": "2567", "kind": "person", "network": "NETWORK"},
        {"kind": "person", "year": "02567"},
        {"q": "สม", "year": "02567"},
    ],
)
def test_facets_and_pages_match_counting_every_row(site, params):
    honoree = site["public"][0]
    virtue = Virtue.objects.order_by("order").first()
    values = {"DISTRICT": honoree.district.slug, "NETWORK": honoree.network.slug, "VIRTUE": virtue.slug}
    params = {key: values.get(value, value) for key, value in params.items()}
    facets, meetings = filters.facet_counts(Honoree.objects.public(), params, public_summary())
    for facet in filters.HonoreeFilter.FACETS:
        shown = {option["value"]: option["count"] for option in facets[facet] if option["count"]}
        assert shown == brute_force(params, facet), facet
    expected = list(
        filters.filtered(Honoree.objects.public(), params).order_by("-meeting__date", "district__code", "pk")
    )
    pages = filters.NewestFirstPages(filters.filtered(Honoree.objects.public(), params), meetings)
    assert pages.count() == len(expected)
    assert [h.pk for start in range(0, len(expected), 7) for h in pages[start : start + 7]] == [h.pk for h in expected]


def test_a_year_typed_with_a_leading_zero_is_that_year(site):
    params, invalid = filters.split_valid({"year": "02567", "q": "สม"}, public_summary())
    assert params == {"year": "2567", "q": "สม"} and invalid == []
