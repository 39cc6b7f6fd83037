"""/districts/: the server-drawn map shaded by public honorees, with the list and the attribution."""

import re

import pytest

from networks import map as district_map
from networks.models import District
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def test_geojson_is_read_once_and_projected_for_all_19_districts():
    drawing = district_map.district_map()
    assert drawing is district_map.district_map()
    assert set(drawing.shapes) == {f"84{n:02d}" for n in range(1, 20)}
    for shape in drawing.shapes.values():
        numbers = [float(n) for n in re.findall(r"-?\d+\.\d", shape.path)]
        assert all(0 <= n <= max(drawing.width, drawing.height) for n in numbers)
        assert shape.path.startswith("M") and shape.path.endswith("Z")


@pytest.mark.parametrize("count, highest, bucket", [(0, 10, 0), (1, 10, 1), (3, 10, 2), (10, 10, 4), (0, 0, 0)])
def test_shade_buckets(count, highest, bucket):
    assert district_map.shade(count, highest) == bucket


def test_map_links_every_district_with_an_accessible_name(client, hidden_honorees):
    samui = District.objects.get(code="8404")
    meeting = make_meeting()
    make_honoree(meeting=meeting, district=samui)
    make_honoree(meeting=make_meeting(), district=samui)
    make_honoree(meeting=meeting, district=District.objects.get(code="8406"))
    body = client.get("/districts/").content.decode()
    links = re.findall(r'<a href="(/districts/[^"]+/)" aria-label="([^"]+)" class="map__district">', body)
    assert len(links) == 19
    assert ("/districts/ko-samui/", "อำเภอเกาะสมุย: 2 ราย") in links  # the hidden ones in Ko Samui do not count
    assert ("/districts/chaiya/", "อำเภอไชยา: 1 ราย") in links
    assert ("/districts/vibhavadi/", "อำเภอวิภาวดี: 0 ราย") in links
    samui_path = re.search(r'aria-label="อำเภอเกาะสมุย: 2 ราย"[^>]*><title>[^<]*</title><path class="(shade-\d)"', body)
    chaiya_path = re.search(r'aria-label="อำเภอไชยา: 1 ราย"[^>]*><title>[^<]*</title><path class="(shade-\d)"', body)
    assert samui_path.group(1) == "shade-4" and chaiya_path.group(1) == "shade-2"
    assert "ขอบเขตอำเภอ: OCHA / กรมแผนที่ทหาร ผ่าน HDX (CC BY-IGO)" in body
    assert "style=" not in body


def test_district_list_beside_the_map_has_counts(client):
    make_honoree(district=District.objects.get(code="8404"))
    body = client.get("/districts/").content.decode()
    assert re.search(
        r'href="/districts/ko-samui/"><span class="district-list__key" aria-hidden="true">4</span> '
        r'<span class="district-list__name">เกาะสมุย</span> <span class="chip__count">1 ราย',
        body,
    )


def test_district_page_groups_its_honorees_by_fiscal_year_not_by_month(client):
    from datetime import date

    samui = District.objects.get(code="8404")
    # Fiscal year 2567 runs from October 2566 to September 2567.
    make_honoree(meeting=make_meeting(day=date(2023, 9, 26)), district=samui, name="นายกันยา")
    make_honoree(meeting=make_meeting(day=date(2023, 10, 24)), district=samui, name="นางตุลา")
    make_honoree(meeting=make_meeting(day=date(2024, 2, 27)), district=samui, name="นางกุมภา")
    make_honoree(name="นายอำเภออื่น")
    body = client.get("/districts/ko-samui/").content.decode()
    assert "นายอำเภออื่น" not in body
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", body)
    assert headings == ["ปีงบประมาณ 2567", "ปีงบประมาณ 2566"]
    assert body.index("ปีงบประมาณ 2567") < body.index("นางกุมภา") < body.index("นางตุลา")
    assert body.index("นางตุลา") < body.index("ปีงบประมาณ 2566") < body.index("นายกันยา")
    # Each card says its month instead, since the district is the page's.
    assert "ประจำเดือนตุลาคม 2566" in body and 'class="cards"' in body
