"""Irreversible steps ask first on their own page; nominate and approve wait for publishable consent."""

from datetime import date

import pytest
from django.urls import reverse

from halloffame.staff import permissions
from honorees.models import Honoree
from tests.admin.conftest import messages_of
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def step_url(honoree, step):
    return reverse("admin:honorees_honoree_step", args=[honoree.pk, step])


@pytest.mark.parametrize(
    ("step", "says"),
    [("withdraw", "นำออกจากหน้าสาธารณะ"), ("withdraw_consent", "ถอนความยินยอมแล้ว พร้อมวันเวลาและชื่อผู้บันทึก")],
)
def test_withdrawing_asks_on_its_own_page_and_only_a_confirmed_post_acts(secretariat_client, step, says):
    honoree = make_honoree()
    for response in (secretariat_client.get(step_url(honoree, step)), secretariat_client.post(step_url(honoree, step))):
        assert response.status_code == 200
        page = response.content.decode()
        assert says in page and "ขั้นตอนนี้ย้อนกลับไม่ได้" in page and honoree.name in page
        assert 'name="confirm" value="1"' in page
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.PUBLISHED and honoree.is_public
    secretariat_client.post(step_url(honoree, step), {"confirm": "1"})
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.WITHDRAWN and not honoree.is_public


def test_change_page_links_to_the_confirmation_instead_of_posting(secretariat_client):
    honoree = make_honoree()
    page = secretariat_client.get(reverse("admin:honorees_honoree_change", args=[honoree.pk])).content.decode()
    assert f'href="{step_url(honoree, "withdraw")}"' in page
    assert f'action="{step_url(honoree, "withdraw")}"' not in page


def test_bulk_withdraw_asks_first(secretariat_client):
    first, second = make_honoree(), make_honoree()
    changelist = reverse("admin:honorees_honoree_changelist")
    selection = {"action": "withdraw_selected", "_selected_action": [first.pk, second.pk]}
    response = secretariat_client.post(changelist, selection)
    assert response.status_code == 200
    page = response.content.decode()
    assert first.name in page and second.name in page and "ขั้นตอนนี้ย้อนกลับไม่ได้" in page
    assert Honoree.objects.filter(status=Honoree.Status.WITHDRAWN).count() == 0
    secretariat_client.post(changelist, {**selection, "confirm": "1"})
    assert Honoree.objects.filter(status=Honoree.Status.WITHDRAWN).count() == 2


def test_reject_page_says_what_will_happen(secretariat_client):
    honoree = make_honoree(status="nominated", meeting=None)
    page = secretariat_client.get(reverse("admin:honorees_honoree_reject", args=[honoree.pk])).content.decode()
    assert "เจ้าหน้าที่วัฒนธรรมอำเภอจะเห็นเหตุผลนี้" in page


def test_publish_get_shows_the_confirmation_not_a_405(secretariat_client):
    meeting = make_meeting(published=False)
    make_honoree(meeting=meeting, status="approved")
    response = secretariat_client.get(reverse("admin:meetings_meeting_publish", args=[meeting.pk]))
    assert response.status_code == 200
    assert "ผู้ที่อนุมัติแล้ว 1 รายจะเผยแพร่ทันที" in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.is_published


def test_place_get_goes_back_to_the_honoree_page(secretariat_client):
    honoree = make_honoree(status="approved", meeting=None)
    response = secretariat_client.get(reverse("admin:honorees_honoree_place", args=[honoree.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:honorees_honoree_change", args=[honoree.pk]))


NO_CONSENT = {"consent_given_on": None, "consent_method": "", "consent_covers_name": False}


@pytest.mark.parametrize(("step", "status"), [("nominate", "draft"), ("approve", "nominated")])
def test_nominate_and_approve_are_refused_for_a_living_person_without_consent(secretariat_client, samui, step, status):
    honoree = make_honoree(district=samui, status=status, meeting=None, **NO_CONSENT)
    response = secretariat_client.post(step_url(honoree, step), follow=True)
    [message] = [m for m in messages_of(response) if "ความยินยอม" in m]
    assert "ยังไม่มีความยินยอมที่เผยแพร่ได้ตาม PDPA" in message and "วันที่ให้ความยินยอม" in message
    honoree.refresh_from_db()
    assert honoree.status == status
    # The change page shows the reason where the button would be.
    page = secretariat_client.get(reverse("admin:honorees_honoree_change", args=[honoree.pk])).content.decode()
    assert "hof-held-back" in page and f'action="{step_url(honoree, step)}"' not in page


def test_consent_is_asked_only_of_living_people(secretariat_client):
    late = make_honoree(status="draft", meeting=None, is_living=False, **NO_CONSENT)
    group = make_honoree(status="draft", meeting=None, kind="group", **NO_CONSENT)
    for honoree in (late, group):
        secretariat_client.post(step_url(honoree, "nominate"))
        honoree.refresh_from_db()
        assert honoree.status == Honoree.Status.NOMINATED


def test_refusal_table_gives_the_consent_reason_after_role_and_status(officer, samui):
    honoree = make_honoree(district=samui, status="draft", meeting=None, **NO_CONSENT)
    assert "PDPA" in permissions.refusal(officer, "nominate", honoree)
    assert permissions.refusal(officer, "nominate", honoree, check_consent=False) is None
    assert "ไม่มีสิทธิ์" in permissions.refusal(officer, "approve", honoree)  # role first
    honoree.consent_given_on, honoree.consent_method, honoree.consent_covers_name = date(2024, 1, 2), "written", True
    assert permissions.refusal(officer, "nominate", honoree) is None
    minor = make_honoree(district=samui, status="draft", meeting=None, is_minor=True)
    assert "ผู้ปกครอง" in permissions.refusal(officer, "nominate", minor)
