"""A district officer sees and changes only their own districts' honorees, and only the steps of their role."""

import json

import pytest
from django.urls import reverse

from honorees.models import Honoree
from networks.models import District, Network
from tests.admin.conftest import honoree_form, make_staff, messages_of
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(samui):
    return make_honoree(district=samui, status="draft", meeting=None, name="นายเกาะ สมุยดี", citation="ครูอาสาบนเกาะ")


@pytest.fixture
def foreign(phangan):
    return make_honoree(district=phangan, status="draft", meeting=None, name="นายพะงัน ต่างถิ่น", citation="ครูอาสา")


def test_changelist_lists_only_own_districts(officer_client, own, foreign):
    page = officer_client.get(reverse("admin:honorees_honoree_changelist")).content.decode()
    assert own.name in page
    assert foreign.name not in page


def test_search_is_thai_substring_within_own_districts(officer_client, own, foreign):
    page = officer_client.get(reverse("admin:honorees_honoree_changelist"), {"q": "ครูอาสา"}).content.decode()
    assert own.name in page and foreign.name not in page
    page = officer_client.get(reverse("admin:honorees_honoree_changelist"), {"q": "สมุย"}).content.decode()
    assert own.name in page


def test_district_filter_offers_only_own_districts(client, own, foreign):
    two_districts = make_staff("officer_two", "district_officer", "8404", "8406")
    make_honoree(district=District.objects.get(code="8406"), status="draft", meeting=None)
    client.force_login(two_districts)
    page = client.get(reverse("admin:honorees_honoree_changelist")).content.decode()
    filters = page[page.index('id="changelist-filter"') :]
    assert "เกาะสมุย" in filters and "ไชยา" in filters and "เกาะพะงัน" not in filters


@pytest.mark.parametrize(
    "name,args",
    [
        ("admin:honorees_honoree_change", []),
        ("admin:honorees_honoree_history", []),
        ("admin:honorees_honoree_delete", []),
        ("admin:honorees_honoree_reject", []),
    ],
)
def test_another_districts_honoree_by_address_is_404(officer_client, foreign, name, args):
    assert officer_client.get(reverse(name, args=[foreign.pk, *args])).status_code == 404


def test_another_districts_old_version_is_404(officer_client, foreign):
    version = foreign.history.earliest()
    url = reverse("admin:honorees_honoree_simple_history", args=[foreign.pk, version.history_id])
    assert officer_client.get(url).status_code == 404


def test_forged_steps_on_another_districts_honoree_change_nothing(officer_client, foreign):
    for step in ("nominate", "withdraw", "withdraw_consent"):
        response = officer_client.post(reverse("admin:honorees_honoree_step", args=[foreign.pk, step]))
        assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == Honoree.Status.DRAFT and foreign.consent_withdrawn_at is None


def test_forged_change_post_for_another_district_is_refused(officer_client, foreign, phangan):
    network = Network.objects.first()
    response = officer_client.post(
        reverse("admin:honorees_honoree_change", args=[foreign.pk]), honoree_form(phangan, network, name="ถูกแก้")
    )
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.name == "นายพะงัน ต่างถิ่น"


def test_officer_cannot_create_in_another_district(officer_client, phangan):
    network = Network.objects.first()
    response = officer_client.post(reverse("admin:honorees_honoree_add"), honoree_form(phangan, network))
    assert response.status_code == 200  # the form again, with an error on district
    assert "district" in response.context["adminform"].form.errors
    assert not Honoree.objects.filter(name="นางสาวทดลอง ใจงาม").exists()


def test_officer_cannot_move_own_honoree_to_another_district(officer_client, own, phangan):
    network = Network.objects.first()
    response = officer_client.post(
        reverse("admin:honorees_honoree_change", args=[own.pk]), honoree_form(phangan, network, name=own.name)
    )
    assert response.status_code == 200
    own.refresh_from_db()
    assert own.district.code == "8404"


def test_officer_creates_a_draft_and_cannot_set_status_or_meeting(officer_client, samui):
    network = Network.objects.first()
    meeting = make_meeting(published=False)
    data = honoree_form(samui, network, status="published", meeting=meeting.pk, consent_withdrawn_at="2024-01-01")
    officer_client.post(reverse("admin:honorees_honoree_add"), data)
    honoree = Honoree.objects.get(name="นางสาวทดลอง ใจงาม")
    assert honoree.status == Honoree.Status.DRAFT
    assert honoree.meeting is None and honoree.consent_withdrawn_at is None


def test_district_form_field_and_autocomplete_offer_only_own_districts(officer_client):
    page = officer_client.get(reverse("admin:honorees_honoree_add")).content.decode()
    assert "เกาะพะงัน" not in page
    response = officer_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "honorees", "model_name": "honoree", "field_name": "district", "term": ""},
    )
    assert response.status_code == 200
    names = [item["text"] for item in json.loads(response.content)["results"]]
    assert names == ["เกาะสมุย"]


