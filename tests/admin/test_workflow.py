"""One month's cycle driven through the admin over HTTP, as each role."""

from datetime import date

import pytest
from django.urls import reverse

from honorees.models import Honoree
from networks.models import District, Network
from tests.admin.conftest import honoree_form, messages_of
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def step_url(honoree, step):
    return reverse("admin:honorees_honoree_step", args=[honoree.pk, step])


def change_url(honoree):
    return reverse("admin:honorees_honoree_change", args=[honoree.pk])


def board_url(meeting):
    return reverse("admin:meetings_meeting_board", args=[meeting.pk])


def publish_url(meeting):
    return reverse("admin:meetings_meeting_publish", args=[meeting.pk])


def test_monthly_cycle_from_draft_to_public(officer_client, secretariat_client, samui):
    network = Network.objects.first()
    meeting = make_meeting(published=False, day=date(2025, 10, 28))

    # The officer writes a draft and nominates it.
    response = officer_client.post(reverse("admin:honorees_honoree_add"), honoree_form(samui, network), follow=True)
    assert response.status_code == 200
    honoree = Honoree.objects.get(name="นางสาวทดลอง ใจงาม")
    assert honoree.status == Honoree.Status.DRAFT
    assert honoree.created_by.username == "officer_samui"
    response = officer_client.post(step_url(honoree, "nominate"), follow=True)
    assert "เสนอชื่อ นางสาวทดลอง ใจงาม แล้ว" in messages_of(response)
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.NOMINATED

    # The secretariat approves and fills the district's place on the honour board.
    secretariat_client.post(step_url(honoree, "approve"))
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.APPROVED
    board = secretariat_client.get(board_url(meeting))
    assert board.status_code == 200
    assert honoree.name in board.content.decode()  # offered for Ko Samui's vacant place
    response = secretariat_client.post(
        board_url(meeting), {"action": "place", "district": "8404", "honoree": honoree.pk}, follow=True
    )
    assert any("บรรจุ" in m for m in messages_of(response))
    honoree.refresh_from_db()
    assert honoree.meeting == meeting

    # Publishing with 18 places vacant asks first and changes nothing.
    response = secretariat_client.post(publish_url(meeting))
    assert response.status_code == 200
    assert "ยังมีที่ว่าง 18 อำเภอ" in response.content.decode()
    meeting.refresh_from_db()
    assert not meeting.is_published
    assert not Honoree.objects.public().filter(pk=honoree.pk).exists()

    # Confirmed: the meeting and its approved honorees are public at once.
    secretariat_client.post(publish_url(meeting), {"confirm_vacancies": "1"})
    meeting.refresh_from_db()
    honoree.refresh_from_db()
    assert meeting.is_published and meeting.published_at
    assert honoree.status == Honoree.Status.PUBLISHED
    assert Honoree.objects.public().filter(pk=honoree.pk).exists()
    assert officer_client.get(honoree.get_absolute_url()).status_code == 200


def test_board_lists_19_districts_in_code_order_with_holder_or_vacant(secretariat_client):
    meeting = make_meeting(published=False)
    holder = make_honoree(meeting=meeting, district=District.objects.get(code="8402"), status="approved")
    content = secretariat_client.get(board_url(meeting)).content.decode()
    positions = [content.index(f"<td>{code}</td>") for code in [d.code for d in District.objects.order_by("code")]]
    assert len(positions) == 19 and positions == sorted(positions)
    assert holder.name in content and "อนุมัติแล้ว" in content
    assert content.count(">ว่าง<") == 18


def test_publishing_a_full_board_still_asks_first_then_publishes(secretariat_client):
    meeting = make_meeting(published=False)
    for district in District.objects.all():
        make_honoree(meeting=meeting, district=district, status="approved")
    for response in (secretariat_client.get(publish_url(meeting)), secretariat_client.post(publish_url(meeting))):
        assert response.status_code == 200
        page = response.content.decode()
        assert "ผู้ที่อนุมัติแล้ว 19 รายจะเผยแพร่ทันที" in page and "บรรจุครบทั้ง 19 อำเภอแล้ว" in page
    assert not Honoree.objects.public().filter(meeting=meeting).exists()
    response = secretariat_client.post(publish_url(meeting), {"confirm": "1"})
    assert response.status_code == 302
    assert Honoree.objects.public().filter(meeting=meeting).count() == 19


