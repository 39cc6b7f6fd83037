"""/honorees/: filters kept in the address, counted options, Thai search, sort, pagination."""

import re

import pytest

from honorees.models import Honoree
from networks.models import District, Network, Virtue
from tests.factories import make_honoree, make_meeting
from tests.public.conftest import make_public_honorees

pytestmark = pytest.mark.django_db


def names_on(response):
    return re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', response.content.decode())


def option(body, name, value):
    """The text of <option value=value> inside <select name=name>."""
    select = re.search(rf'<select id="filter-{name}" name="{name}">(.*?)</select>', body, re.S).group(1)
    match = re.search(rf'<option value="{re.escape(value)}"( selected)?>([^<]*)</option>', select)
    return match.group(2) if match else None


def test_filters_by_district_network_kind_year_and_virtue_combined(client):
    samui = District.objects.get(code="8404")
    education = Network.objects.get(slug="education")
    honesty = Virtue.objects.get(slug="honesty")
    from datetime import date

    meeting = make_meeting(day=date(2025, 3, 25))
    match = make_honoree(meeting=meeting, district=samui, network=education, kind="organization", name="โรงเรียนตรงทุกข้อ")
    match.virtues.add(honesty)
    other_kind = make_honoree(meeting=meeting, network=education, kind="person", name="นายคนละประเภท")
    other_kind.virtues.add(honesty)
    make_honoree(district=samui, network=education, kind="organization", name="โรงเรียนปีอื่น")  # another year
    url = "/honorees/?district=ko-samui&network=education&kind=organization&year=2568&virtue=honesty"
    response = client.get(url)
    assert response.status_code == 200
    assert names_on(response) == ["โรงเรียนตรงทุกข้อ"]
    body = response.content.decode()
    for name, value in [
        ("district", "ko-samui"),
        ("network", "education"),
        ("kind", "organization"),
        ("virtue", "honesty"),
    ]:
        assert re.search(rf'<option value="{value}" selected>', body), name


def test_each_option_shows_its_count_under_the_other_filters(client):
    make_public_honorees(20)  # 19 in one meeting, 1 in the next; networks in turn
    body = client.get("/honorees/").content.decode()
    assert option(body, "district", "mueang-surat-thani") == "เมืองสุราษฎร์ธานี (2)"
    assert option(body, "district", "ko-samui") == "เกาะสมุย (1)"
    assert option(body, "network", "government") == "เครือข่ายภาครัฐ (3)"
    assert option(body, "kind", "person") == "บุคคล (20)"
    # With a network chosen, the district counts are those of that network.
    body = client.get("/honorees/?network=government").content.decode()
    assert option(body, "district", "mueang-surat-thani") == "เมืองสุราษฎร์ธานี (1)"
    assert option(body, "district", "ko-samui") == "เกาะสมุย (0)"
    assert option(body, "network", "education") == "เครือข่ายภาคการศึกษา (3)"  # its own facet ignores itself


def test_hidden_honorees_are_in_no_count_or_result(client, hidden_honorees):
    make_honoree(name="นางมาลี เปิดเผย")
    body = client.get("/honorees/").content.decode()
    assert "พบ 1 ราย" in body
    assert option(body, "district", "ko-samui") == "เกาะสมุย (0)"
    for honoree in hidden_honorees:
        assert honoree.name not in body
        response = client.get("/honorees/", {"q": honoree.name})
        assert honoree.name not in "".join(names_on(response))


@pytest.mark.parametrize(
    "q, found",
    [("มาลี", True), ("ศรีสุข", True), ("Malee", True), ("malee", True), ("ป่าชายเลน", True), ("ไม่มีใคร", False)],
)
def test_search_finds_thai_substrings_in_name_english_name_and_citation(client, q, found):
    make_honoree(name="นางมาลี ศรีสุข", name_en="Mrs. Malee Srisuk", citation="อนุรักษ์ป่าชายเลนบ้านเกิด")
    make_honoree(name="นายอื่น ใด", name_en="Mr. Other", citation="ช่วยงานวัด")
    assert (names_on(client.get("/honorees/", {"q": q})) == ["นางมาลี ศรีสุข"]) is found


def test_sort_by_thai_name_order_ignores_titles_and_leading_vowels(client):
    for name in ["นายสมชาย ใจดี", "นางสาวกาญจนา ทองคำ", "เด็กชายเกษม ขุนทอง", "นางอรุณี แก้วมณี"]:
        make_honoree(name=name)
    assert names_on(client.get("/honorees/?sort=name")) == [
        "นางสาวกาญจนา ทองคำ",
        "เด็กชายเกษม ขุนทอง",
        "นายสมชาย ใจดี",
        "นางอรุณี แก้วมณี",
    ]


def test_default_sort_is_newest_honoured_first(client):
    from datetime import date

    make_honoree(meeting=make_meeting(day=date(2024, 1, 23)), name="นายเก่า")
    make_honoree(meeting=make_meeting(day=date(2025, 6, 24)), name="นายใหม่")
    assert names_on(client.get("/honorees/")) == ["นายใหม่", "นายเก่า"]


def test_24_a_page_and_pagination_keeps_the_filters(client):
    make_public_honorees(30)
    first = client.get("/honorees/?kind=person&sort=name")
    assert len(names_on(first)) == 24
    body = first.content.decode()
    assert 'href="?kind=person&amp;sort=name&amp;page=2"' in body
    second = client.get("/honorees/?kind=person&sort=name&page=2")
    assert len(names_on(second)) == 6
    assert set(names_on(first)).isdisjoint(names_on(second))


def test_empty_result_is_a_helpful_page(client):
    make_honoree()
    response = client.get("/honorees/", {"q": "ไม่มีชื่อนี้แน่นอน"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "ไม่พบผู้ได้รับการยกย่องที่ตรงกับการค้นหานี้" in body
    assert "ลองใช้คำค้นที่สั้นลง" in body


def test_unknown_filter_value_is_named_and_ignored_with_a_400(client):
    make_honoree(name="นางมาลี ยังแสดง")
    response = client.get("/honorees/?district=atlantis&kind=robot")
    assert response.status_code == 400
    body = response.content.decode()
    assert "ตัวกรองบางรายการไม่ถูกต้อง" in body
    assert "อำเภอ" in body and "ประเภท" in body
    assert "นางมาลี ยังแสดง" in body


def test_kind_filter_only_offers_the_four_kinds(client):
    body = client.get("/honorees/").content.decode()
    for value in Honoree.Kind.values:
        assert option(body, "kind", value) is not None
