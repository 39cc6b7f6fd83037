"""Networks, meetings by fiscal year, a meeting's announcement and the home page."""

from datetime import date

import pytest

from honorees.models import Honoree
from networks.models import District, Network
from tests.factories import make_honoree, make_meeting
from tests.public.conftest import make_public_honorees

pytestmark = pytest.mark.django_db


def test_network_page_has_description_and_only_its_honorees(client):
    network = Network.objects.get(slug="education")
    network.description_th = "ครูและสถานศึกษาที่ปลูกฝังคุณธรรม"
    network.save()
    make_honoree(network=network, name="ครูสมศรี สอนดี")
    make_honoree(network=Network.objects.get(slug="media"), name="นายสื่อ อื่น")
    body = client.get("/networks/education/").content.decode()
    assert "ครูและสถานศึกษาที่ปลูกฝังคุณธรรม" in body
    assert "ครูสมศรี สอนดี" in body and "นายสื่อ อื่น" not in body
    assert "ผู้ได้รับการยกย่อง 1 ราย" in body


def test_network_list_counts_public_honorees(client, hidden_honorees):
    make_honoree(network=Network.objects.get(slug="government"))
    body = client.get("/networks/").content.decode()
    assert body.count("ผู้ได้รับการยกย่อง 1 ราย") == 1
    assert body.count("ผู้ได้รับการยกย่อง 0 ราย") == 7


def test_meetings_are_grouped_by_fiscal_year(client):
    make_meeting(day=date(2024, 9, 24))  # fiscal year 2567
    make_meeting(day=date(2024, 10, 22))  # fiscal year 2568
    make_meeting(day=date(2024, 11, 26), published=False)
    body = client.get("/meetings/").content.decode()  # the latest fiscal year, a link to the others
    assert body.index("ปีงบประมาณ 2568") < body.index("ประจำเดือนตุลาคม 2567")
    assert "ประจำเดือนกันยายน 2567" not in body and 'href="?year=2567"' in body
    assert "ประจำเดือนพฤศจิกายน 2567" not in body
    body = client.get("/meetings/?year=2567").content.decode()
    assert "ปีงบประมาณ 2567" in body and "ประจำเดือนกันยายน 2567" in body
    assert "ประจำเดือนตุลาคม 2567" not in body and 'href="?year=2568"' in body


def test_meetings_of_an_unknown_fiscal_year_are_a_404(client):
    make_meeting(day=date(2024, 9, 24))
    make_meeting(day=date(2023, 9, 24), published=False)  # fiscal year 2566: nothing published
    for year in ("2566", "2999", "abc", "２５６７", ""):
        assert client.get(f"/meetings/?year={year}").status_code == 404


def test_meeting_page_is_the_announcement_in_district_order(client):
    meeting = make_meeting(day=date(2021, 10, 26), announcement="จังหวัดขอประกาศยกย่อง\n\nย่อหน้าสอง <b>ธรรมดา</b>")
    make_honoree(meeting=meeting, district=District.objects.get(code="8419"), name="นายวิภาวดี")
    make_honoree(meeting=meeting, district=District.objects.get(code="8401"), name="นางเมือง")
    make_honoree(meeting=meeting, district=District.objects.get(code="8404"), name="นายสมุย")
    make_honoree(meeting=meeting, district=District.objects.get(code="8405"), status="approved", name="นายยังไม่เผยแพร่")
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert "ประกาศยกย่องเชิดชูคนดี ประจำเดือนตุลาคม 2564" in body
    assert "ครั้งที่ 1/2565" in body and "26 ตุลาคม 2564" in body and "ศาลากลางจังหวัด" in body
    assert "<p>จังหวัดขอประกาศยกย่อง</p>" in body and "&lt;b&gt;ธรรมดา&lt;/b&gt;" in body
    assert body.index("นางเมือง") < body.index("นายสมุย") < body.index("นายวิภาวดี")
    assert "นายยังไม่เผยแพร่" not in body


def test_home_shows_latest_meeting_totals_search_and_ways_in(client, hidden_honorees):
    old = make_meeting(day=date(2025, 8, 26))
    latest = make_meeting(day=date(2025, 10, 28))  # fiscal year 2569
    make_honoree(meeting=old, name="นายเดือนก่อน")
    make_honoree(meeting=latest, district=District.objects.get(code="8401"), name="นางล่าสุด หนึ่ง")
    make_honoree(meeting=latest, district=District.objects.get(code="8404"), name="นายล่าสุด สอง")
    make_meeting(day=date(2025, 11, 25), published=False)
    body = client.get("/").content.decode()
    assert "นางล่าสุด หนึ่ง" in body and "นายล่าสุด สอง" in body
    assert "นายเดือนก่อน" not in body
    assert "คนดีประจำเดือนตุลาคม 2568" in body
    assert '<span class="stat__number">3</span>' in body
    assert '<span class="stat__number">2<span class="stat__of">/19</span></span>' in body
    assert "อำเภอที่มีคนดี ปีงบประมาณ 2569" in body
    assert '<span class="stat__number">8</span>' in body
    assert 'role="search"' in body and 'name="q"' in body
    assert 'href="/districts/ko-samui/"' in body and 'href="/networks/government/"' in body


def test_home_without_any_announcement_says_so(client):
    body = client.get("/").content.decode()
    assert "ยังไม่มีประกาศยกย่อง" in body


def test_home_with_many_honorees_shows_only_the_latest_meeting(client):
    make_public_honorees(25)  # 19 in the first meeting, 6 in the latest
    body = client.get("/").content.decode()
    assert body.count('class="card"') == 6


def test_district_and_network_pages_page_newest_first_across_meetings(client):
    """The pages are read a meeting window at a time; together they are the whole list in order."""
    education = Network.objects.get(slug="education")
    districts = list(District.objects.order_by("code"))
    for _ in range(3):
        meeting = make_meeting()
        for district in districts[:12]:
            make_honoree(meeting=meeting, district=district, network=education)
    for _ in range(27):
        make_honoree(district=districts[0], network=Network.objects.get(slug="media"))

    def pages(url):
        first, second = client.get(url).context, client.get(f"{url}?page=2").context
        assert first["paginator"].count == len(first["object_list"]) + len(second["object_list"])
        return [h.pk for h in first["object_list"]] + [h.pk for h in second["object_list"]]

    network_order = Honoree.objects.filter(network=education).order_by("-meeting__date", "district__code", "pk")
    assert pages("/networks/education/") == list(network_order.values_list("pk", flat=True))
    district_order = Honoree.objects.filter(district=districts[0]).order_by("-meeting__date", "sort_key", "pk")
    assert pages(districts[0].get_absolute_url()) == list(district_order.values_list("pk", flat=True))
