"""Buddhist Era in the whole admin: date boxes show and read B.E., lists, filters, the date
hierarchy, history pages, created/changed times and export file names are B.E., and the import
reads the same typed dates (halloffame/thai.py parses, halloffame/admin_dates.py plugs it in)."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import dateformat, timezone

from halloffame import thai
from honorees.models import Honoree, PrivacyRequest
from networks.models import Network
from tests.admin.conftest import honoree_form
from tests.admin.test_spreadsheets import CONFIRM, HEADER, IMPORT, csv_file
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db

ADD = "admin:honorees_honoree_add"
TYPED_DATES = [
    ("26/10/2564", date(2021, 10, 26)),
    ("26/10/64", date(2021, 10, 26)),
    ("๒๖/๑๐/๒๕๖๔", date(2021, 10, 26)),
    ("26 ต.ค. 2564", date(2021, 10, 26)),
    ("26 ตุลาคม 2564", date(2021, 10, 26)),
    ("26 ต.ค. 64", date(2021, 10, 26)),
    ("29/02/2567", date(2024, 2, 29)),
    ("29 กุมภาพันธ์ 2567", date(2024, 2, 29)),
]


def errors(response) -> str:
    return " ".join(re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S))


@pytest.mark.parametrize("typed, day", TYPED_DATES)
def test_the_admin_reads_every_typed_be_date(secretariat_client, samui, typed, day):
    data = honoree_form(samui, Network.objects.first(), consent_given_on=typed)
    response = secretariat_client.post(reverse(ADD), data)
    assert response.status_code == 302, errors(response)
    assert Honoree.objects.get().consent_given_on == day


@pytest.mark.parametrize(
    "typed, said",
    [
        ("26/10/2021", "ดูเหมือนเป็นปี ค.ศ. (ตรงกับ พ.ศ. 2564) — โปรดพิมพ์เป็นปี พ.ศ. เช่น 26/10/2564"),
        ("29/02/2566", "เดือนกุมภาพันธ์ พ.ศ. 2566 มี 28 วัน"),
        ("เมื่อวาน", "ไม่ใช่วันที่ที่อ่านได้"),
    ],
)
def test_the_admin_refuses_a_date_in_thai_with_the_format_and_saves_nothing(secretariat_client, samui, typed, said):
    data = honoree_form(samui, Network.objects.first(), consent_given_on=typed)
    response = secretariat_client.post(reverse(ADD), data)
    assert response.status_code == 200
    assert said in errors(response) and "26/10/2564" in errors(response)
    assert not Honoree.objects.exists()


def test_a_consent_date_in_the_future_is_refused_in_the_admin(secretariat_client, samui):
    tomorrow = thai.be_numeric_date(timezone.localdate() + timedelta(days=1))
    response = secretariat_client.post(
        reverse(ADD), honoree_form(samui, Network.objects.first(), consent_given_on=tomorrow)
    )
    assert "ยังไม่ถึง" in errors(response)
    assert not Honoree.objects.exists()


def test_a_date_box_shows_the_stored_date_in_be(secretariat_client):
    honoree = make_honoree(consent_given_on=date(2024, 2, 29))
    body = secretariat_client.get(reverse("admin:honorees_honoree_change", args=[honoree.pk])).content.decode()
    assert re.search(r'<input type="text" name="consent_given_on" value="29/02/2567"', body)
    assert "calendar.js" not in body  # the Gregorian date picker would type C.E. dates


def test_created_and_changed_times_and_the_history_page_are_be(secretariat_client):
    honoree = make_honoree()
    now = timezone.localtime()
    shown = f"{now.day} {thai.MONTHS_FULL[now.month - 1]} {thai.be_year(now)}"
    change = secretariat_client.get(reverse("admin:honorees_honoree_change", args=[honoree.pk])).content.decode()
    history = secretariat_client.get(reverse("admin:honorees_honoree_history", args=[honoree.pk])).content.decode()
    assert shown in change and shown in history
    assert f" {now.year}," not in change and f" {now.year}," not in history


def test_the_meeting_list_date_column_and_date_hierarchy_are_be(secretariat_client):
    make_meeting(day=date(2024, 2, 29))
    make_meeting(day=date(2025, 3, 25))
    url = reverse("admin:meetings_meeting_changelist")
    body = secretariat_client.get(url).content.decode()
    hierarchy = re.search(r'<nav class="toplinks">(.*?)</nav>', body, re.S).group(1)
    assert re.findall(r">([^<]+)</a>", hierarchy) == ["2567", "2568"]
    assert "29 กุมภาพันธ์ 2567" in body and "2024" not in re.sub(r'href="[^"]*"', "", body)
    months = secretariat_client.get(url, {"date__year": "2024"}).content.decode()
    assert "กุมภาพันธ์ 2567" in re.search(r'<nav class="toplinks">(.*?)</nav>', months, re.S).group(1)


def test_a_meeting_date_is_typed_in_be_and_may_be_ahead(secretariat_client):
    day = timezone.localdate() + timedelta(days=40)
    response = secretariat_client.post(
        reverse("admin:meetings_meeting_add"),
        {
            "date": f"{day.day} {thai.MONTHS_SHORT[day.month - 1]} {thai.be_year(day)}",
            "title": "",
            "venue": "",
            "announcement": "",
        },
    )
    assert response.status_code == 302, errors(response)


def test_a_date_and_time_box_reads_be(admin_client):
    request = PrivacyRequest.objects.create(kind="removal", requester_name="ก", requester_contact="x", message="m")
    url = reverse("admin:honorees_privacyrequest_change", args=[request.pk])
    data = {"kind": "removal", "requester_name": "ก", "requester_contact": "x", "message": "m", "resolution": ""}
    response = admin_client.post(url, {**data, "handled_at_0": "๒๖ ต.ค. ๒๕๖๔", "handled_at_1": "10:30"})
    assert response.status_code == 302
    assert timezone.localtime(PrivacyRequest.objects.get().handled_at).date() == date(2021, 10, 26)
    assert 'name="handled_at_0" value="26/10/2564"' in admin_client.get(url).content.decode()
    refused = admin_client.post(url, {**data, "handled_at_0": "26/10/2021", "handled_at_1": "10:30"})
    assert "โปรดพิมพ์เป็นปี พ.ศ." in errors(refused)


def test_export_file_names_carry_the_be_date(secretariat_client):
    response = secretariat_client.get(reverse("admin:honorees_honoree_export_csv"))
    stamp = thai.be_file_stamp(timezone.localdate())
    assert f'filename="honorees-staff-only-{stamp}.csv"' in response["Content-Disposition"]
    assert stamp.startswith("25")


@pytest.mark.parametrize("typed, day", TYPED_DATES)
def test_the_import_reads_the_same_typed_dates(secretariat_client, typed, day):
    text = HEADER + f"8404,นายวันที่ นำเข้า,education,เหตุผล,{typed},written,ใช่,\n"
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(text)})
    assert response.context["problem_count"] == 0, response.context["checked"][0].problems
    secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    assert Honoree.objects.get().consent_given_on == day


@pytest.mark.parametrize(
    "typed, said",
    [("26/10/2021", "ดูเหมือนเป็นปี ค.ศ."), ("29/02/2566", "มี 28 วัน"), ("future", "ยังไม่ถึง")],
)
def test_the_import_refuses_what_the_admin_refuses(secretariat_client, typed, said):
    if typed == "future":
        typed = thai.be_numeric_date(timezone.localdate() + timedelta(days=1))
    text = HEADER + f"8404,นายวันที่ ผิด,education,เหตุผล,{typed},written,ใช่,\n"
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(text)})
    problems = " ".join(response.context["checked"][0].problems)
    assert said in problems
    assert secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"]}).status_code == 400
    assert not Honoree.objects.exists()


def test_public_and_machine_dates_stay_gregorian_after_an_admin_page(secretariat_client, client):
    make_honoree()
    secretariat_client.get(reverse("admin:meetings_meeting_changelist"))
    assert dateformat.format(date(2021, 10, 26), "Y-m-d") == "2021-10-26"
    sitemap = client.get("/sitemap.xml").content.decode()
    assert re.search(r"<lastmod>20\d\d-\d\d-\d\d", sitemap)


def test_moving_a_meeting_in_the_admin_renumbers_it_in_its_new_fiscal_year(secretariat_client, client):
    make_meeting(day=date(2021, 10, 26))  # 1/2565
    moving = make_meeting(day=date(2021, 9, 28), published=True)  # 1/2564
    data = {"date": "23/11/2564", "number": "1", "title": moving.title, "venue": "", "announcement": ""}
    response = secretariat_client.post(reverse("admin:meetings_meeting_change", args=[moving.pk]), data)
    assert response.status_code == 302, errors(response)
    moving.refresh_from_db()
    assert (moving.fiscal_number, moving.slug) == ("ครั้งที่ 2/2565", "2565-2")
    assert client.get("/meetings/2564-1/")["Location"] == "/meetings/2565-2/"