def test_second_honoree_for_a_filled_place_is_refused_naming_the_holder(secretariat_client, samui):
    meeting = make_meeting(published=False)
    holder = make_honoree(meeting=meeting, district=samui, status="approved", name="นายผู้ครอง ที่หนึ่ง")
    second = make_honoree(district=samui, status="approved", meeting=None)
    response = secretariat_client.post(
        board_url(meeting), {"action": "place", "district": "8404", "honoree": second.pk}, follow=True
    )
    assert any("นายผู้ครอง ที่หนึ่ง" in m for m in messages_of(response))
    second.refresh_from_db()
    assert second.meeting is None
    # The same through the honoree page's place form.
    response = secretariat_client.post(
        reverse("admin:honorees_honoree_place", args=[second.pk]), {"meeting": meeting.pk}, follow=True
    )
    assert any("เกาะสมุย" in m and "นายผู้ครอง ที่หนึ่ง" in m for m in messages_of(response))
    second.refresh_from_db()
    assert second.meeting is None
    assert holder.name in secretariat_client.get(board_url(meeting)).content.decode()


def test_board_refuses_an_honoree_of_another_district(secretariat_client, samui, phangan):
    meeting = make_meeting(published=False)
    candidate = make_honoree(district=phangan, status="approved", meeting=None)
    response = secretariat_client.post(
        board_url(meeting), {"action": "place", "district": "8404", "honoree": candidate.pk}, follow=True
    )
    assert any("เกาะพะงัน" in m for m in messages_of(response))
    candidate.refresh_from_db()
    assert candidate.meeting is None


@pytest.mark.parametrize("status", ["draft", "nominated", "rejected", "withdrawn"])
def test_only_approved_honorees_can_be_placed(secretariat_client, samui, status):
    meeting = make_meeting(published=False)
    candidate = make_honoree(district=samui, status=status, meeting=None)
    response = secretariat_client.post(
        board_url(meeting), {"action": "place", "district": "8404", "honoree": candidate.pk}, follow=True
    )
    assert any("ไม่ได้ เพราะสถานะขณะนี้คือ" in m for m in messages_of(response))
    candidate.refresh_from_db()
    assert candidate.meeting is None


def test_living_person_without_consent_blocks_publication_by_name(secretariat_client, samui):
    meeting = make_meeting(published=False)
    make_honoree(meeting=meeting, district=District.objects.get(code="8401"), status="approved")
    blocker = make_honoree(
        meeting=meeting, district=samui, status="approved", name="นายยังไม่ ยินยอม", consent_given_on=None
    )
    response = secretariat_client.post(publish_url(meeting), {"confirm_vacancies": "1"}, follow=True)
    assert any("นายยังไม่ ยินยอม" in m and "PDPA" in m for m in messages_of(response))
    meeting.refresh_from_db()
    assert not meeting.is_published
    assert not Honoree.objects.filter(meeting=meeting, status="published").exists()
    blocker.refresh_from_db()
    assert blocker.status == Honoree.Status.APPROVED


def test_minor_needs_guardian_consent_to_be_published(secretariat_client, samui):
    meeting = make_meeting(published=False)
    make_honoree(meeting=meeting, district=samui, status="approved", name="เด็กชายเก่ง ดีมาก", is_minor=True)
    response = secretariat_client.post(publish_url(meeting), {"confirm_vacancies": "1"}, follow=True)
    assert any("เด็กชายเก่ง ดีมาก" in m for m in messages_of(response))
    meeting.refresh_from_db()
    assert not meeting.is_published


def test_reject_needs_a_reason_and_the_officer_sees_it(officer_client, secretariat_client, officer, samui):
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    url = reverse("admin:honorees_honoree_reject", args=[honoree.pk])
    assert secretariat_client.get(url).status_code == 200
    response = secretariat_client.post(url, {"reason": "   "})
    assert response.status_code == 200  # the form again
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.NOMINATED
    secretariat_client.post(url, {"reason": "ขาดหลักฐานผลงาน"})
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.REJECTED
    assert honoree.rejection_reason == "ขาดหลักฐานผลงาน"
    page = officer_client.get(change_url(honoree)).content.decode()
    assert "ขาดหลักฐานผลงาน" in page
    # The officer fixes it and nominates again.
    officer_client.post(step_url(honoree, "nominate"))
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.NOMINATED and honoree.rejection_reason == ""