@pytest.mark.parametrize("step", ["approve", "withdraw", "unplace"])
def test_officer_cannot_take_secretariat_steps(officer_client, samui, step):
    honoree = make_honoree(district=samui, status="nominated" if step != "unplace" else "approved", meeting=None)
    before = honoree.status
    if step == "withdraw":
        honoree = make_honoree(district=samui, status="published")
        before = honoree.status
    url = reverse("admin:honorees_honoree_step", args=[honoree.pk, step])
    response = officer_client.post(url, {"confirm": "1"}, follow=True)
    assert any("ไม่มีสิทธิ์" in m or "ไม่ได้ เพราะ" in m for m in messages_of(response))
    assert officer_client.get(url).status_code == 403  # the confirmation page gives the reason, no button
    honoree.refresh_from_db()
    assert honoree.status == before


def test_officer_cannot_reject(officer_client, samui):
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    url = reverse("admin:honorees_honoree_reject", args=[honoree.pk])
    response = officer_client.post(url, {"reason": "ไม่ผ่าน"}, follow=True)
    assert any("ไม่มีสิทธิ์ไม่อนุมัติ" in m for m in messages_of(response))
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.NOMINATED


def test_officer_cannot_withdraw_consent_of_a_published_honoree(officer_client, samui):
    honoree = make_honoree(district=samui)
    officer_client.post(reverse("admin:honorees_honoree_step", args=[honoree.pk, "withdraw_consent"]), {"confirm": "1"})
    honoree.refresh_from_db()
    assert honoree.consent_withdrawn_at is None and honoree.is_public


def test_officer_cannot_delete(officer_client, own):
    assert (
        officer_client.post(reverse("admin:honorees_honoree_delete", args=[own.pk]), {"post": "yes"}).status_code == 403
    )
    response = officer_client.post(
        reverse("admin:honorees_honoree_changelist"), {"action": "delete_selected", "_selected_action": [own.pk]}
    )
    assert response.status_code in (200, 302)
    assert Honoree.objects.filter(pk=own.pk).exists()


def test_officer_bulk_actions_exclude_secretariat_steps(officer_client, own, samui):
    nominated = make_honoree(district=samui, status="nominated", meeting=None)
    page = officer_client.get(reverse("admin:honorees_honoree_changelist")).content.decode()
    assert 'value="nominate_selected"' in page and 'value="approve_selected"' not in page
    officer_client.post(
        reverse("admin:honorees_honoree_changelist"),
        {"action": "approve_selected", "_selected_action": [nominated.pk]},
    )
    nominated.refresh_from_db()
    assert nominated.status == Honoree.Status.NOMINATED


def test_officer_bulk_nominate_ignores_another_districts_ids(officer_client, own, foreign):
    officer_client.post(
        reverse("admin:honorees_honoree_changelist"),
        {"action": "nominate_selected", "_selected_action": [own.pk, foreign.pk]},
    )
    own.refresh_from_db()
    foreign.refresh_from_db()
    assert own.status == Honoree.Status.NOMINATED and foreign.status == Honoree.Status.DRAFT


def test_officer_cannot_edit_after_approval(officer_client, samui):
    honoree = make_honoree(district=samui, status="approved", meeting=None)
    network = Network.objects.first()
    url = reverse("admin:honorees_honoree_change", args=[honoree.pk])
    assert officer_client.get(url).status_code == 200  # read-only view
    assert officer_client.post(url, honoree_form(samui, network, name="แก้ทีหลัง")).status_code == 403
    honoree.refresh_from_db()
    assert honoree.name != "แก้ทีหลัง"


def test_officer_cannot_publish_a_meeting_or_fill_the_board(officer_client, samui):
    meeting = make_meeting(published=False)
    approved = make_honoree(district=samui, status="approved", meeting=None)
    response = officer_client.post(
        reverse("admin:meetings_meeting_publish", args=[meeting.pk]), {"confirm_vacancies": "1"}, follow=True
    )
    assert any("เฉพาะฝ่ายเลขานุการ" in m for m in messages_of(response))
    board = reverse("admin:meetings_meeting_board", args=[meeting.pk])
    assert officer_client.get(board).status_code == 200
    officer_client.post(board, {"action": "place", "district": "8404", "honoree": approved.pk})
    meeting.refresh_from_db()
    approved.refresh_from_db()
    assert not meeting.is_published and approved.meeting is None
    assert officer_client.post(reverse("admin:meetings_meeting_change", args=[meeting.pk]), {}).status_code == 403


def test_board_hides_other_districts_unpublished_holders_from_officers(officer_client, samui, phangan):
    meeting = make_meeting(published=False)
    mine = make_honoree(meeting=meeting, district=samui, status="approved")
    theirs = make_honoree(meeting=meeting, district=phangan, status="approved", name="นายลับ เฉพาะ")
    page = officer_client.get(reverse("admin:meetings_meeting_board", args=[meeting.pk])).content.decode()
    assert mine.name in page and theirs.name not in page
    assert "มีผู้ได้รับการยกย่องแล้ว" in page


def test_account_without_role_sees_nothing(client, django_user_model, own):
    user = django_user_model.objects.create_user("itstaff", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:honorees_honoree_changelist")).status_code == 403
    assert client.get(reverse("admin:honorees_honoree_change", args=[own.pk])).status_code in (403, 404)
