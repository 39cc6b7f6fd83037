"""The admin opens on what the role has to do next, and every line leads to its list or page."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from halloffame.staff import dashboard
from honorees.models import Honoree, PrivacyRequest
from meetings.models import Meeting
from networks.models import District
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def page(client) -> str:
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def _privacy_request(*, days_ago: int) -> PrivacyRequest:
    request = PrivacyRequest.objects.create(
        kind="removal", requester_name="นางสมใจ", requester_contact="0811111111", message="ขอลบ"
    )
    created = timezone.now() - timedelta(days=days_ago)
    PrivacyRequest.objects.filter(pk=request.pk).update(created_at=created)
    return request


def test_officer_sees_next_meeting_deadline_places_drafts_sent_back_and_waiting(officer_client, samui):
    today = timezone.localdate()
    meeting = make_meeting(
        published=False, day=today + timedelta(days=20), nomination_deadline=today + timedelta(days=6)
    )
    make_meeting(published=False, day=today + timedelta(days=50))  # a later one is not "next"
    draft = make_honoree(status="draft", meeting=None, district=samui, name="นายร่าง ใจดี")
    sent_back = make_honoree(
        status="rejected", meeting=None, district=samui, name="นางส่งกลับ ทดลอง", rejection_reason="ขาดหนังสือยินยอม"
    )
    waiting = make_honoree(status="nominated", meeting=None, district=samui, name="นายรอ พิจารณา")
    other = make_honoree(status="draft", meeting=None, district=District.objects.get(code="8405"), name="นายอื่น อำเภอ")

    html = page(officer_client)
    assert "งานที่ต้องทำ" in html
    assert meeting.fiscal_number in html
    assert "อีก 6 วัน" in html
    assert reverse("admin:meetings_meeting_board", args=[meeting.pk]) in html
    assert "เกาะสมุย" in html and "ว่าง — ยังไม่มีผู้ได้รับการยกย่อง" in html
    for honoree in (draft, sent_back, waiting):
        assert reverse("admin:honorees_honoree_change", args=[honoree.pk]) in html
    assert "ขาดหนังสือยินยอม" in html  # the reason it was sent back
    assert other.name not in html  # another district's draft
    assert dashboard.honoree_list_url(status__exact="rejected").replace("&", "&amp;") in html
    assert dashboard.honoree_list_url(status__exact="draft") in html
    assert dashboard.honoree_list_url(status__exact="nominated") in html


def test_officer_place_filled_names_the_holder(officer_client, samui):
    today = timezone.localdate()
    meeting = make_meeting(published=False, day=today + timedelta(days=3))
    holder = make_honoree(status="approved", meeting=meeting, district=samui, name="นางได้ที่ แล้ว")
    html = page(officer_client)
    assert "นางได้ที่ แล้ว (อนุมัติแล้ว)" in html
    assert "ฝ่ายเลขานุการยังไม่ได้กำหนด" in html  # no nomination deadline set
    assert reverse("admin:honorees_honoree_change", args=[holder.pk]) in html


def test_officer_deadline_passed_is_marked(officer_client):
    today = timezone.localdate()
    make_meeting(published=False, day=today + timedelta(days=2), nomination_deadline=today - timedelta(days=3))
    html = page(officer_client)
    assert "เลยกำหนดมาแล้ว 3 วัน" in html
    assert 'class="hof-overdue"' in html


def test_secretariat_sees_waiting_by_district_coverage_unhonoured_districts_and_privacy_days(secretariat_client, samui):
    today = timezone.localdate()
    meeting = make_meeting(
        published=False, day=today + timedelta(days=10), nomination_deadline=today + timedelta(days=1)
    )
    make_honoree(status="approved", meeting=meeting, district=samui)
    phangan = District.objects.get(code="8405")
    for _ in range(2):
        make_honoree(status="nominated", meeting=None, district=phangan)
    overdue = _privacy_request(days_ago=33)
    fresh = _privacy_request(days_ago=2)

    html = page(secretariat_client)
    assert "บรรจุแล้ว 1/19 อำเภอ" in html
    waiting_url = dashboard.honoree_list_url(status__exact="nominated", district__id__exact=phangan.pk)
    assert waiting_url.replace("&", "&amp;") in html
    assert '<span class="hof-count">2</span>' in html
    # Ko Samui holds a place this fiscal year; the other 18 districts have not been honoured yet.
    board = dashboard.secretariat_dashboard(user=None, today=today)
    unhonoured = [line.label for line in board.sections["not_honoured"]]
    assert "เกาะสมุย" not in unhonoured and len(unhonoured) == 18
    assert reverse("admin:honorees_privacyrequest_change", args=[overdue.pk]) in html
    assert "เลยกำหนดมาแล้ว 3 วัน" in html
    assert "อีก 28 วัน" in html
    lines = {line.url: line for line in board.sections["privacy"]}
    assert lines[reverse("admin:honorees_privacyrequest_change", args=[overdue.pk])].urgent
    assert not lines[reverse("admin:honorees_privacyrequest_change", args=[fresh.pk])].urgent
    assert '<li class="hof-urgent">' in html


def test_handled_privacy_request_leaves_the_dashboard(secretariat_client):
    request = _privacy_request(days_ago=40)
    PrivacyRequest.objects.filter(pk=request.pk).update(handled_at=timezone.now())
    html = page(secretariat_client)
    assert reverse("admin:honorees_privacyrequest_change", args=[request.pk]) not in html
    assert "ไม่มีคำขอที่ค้างอยู่" in html


def test_privacy_request_days_left_counts_thirty_days_from_arrival():
    request = _privacy_request(days_ago=0)
    request.refresh_from_db()
    today = timezone.localdate()
    assert request.answer_due_on == today + timedelta(days=30)
    assert request.days_left(today) == 30
    assert request.days_left(today + timedelta(days=31)) == -1


def test_dashboard_lines_lead_to_lists_that_show_them(secretariat_client, samui):
    make_honoree(status="nominated", meeting=None, district=samui, name="นายรอ ตรวจ")
    make_honoree(status="nominated", meeting=None, district=District.objects.get(code="8401"), name="นายอื่น เมือง")
    url = dashboard.honoree_list_url(status__exact="nominated", district__id__exact=samui.pk)
    listing = secretariat_client.get(url)
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "นายรอ ตรวจ" in body and "นายอื่น เมือง" not in body


def test_no_next_meeting_says_so_and_offers_to_add_one(secretariat_client):
    make_meeting(published=True, day=timezone.localdate() - timedelta(days=5))
    html = page(secretariat_client)
    assert "ยังไม่มีการประชุมครั้งถัดไปในระบบ" in html
    assert reverse("admin:meetings_meeting_add") in html


def test_nomination_deadline_after_the_meeting_is_refused(secretariat_client):
    response = secretariat_client.post(
        reverse("admin:meetings_meeting_add"),
        {"date": "10/01/2570", "nomination_deadline": "11/01/2570", "title": "", "venue": "", "announcement": ""},
    )
    assert response.status_code == 200
    assert "วันสุดท้ายของการเสนอชื่อต้องไม่เลยวันที่ประชุม" in response.content.decode()
    assert not Meeting.objects.exists()
    response = secretariat_client.post(
        reverse("admin:meetings_meeting_add"),
        {"date": "10/01/2570", "nomination_deadline": "03/01/2570", "title": "", "venue": "", "announcement": ""},
    )
    assert response.status_code == 302
    assert Meeting.objects.get().nomination_deadline.isoformat() == "2027-01-03"


def _fill(samui, count):
    today = timezone.localdate()
    meeting = Meeting.objects.filter(date=today + timedelta(days=9)).first() or make_meeting(
        published=False, day=today + timedelta(days=9), nomination_deadline=today + timedelta(days=2)
    )
    districts = list(District.objects.order_by("code"))
    for n in range(count):
        for status in ("draft", "nominated", "rejected"):
            make_honoree(status=status, meeting=None, district=samui if n % 2 else districts[n % 19])
        _privacy_request(days_ago=n)
    make_honoree(status="approved", meeting=meeting, district=samui) if not meeting.honorees.exists() else None


@pytest.mark.parametrize("client_fixture", ["officer_client", "secretariat_client"])
def test_dashboard_query_count_does_not_grow_with_the_data(request, client_fixture, samui, django_assert_num_queries):
    client = request.getfixturevalue(client_fixture)
    _fill(samui, 1)
    client.get(reverse("admin:index"))  # the session and the role are read once per request either way
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        page(client)
    _fill(samui, 30)
    with django_assert_num_queries(len(small)):
        page(client)
    assert len(small) <= 16


def test_fixed_query_counts(officer_client, secretariat_client, samui, django_assert_num_queries):
    _fill(samui, 5)
    with django_assert_num_queries(13):
        page(officer_client)
    with django_assert_num_queries(16):  # the menu asks twice whether the programme target exists
        page(secretariat_client)


def test_user_without_role_is_told_to_ask_for_one(db):
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_user("norole", password="x", is_staff=True)
    client = Client()
    client.force_login(user)
    assert "บัญชีนี้ยังไม่ได้กำหนดบทบาท" in page(client)
    assert Honoree.objects.count() == 0


def test_privacy_request_list_shows_the_answer_date_and_overdue_in_red(secretariat_client):
    overdue = _privacy_request(days_ago=31)
    _privacy_request(days_ago=3)
    html = secretariat_client.get(reverse("admin:honorees_privacyrequest_changelist")).content.decode()
    assert '<strong class="hof-overdue">เลยกำหนดมาแล้ว 1 วัน</strong>' in html
    assert "อีก 27 วัน" in html
    change = secretariat_client.get(reverse("admin:honorees_privacyrequest_change", args=[overdue.pk]))
    assert "เลยกำหนดมาแล้ว 1 วัน" in change.content.decode()


def test_both_dashboards_show_new_suggestions_per_district(officer_client, secretariat_client, samui, phangan):
    from honorees.suggestions.models import Suggestion
    from tests.suggestions.conftest import make_suggestion

    make_suggestion(district=samui)
    make_suggestion(district=samui)
    make_suggestion(district=samui, status=Suggestion.Status.UNDER_REVIEW)
    make_suggestion(district=phangan)
    officer = page(officer_client)
    assert "ใหม่ 2 จากที่ยังเปิดอยู่ 3" in officer and "ใหม่ 1 จากที่ยังเปิดอยู่ 1" not in officer  # Pha-ngan: not theirs
    assert f"district__id__exact={samui.pk}&amp;status__exact=received" in officer
    secretariat = page(secretariat_client)
    assert "ใหม่ 2 จากที่ยังเปิดอยู่ 3" in secretariat and "ใหม่ 1 จากที่ยังเปิดอยู่ 1" in secretariat
