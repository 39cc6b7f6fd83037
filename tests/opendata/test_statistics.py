"""/statistics/: counts from public() only, filters in the address, accessible SVG charts with
tables, a Thai note for bad filters, and a fixed query budget."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from halloffame.opendata import charts, statistics
from honorees.models import Honoree
from networks.models import District, Network
from tests.factories import make_honoree, make_meeting
from tests.public.conftest import make_public_honorees

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_years(hidden_honorees):
    """Fiscal year 2568 (October 2567) and 2569 (two meetings), beside every hidden kind of honoree."""
    samui, chaiya, mueang = (District.objects.get(code=c) for c in ("8404", "8406", "8401"))
    government, education = Network.objects.get(slug="government"), Network.objects.get(slug="education")
    m2568 = make_meeting(day=date(2024, 10, 28))
    m2569a = make_meeting(day=date(2025, 10, 27))
    m2569b = make_meeting(day=date(2025, 11, 24))
    made = [
        make_honoree(meeting=m2568, district=samui, network=government),
        make_honoree(meeting=m2569a, district=samui, network=education, kind=Honoree.Kind.ORGANIZATION),
        make_honoree(meeting=m2569a, district=chaiya, network=education),
        make_honoree(meeting=m2569b, district=mueang, network=education),
    ]
    made[1].virtues.set([1, 2])
    made[2].virtues.set([2])
    return made


def test_counts_come_from_public_only(two_years):
    data = statistics.coverage()
    public = Honoree.objects.public()
    assert data.total == public.count() == 4
    assert dict(data.by_fiscal_year)[2569] == public.filter(meeting__fiscal_year=2569).count() == 3
    assert sum(n for _n, n in data.by_network) == public.count()
    assert sum(n for _v, _l, n in data.by_kind) == public.count()
    assert sum(row["total"] for row in data.heat) == public.count()
    virtues = dict((v.slug, n) for v, n in data.by_virtue)
    assert virtues["sufficiency"] == 1 and virtues["discipline"] == 2
    assert dict(data.by_month)[10] == public.filter(meeting__date__month=10).count()


def test_filters_narrow_every_chart(two_years):
    samui = District.objects.get(code="8404")
    education = Network.objects.get(slug="education")
    data = statistics.coverage(fiscal_year=2569, network=education)
    assert data.total == 3
    assert dict(data.by_month) == {10: 2, 11: 1, 12: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0}
    assert dict((value, n) for value, _label, n in data.by_kind)["organization"] == 1
    data = statistics.coverage(district=samui)
    assert data.total == 2 and dict(data.by_fiscal_year) == {2568: 1, 2569: 1}
    assert [row["district"] for row in data.heat] == [samui]


def test_districts_without_an_honour_in_the_fiscal_year(two_years):
    data = statistics.coverage()
    assert data.focus_year == 2569
    without = {d.code for d in data.districts_without}
    assert {"8401", "8404", "8406"}.isdisjoint(without) and len(without) == 16
    data = statistics.coverage(fiscal_year=2568)
    assert len(data.districts_without) == 18 and "8404" not in {d.code for d in data.districts_without}


def test_under_represented_networks(two_years):
    data = statistics.coverage(fiscal_year=2569)
    # 3 honorees over 8 networks: an even share is 0.375; under half of it means none at all.
    assert {n.slug for n, _count in data.networks_under} == set(
        Network.objects.exclude(slug="education").values_list("slug", flat=True)
    )


def test_page_shows_charts_with_titles_and_tables(client, two_years):
    response = client.get("/statistics/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count('<svg class="column-chart') == 2
    assert body.count('<svg class="column-chart column-chart--dense"') == 1  # the twelve months
    assert re.search(r'<svg class="column-chart"[^>]*role="img" aria-labelledby="by-year-title by-year-desc"', body)
    assert '<desc id="by-year-desc">2568: 1; 2569: 3</desc>' in body
    assert body.count('<table class="bar-chart">') == 3
    assert "อำเภอที่ยังไม่มีผู้ได้รับการยกย่องในปีงบประมาณ 2569" in body
    assert "style=" not in body and "<script" not in body
    for hidden in Honoree.objects.exclude(pk__in=Honoree.objects.public()):
        assert hidden.name not in body


def test_filters_live_in_the_address(client, two_years):
    body = client.get("/statistics/?fiscal_year=2569&district=ko-samui&network=education").content.decode()
    assert '<option value="2569" selected>' in body
    assert '<option value="ko-samui" selected>' in body
    assert '<option value="education" selected>' in body
    assert "ผู้ได้รับการยกย่องที่เผยแพร่แล้ว 1 ราย" in body


@pytest.mark.parametrize(
    "query, label",
    [("fiscal_year=abc", "ปีงบประมาณ"), ("fiscal_year=99999", "ปีงบประมาณ"), ("district=atlantis", "อำเภอ"),
     ("network=%E2%80%8Fx", "เครือข่าย"), ("fiscal_year=²⁵⁶⁹", "ปีงบประมาณ")],
)  # fmt: skip
def test_unknown_filters_are_a_400_with_a_thai_note(client, two_years, query, label):
    response = client.get(f"/statistics/?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert "ตัวกรองบางรายการไม่ถูกต้อง จึงไม่ได้นำมาใช้" in body and label in body
    assert "ผู้ได้รับการยกย่องที่เผยแพร่แล้ว 4 ราย" in body  # the rest still shown


def test_a_fiscal_year_without_honours_shows_noughts(client, two_years):
    response = client.get("/statistics/?fiscal_year=2500")
    assert response.status_code == 200
    assert "ผู้ได้รับการยกย่องที่เผยแพร่แล้ว 0 ราย" in response.content.decode()


def test_english_page(client, two_years):
    body = client.get("/en/statistics/").content.decode()
    assert '<html lang="en">' in body
    assert "Statistics" in body and "Districts without an honoree in fiscal year 2569" in body
    assert "Oct" in body and "Government" in body


def test_empty_site(client):
    response = client.get("/statistics/")
    assert response.status_code == 200
    assert "ผู้ได้รับการยกย่องที่เผยแพร่แล้ว 0 ราย" in response.content.decode()


def test_column_chart_geometry():
    chart = charts.column_chart([("a", 0), ("b", 5), ("c", 10)])
    tallest = chart.columns[2]
    assert tallest.y == charts.TOP and tallest.y + tallest.height == chart.baseline
    assert chart.columns[0].height == 0 and chart.columns[1].height == tallest.height / 2
    assert all(0 <= c.x and c.x + c.width <= chart.width for c in chart.columns)
    assert charts.column_chart([]).columns == []
    assert charts.bars([("x", 0)]) == [{"item": "x", "value": 0, "length": 0, "share": 0}]


def _count(client, url):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("query", ["", "?fiscal_year=2563&district=mueang-surat-thani&network=government"])
def test_query_count_is_fixed_and_within_budget(client, query):
    make_public_honorees(1)
    one = _count(client, f"/statistics/{query}")
    make_public_honorees(49)
    assert _count(client, f"/statistics/{query}") == one <= 10


def test_a_selection_is_counted_once_per_public_version_and_again_after_a_public_change(client, two_years):
    assert '<desc id="by-year-desc">2568: 1; 2569: 3</desc>' in client.get("/statistics/").content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get("/statistics/")
    assert len(queries) == 1  # the version's token: the counts are this version's
    make_honoree(meeting=two_years[0].meeting, district=District.objects.get(code="8406"))
    assert '<desc id="by-year-desc">2568: 2; 2569: 3</desc>' in client.get("/statistics/").content.decode()
    Honoree.objects.filter(pk=two_years[0].pk).update(consent_withdrawn_at="2026-01-01T00:00:00Z")
    assert '<desc id="by-year-desc">2568: 1; 2569: 3</desc>' in client.get("/statistics/").content.decode()
