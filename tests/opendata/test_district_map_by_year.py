"""/districts/?fiscal_year=…: the map's shading and counts follow the chosen fiscal year; numbers on
the map key it to the list; the credit line is in the page's language."""

import re
from datetime import date

import pytest

from networks.models import District
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_years(hidden_honorees):
    samui, chaiya = District.objects.get(code="8404"), District.objects.get(code="8406")
    m2568, m2569 = make_meeting(day=date(2024, 11, 20)), make_meeting(day=date(2025, 11, 20))
    make_honoree(meeting=m2568, district=samui)
    make_honoree(meeting=make_meeting(day=date(2025, 1, 20)), district=samui)
    make_honoree(meeting=m2569, district=chaiya)
    return samui, chaiya


def shades(body) -> dict[str, str]:
    return dict(
        re.findall(
            r'href="/districts/([^"]+)/" aria-label="[^"]+" class="map__district">'
            r'<title>[^<]*</title><path class="(shade-\d)"',
            body,
        )
    )


def labels(body) -> dict[str, str]:
    return dict(re.findall(r'href="/districts/([^"]+)/" aria-label="([^"]+)" class="map__district"', body))


def test_all_years_by_default(client, two_years):
    body = client.get("/districts/").content.decode()
    assert labels(body)["ko-samui"] == "อำเภอเกาะสมุย: 2 ราย"
    assert shades(body)["ko-samui"] == "shade-4" and shades(body)["chaiya"] == "shade-2"
    assert (
        '<option value="" selected>' not in body and '<option value="2569">' in body and '<option value="2568">' in body
    )


def test_shading_follows_the_selected_fiscal_year(client, two_years):
    body = client.get("/districts/?fiscal_year=2569").content.decode()
    assert labels(body)["ko-samui"] == "อำเภอเกาะสมุย: 0 ราย" and labels(body)["chaiya"] == "อำเภอไชยา: 1 ราย"
    assert shades(body)["ko-samui"] == "shade-0" and shades(body)["chaiya"] == "shade-4"
    assert '<option value="2569" selected>' in body
    assert "ปีงบประมาณ 2569" in body
    body = client.get("/districts/?fiscal_year=2568").content.decode()
    assert labels(body)["ko-samui"] == "อำเภอเกาะสมุย: 2 ราย" and labels(body)["chaiya"] == "อำเภอไชยา: 0 ราย"


@pytest.mark.parametrize("value", ["abc", "25", "๒๕๖๙", "2569'--"])
def test_unknown_fiscal_year_is_a_400_with_a_thai_note(client, two_years, value):
    response = client.get("/districts/", {"fiscal_year": value})
    assert response.status_code == 400
    body = response.content.decode()
    assert "ตัวกรองบางรายการไม่ถูกต้อง" in body and labels(body)["ko-samui"] == "อำเภอเกาะสมุย: 2 ราย"


def test_numbers_on_the_map_match_the_list(client):
    body = client.get("/districts/").content.decode()
    on_map = re.findall(r'<text x="[^"]+" y="[^"]+" class="map__label label-\d">(\d+)</text>', body)
    assert on_map == [str(n) for n in range(1, 20)]
    keyed = re.findall(
        r'<span class="district-list__key" aria-hidden="true">(\d+)</span> '
        r'<span class="district-list__name">([^<]+)</span>',
        body,
    )
    assert keyed == [(str(i), d.name_th) for i, d in enumerate(District.objects.order_by("code"), start=1)]


def test_credit_line_is_translated(client):
    assert "ขอบเขตอำเภอ: OCHA / กรมแผนที่ทหาร ผ่าน HDX (CC BY-IGO)" in client.get("/districts/").content.decode()
    english = client.get("/en/districts/").content.decode()
    assert "District boundaries: OCHA / Royal Thai Survey Department, via HDX (CC BY-IGO)" in english
    assert "Shade by fiscal year" in english