def test_bulk_actions_call_the_same_services(secretariat_client, samui, phangan):
    first = make_honoree(district=samui, status="nominated", meeting=None)
    second = make_honoree(district=phangan, status="draft", meeting=None)
    response = secretariat_client.post(
        reverse("admin:honorees_honoree_changelist"),
        {"action": "approve_selected", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Honoree.Status.APPROVED
    assert second.status == Honoree.Status.DRAFT  # not nominated yet: refused with a reason
    assert any(second.name in m and "ฉบับร่าง" in m for m in messages_of(response))


def test_bulk_reject_asks_for_a_reason_first(secretariat_client, samui):
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    changelist = reverse("admin:honorees_honoree_changelist")
    response = secretariat_client.post(changelist, {"action": "reject_selected", "_selected_action": [honoree.pk]})
    assert response.status_code == 200 and "เหตุผลที่ไม่อนุมัติ" in response.content.decode()
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.NOMINATED
    secretariat_client.post(
        changelist, {"action": "reject_selected", "_selected_action": [honoree.pk], "reason": "ซ้ำกับปีก่อน"}
    )
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.REJECTED and honoree.rejection_reason == "ซ้ำกับปีก่อน"


def test_withdraw_consent_takes_honoree_off_public_and_records_who_and_when(secretariat_client, secretariat_user):
    honoree = make_honoree()
    assert honoree.is_public
    response = secretariat_client.post(step_url(honoree, "withdraw_consent"), follow=True)
    assert "ย้อนกลับในระบบไม่ได้" in response.content.decode()  # a POST without confirmation only asks
    assert honoree.is_public
    response = secretariat_client.post(step_url(honoree, "withdraw_consent"), {"confirm": "1"}, follow=True)
    assert any("ถอนความยินยอม" in m for m in messages_of(response))
    honoree.refresh_from_db()
    assert not honoree.is_public
    assert honoree.consent_withdrawn_by == secretariat_user and honoree.consent_withdrawn_at
    assert honoree.status == Honoree.Status.WITHDRAWN
    assert secretariat_client.get(honoree.get_absolute_url()).status_code == 404


def test_officer_records_consent_withdrawal_for_an_unpublished_candidate(officer_client, officer, samui):
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    officer_client.post(step_url(honoree, "withdraw_consent"), {"confirm": "1"})
    honoree.refresh_from_db()
    assert honoree.consent_withdrawn_by == officer and honoree.status == Honoree.Status.WITHDRAWN


def test_secretariat_withdraws_a_published_honoree(secretariat_client):
    honoree = make_honoree()
    secretariat_client.post(step_url(honoree, "withdraw"), {"confirm": "1"})
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.WITHDRAWN and not honoree.is_public


def test_placing_into_a_published_meeting_publishes_at_once(secretariat_client, samui):
    meeting = make_meeting(published=True)
    honoree = make_honoree(district=samui, status="approved", meeting=None)
    secretariat_client.post(reverse("admin:honorees_honoree_place", args=[honoree.pk]), {"meeting": meeting.pk})
    honoree.refresh_from_db()
    assert honoree.meeting == meeting and honoree.status == Honoree.Status.PUBLISHED and honoree.is_public


def test_unplace_frees_the_place(secretariat_client, samui):
    meeting = make_meeting(published=False)
    honoree = make_honoree(meeting=meeting, district=samui, status="approved")
    secretariat_client.post(board_url(meeting), {"action": "unplace", "honoree": honoree.pk})
    honoree.refresh_from_db()
    assert honoree.meeting is None


def test_a_get_on_a_step_shows_its_confirmation_page_and_changes_nothing(secretariat_client, samui):
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    response = secretariat_client.get(step_url(honoree, "approve"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "ยืนยัน อนุมัติ" in page and "พร้อมบรรจุในที่ของอำเภอ" in page and honoree.name in page
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.NOMINATED
    assert secretariat_client.post(step_url(honoree, "explode")).status_code == 404
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.NOMINATED


def test_history_shows_who_changed_what(officer_client, secretariat_client, samui):
    honoree = make_honoree(district=samui, status="draft", meeting=None)
    officer_client.post(step_url(honoree, "nominate"))
    secretariat_client.post(step_url(honoree, "approve"))
    records = list(honoree.history.order_by("history_date"))
    assert [r.status for r in records] == ["draft", "nominated", "approved"]
    assert [r.history_user.username for r in records[1:]] == ["officer_samui", "secretariat1"]
    page = secretariat_client.get(reverse("admin:honorees_honoree_history", args=[honoree.pk])).content.decode()
    assert "officer_samui" in page and "secretariat1" in page
    meeting = make_meeting(published=False)
    secretariat_client.post(publish_url(meeting), {"confirm_vacancies": "1"})
    assert meeting.history.latest().history_user.username == "secretariat1"
    assert secretariat_client.get(reverse("admin:meetings_meeting_history", args=[meeting.pk])).status_code == 200


def test_history_cannot_revert_past_the_workflow(secretariat_client, samui):
    honoree = make_honoree(district=samui, status="draft", meeting=None)
    secretariat_client.post(step_url(honoree, "nominate"))
    first = honoree.history.earliest()
    url = reverse("admin:honorees_honoree_simple_history", args=[honoree.pk, first.history_id])
    assert secretariat_client.get(url).status_code == 200
    assert secretariat_client.post(url, {"name": honoree.name}).status_code == 403
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.NOMINATED


def test_saving_a_duplicate_name_warns_with_a_link(secretariat_client, samui, phangan):
    other = make_honoree(district=phangan, status="published", name="นายสมชาย ใจดี")
    network = Network.objects.first()
    response = secretariat_client.post(
        reverse("admin:honorees_honoree_add"), honoree_form(samui, network, name="สมชาย  ใจดี"), follow=True
    )
    warnings = [m for m in messages_of(response) if "อาจซ้ำ" in m]
    assert warnings and "นายสมชาย ใจดี" in warnings[0]
    assert change_url(other) in warnings[0]
    assert Honoree.objects.filter(name="สมชาย ใจดี").exists()  # a warning, not a refusal (stored cleaned)


def test_consent_without_date_or_method_is_a_form_error(secretariat_client, samui):
    network = Network.objects.first()
    response = secretariat_client.post(
        reverse("admin:honorees_honoree_add"), honoree_form(samui, network, consent_given_on="", consent_method="")
    )
    assert response.status_code == 200
    assert "ระบุวันที่และวิธีให้ความยินยอม" in response.content.decode()
    assert not Honoree.objects.filter(name="นางสาวทดลอง ใจงาม").exists()


def test_change_form_is_in_thai_with_consent_fieldsets(secretariat_client, samui):
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    page = secretariat_client.get(change_url(honoree)).content.decode()
    for heading in ("ข้อมูลผู้ได้รับการยกย่อง", "ความยินยอมตาม PDPA", "ข้อมูลติดต่อ (เจ้าหน้าที่เท่านั้น)", "สถานะ"):
        assert heading in page
    assert "หอเกียรติยศคนดี — ระบบเจ้าหน้าที่" in page
    assert "อนุมัติ" in page and step_url(honoree, "approve") in page


def test_buddhist_era_year_typed_in_a_date_box_is_read_as_be(secretariat_client, samui):
    network = Network.objects.first()
    secretariat_client.post(
        reverse("admin:honorees_honoree_add"), honoree_form(samui, network, consent_given_on="2567-01-15")
    )
    assert Honoree.objects.get(name="นางสาวทดลอง ใจงาม").consent_given_on == date(2024, 1, 15)


def test_meeting_list_shows_places_filled(secretariat_client, samui):
    meeting = make_meeting(published=False)
    make_honoree(meeting=meeting, district=samui, status="approved")
    page = secretariat_client.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    assert "1/19" in page and board_url(meeting) in page


def test_a_place_filled_on_the_board_after_publication_is_published_at_once(secretariat_client, samui):
    from django.urls import reverse

    from honorees.models import Honoree
    from tests.factories import make_honoree, make_meeting

    meeting = make_meeting(published=True)
    candidate = make_honoree(district=samui, status=Honoree.Status.APPROVED, meeting=None)
    board = reverse("admin:meetings_meeting_board", args=[meeting.pk])
    assert candidate.name in secretariat_client.get(board).content.decode()
    secretariat_client.post(board, {"action": "place", "honoree": candidate.pk, "district": samui.code})
    candidate.refresh_from_db()
    assert candidate.meeting == meeting and candidate.status == Honoree.Status.PUBLISHED
    assert candidate.is_public
