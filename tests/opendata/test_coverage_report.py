"""The secretariat's coverage report in the admin: per fiscal year, public honours only, and an
XLSX with Thai headers and Buddhist-Era dates. District officers and the public cannot open it."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from networks.models import District
from tests.admin.conftest import make_staff
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db
URL = "/admin/opendata/coveragereport/"


@pytest.fixture
def secretariat(client):
    client.force_login(make_staff("secretariat1", "secretariat"))
    return client


@pytest.fixture
def year_2569(hidden_honorees):
    first, second = make_meeting(day=date(2025, 10, 27)), make_meeting(day=date(2025, 11, 24))
    samui = District.objects.get(code="8404")
    make_honoree(meeting=first, district=samui, name="นางมาลี ศรีสุข")
    make_honoree(meeting=second, district=samui, name="=นายสูตร ลอบรัน")
    make_honoree(meeting=second, district=District.objects.get(code="8401"), name="นายสมชาย ใจดี")
    make_honoree(meeting=make_meeting(day=date(2024, 11, 20)), district=samui, name="นายปีก่อน ทดสอบ")
    return first, second


def test_report_shows_who_holds_each_place_in_the_fiscal_year(secretariat, year_2569):
    response = secretariat.get(URL, {"fiscal_year": 2569})
    assert response.status_code == 200
    body = response.content.decode()
    assert "รายงานความครอบคลุมการยกย่องเชิดชูคนดี ปีงบประมาณ 2569" in body
    assert "นางมาลี ศรีสุข" in body and "นายสมชาย ใจดี" in body
    assert "นายปีก่อน ทดสอบ" not in body  # another fiscal year
    assert "27 ต.ค. 68" in body  # B.E. dates
    assert "ผู้ได้รับการยกย่องที่เผยแพร่แล้ว 3 ราย" in body
    for hidden in ("นายซ่อน สถานะdraft", "นายซ่อน สถานะapproved", "นายซ่อน ประชุมยังไม่ประกาศ", "นายซ่อน ถอนความยินยอม"):
        assert hidden not in body


def test_xlsx_has_thai_headers_and_buddhist_era_dates(secretariat, year_2569):
    response = secretariat.get(URL + "xlsx/", {"fiscal_year": 2569})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "no-store" in response["Cache-Control"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "ทำเนียบรายครั้ง", "อำเภอ×ปีงบประมาณ", "เครือข่าย", "ประเภท", "คุณธรรมหลัก", "ยังไม่ได้รับการยกย่อง",
    ]  # fmt: skip
    grid = workbook["ทำเนียบรายครั้ง"]
    rows = list(grid.iter_rows(values_only=True))
    assert rows[0][0] == "รายงานความครอบคลุมการยกย่องเชิดชูคนดี ปีงบประมาณ 2569"
    assert rows[1][0].startswith("จัดทำเมื่อ ") and " 25" in rows[1][0]  # a B.E. year
    assert rows[2] == ("รหัสอำเภอ", "อำเภอ", "ครั้งที่ 1/2569 (27/10/2568)", "ครั้งที่ 2/2569 (24/11/2568)", "รวม")
    samui = next(r for r in rows[3:] if r[0] == "8404")
    assert samui == ("8404", "เกาะสมุย", "นางมาลี ศรีสุข", "'=นายสูตร ลอบรัน", 2)
    assert len(rows) == 3 + 19
    missing = [r[1] for r in workbook["ยังไม่ได้รับการยกย่อง"].iter_rows(min_row=4, values_only=True)]
    assert len(missing) == 17 and "เกาะสมุย" not in missing
    networks = list(workbook["เครือข่าย"].iter_rows(min_row=3, values_only=True))
    assert networks[0] == ("เครือข่าย", "จำนวน (ราย)") and sum(r[1] for r in networks[1:]) == 3


def test_bad_fiscal_year_is_a_400_not_a_500(secretariat, year_2569):
    response = secretariat.get(URL, {"fiscal_year": "abc"})
    assert response.status_code == 400
    assert "ปีงบประมาณไม่ถูกต้อง" in response.content.decode()
    assert secretariat.get(URL + "xlsx/", {"fiscal_year": "99999"}).status_code == 400


def test_only_the_secretariat_may_open_it(client, year_2569):
    assert client.get(URL).status_code == 302  # to the login page
    client.force_login(make_staff("officer_samui", "district_officer", "8404"))
    assert client.get(URL).status_code in (403, 404)
    assert client.get(URL + "xlsx/").status_code in (403, 404)
    assert "coveragereport" not in client.get("/admin/").content.decode()


def test_admin_index_links_the_report_for_the_secretariat(secretariat):
    assert URL in secretariat.get("/admin/").content.decode()


def test_report_query_count_does_not_grow_with_the_data(secretariat, year_2569):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert secretariat.get(URL, {"fiscal_year": 2569}).status_code == 200
        return len(queries)

    before = count()
    meeting = make_meeting(day=date(2026, 1, 26))
    for district in District.objects.all()[:15]:
        make_honoree(meeting=meeting, district=district)
    assert count() == before <= 15
