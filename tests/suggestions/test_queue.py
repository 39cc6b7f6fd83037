"""The officers' queue in the admin: scoped to their districts, decisions through the services."""

from datetime import date

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from honorees.models import Honoree
from honorees.services import WorkflowError, honoree_nominate
from honorees.suggestions.models import Suggestion
from networks.models import Network
from tests.suggestions.conftest import logged_in, make_staff, make_suggestion

pytestmark = pytest.mark.django_db

S = Suggestion.Status


def change_url(suggestion, step=None):
    if step:
        return reverse(f"admin:suggestions_suggestion_{step}", args=[suggestion.pk])
    return reverse("admin:suggestions_suggestion_change", args=[suggestion.pk])


CHANGELIST = "/admin/suggestions/suggestion/"


def test_an_officer_sees_only_their_districts_suggestions(officer, secretariat, samui, phangan):
    mine = make_suggestion(district=samui, name="นายในเกาะสมุย ทดสอบ")
    theirs = make_suggestion(district=phangan, name="นายในเกาะพะงัน ทดสอบ")
    page = logged_in(officer).get(CHANGELIST).content.decode()
    assert mine.name in page and theirs.name not in page
    everything = logged_in(secretariat).get(CHANGELIST).content.decode()
    assert mine.name in everything and theirs.name in everything


def test_another_districts_suggestion_is_a_404_everywhere(officer, phangan):
    theirs = make_suggestion(district=phangan)
    client = logged_in(officer)
    assert client.get(change_url(theirs)).status_code == 404
    assert client.get(change_url(theirs, "decline")).status_code == 404
    for step in ("review", "convert", "decline", "merge"):
        assert client.post(change_url(theirs, step), {"reason": "x", "into": theirs.reference}).status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == S.RECEIVED and theirs.honoree is None


def test_an_account_without_a_role_has_no_queue(db, django_user_model, samui):
    suggestion = make_suggestion(district=samui)
    nobody = django_user_model.objects.create_user("nobody", password="x", is_staff=True)
    client = logged_in(nobody)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(suggestion)).status_code in (403, 404)


def test_the_role_groups_hold_the_queues_permissions_from_the_permission_table(officer, secretariat):
    queue = {"suggestions.view_suggestion", "suggestions.change_suggestion"}
    assert (
        queue <= officer.get_all_permissions() and "suggestions.delete_suggestion" not in officer.get_all_permissions()
    )
    assert queue | {"suggestions.delete_suggestion"} <= secretariat.get_all_permissions()


def test_a_permission_given_by_hand_without_a_role_opens_no_queue(db, django_user_model, samui):
    suggestion = make_suggestion(district=samui)
    nobody = django_user_model.objects.create_user("handmade", password="x", is_staff=True)
    nobody.user_permissions.set(Permission.objects.filter(content_type__app_label="suggestions"))
    client = logged_in(nobody)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(suggestion)).status_code in (403, 404)
    assert client.post(change_url(suggestion, "review")).status_code in (403, 404)
    suggestion.refresh_from_db()
    assert suggestion.status == S.RECEIVED


def test_an_officer_may_not_delete_a_suggestion(officer, samui):
    suggestion = make_suggestion(district=samui)
    client = logged_in(officer)
    assert (
        client.post(reverse("admin:suggestions_suggestion_delete", args=[suggestion.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert Suggestion.objects.filter(pk=suggestion.pk).exists()


def test_the_district_officer_sees_the_suggesters_contact_details(officer, samui):
    suggestion = make_suggestion(district=samui, suggester_email="contact@example.org", suggester_phone="077-123456")
    page = logged_in(officer).get(change_url(suggestion)).content.decode()
    assert "contact@example.org" in page and "077-123456" in page and suggestion.suggester_name in page


def test_what_the_public_wrote_is_shown_as_escaped_text_never_as_html_or_links(officer, samui):
    suggestion = make_suggestion(
        district=samui,
        name="<b>นายตัวหนา</b>",
        achievements='<script>alert("x")</script> ดูที่ <a href="https://evil.example">ลิงก์</a>',
        links="https://example.org/news?a=1&b=<i>2</i>\njavascript:alert(1)",
    )
    page = logged_in(officer).get(change_url(suggestion)).content.decode()
    assert '<script>alert("x")' not in page and "&lt;script&gt;alert(" in page
    assert 'href="https://evil.example"' not in page and 'href="https://example.org/news' not in page
    assert 'href="javascript:alert(1)"' not in page and "<b>นายตัวหนา</b>" not in page
    assert "&lt;b&gt;นายตัวหนา&lt;/b&gt;" in page


def test_the_changelist_shows_new_suggestions_per_district(officer, secretariat, samui, phangan):
    make_suggestion(district=samui)
    make_suggestion(district=samui)
    make_suggestion(district=samui, status=S.UNDER_REVIEW)
    make_suggestion(district=phangan)
    response = logged_in(officer).get(CHANGELIST)
    rows = {district.name_th: (district.new, district.open) for district in response.context["new_per_district"]}
    assert rows == {"เกาะสมุย": (2, 3)}
    assert "ข้อเสนอใหม่รายอำเภอ" in response.content.decode()
    everything = logged_in(secretariat).get(CHANGELIST).context["new_per_district"]
    assert {d.name_th: d.new for d in everything} == {"เกาะสมุย": 2, "เกาะพะงัน": 1}


@pytest.mark.parametrize("rows", [1, 50])
def test_the_queue_costs_the_same_queries_for_1_and_50_rows(officer, samui, rows, django_assert_max_num_queries):
    for _ in range(rows):
        make_suggestion(district=samui)
    client = logged_in(officer)
    with django_assert_max_num_queries(10):
        assert client.get(CHANGELIST).status_code == 200


def test_start_review_then_decline_with_a_reason(officer, samui):
    suggestion = make_suggestion(district=samui)
    client = logged_in(officer)
    client.post(change_url(suggestion, "review"))
    suggestion.refresh_from_db()
    assert suggestion.status == S.UNDER_REVIEW
    refused = client.post(change_url(suggestion, "decline"), {"reason": ""})
    assert refused.status_code == 400 and "โปรดระบุเหตุผล" in refused.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == S.UNDER_REVIEW
    client.post(change_url(suggestion, "decline"), {"reason": "ผู้ถูกเสนออยู่นอกจังหวัด"})
    suggestion.refresh_from_db()
    assert suggestion.status == S.DECLINED and suggestion.decline_reason == "ผู้ถูกเสนออยู่นอกจังหวัด"
    assert suggestion.decided_by == officer and suggestion.decided_at
    again = client.post(change_url(suggestion, "review"), follow=True)
    assert "ได้รับการพิจารณาไปแล้ว" in again.content.decode()


def test_merging_a_duplicate_follows_the_main_suggestion(officer, samui, phangan, client):
    main = make_suggestion(district=samui)
    duplicate = make_suggestion(district=samui)
    elsewhere = make_suggestion(district=phangan)
    staff = logged_in(officer)
    refused = staff.post(change_url(duplicate, "merge"), {"into": elsewhere.reference}, follow=True)
    assert "ไม่พบข้อเสนอ" in refused.content.decode()
    staff.post(change_url(duplicate, "merge"), {"into": main.reference.replace("ส-", "")})
    duplicate.refresh_from_db()
    assert duplicate.status == S.MERGED and duplicate.duplicate_of == main
    main.status = S.UNDER_REVIEW
    main.save()
    status_page = client.get("/suggest/status/", {"ref": duplicate.reference}).content.decode()
    assert "อยู่ระหว่างพิจารณา" in status_page
    itself = staff.post(change_url(main, "merge"), {"into": main.reference}, follow=True)
    assert "รวมข้อเสนอเข้ากับตัวเองไม่ได้" in itself.content.decode()


def test_converting_makes_a_draft_candidate_with_the_fields_carried_over(officer, samui, client):
    network = Network.objects.get(slug="education")
    suggestion = make_suggestion(
        district=samui,
        kind="group",
        name="กลุ่มอนุรักษ์ป่าชายเลนบ้านบางมะขาม",
        network=network,
        achievements="ปลูกป่าชายเลนกว่าหนึ่งหมื่นต้นในสิบปี\n\nสอนเด็กในชุมชนให้รู้จักดูแลป่า",
        links="https://example.org/mangrove",
    )
    response = logged_in(officer).post(change_url(suggestion, "convert"))
    suggestion.refresh_from_db()
    honoree = suggestion.honoree
    assert response.status_code == 302 and response["Location"] == reverse(
        "admin:honorees_honoree_change", args=[honoree.pk]
    )
    assert suggestion.status == S.FORWARDED and suggestion.decided_by == officer
    assert honoree.status == Honoree.Status.DRAFT and honoree.created_by == officer
    assert (honoree.kind, honoree.name, honoree.district, honoree.network) == (
        "group",
        "กลุ่มอนุรักษ์ป่าชายเลนบ้านบางมะขาม",
        samui,
        network,
    )
    assert honoree.citation == "ปลูกป่าชายเลนกว่าหนึ่งหมื่นต้นในสิบปี"
    assert "สอนเด็กในชุมชน" in honoree.story
    assert suggestion.reference in honoree.staff_notes and "https://example.org/mangrove" in honoree.staff_notes
    assert honoree.history.count() == 1
    # Nothing public from a suggestion alone.
    assert not Honoree.objects.public().filter(pk=honoree.pk).exists()
    assert client.get(honoree.get_absolute_url()).status_code == 404
    assert logged_in(officer).get(reverse("admin:honorees_honoree_change", args=[honoree.pk])).status_code == 200


def test_a_converted_person_still_needs_consent_and_approval(officer, samui):
    suggestion = make_suggestion(district=samui, network=Network.objects.first())
    logged_in(officer).post(change_url(suggestion, "convert"))
    honoree = Suggestion.objects.get(pk=suggestion.pk).honoree
    assert honoree.needs_consent and not honoree.has_publishable_consent
    with pytest.raises(WorkflowError, match="ความยินยอม"):  # nominating waits for the consent
        honoree_nominate(honoree=honoree, by=officer)
    honoree.consent_given_on = date(2025, 1, 1)
    honoree.consent_method = Honoree.ConsentMethod.WRITTEN
    honoree.consent_covers_name = True
    honoree.save()
    nominated = honoree_nominate(honoree=honoree, by=officer)  # the usual workflow from here
    assert nominated.status == Honoree.Status.NOMINATED


def test_converting_without_a_network_asks_for_one(officer, samui):
    suggestion = make_suggestion(district=samui, network=None)
    client = logged_in(officer)
    refused = client.post(change_url(suggestion, "convert"), follow=True)
    assert "โปรดเลือกเครือข่าย" in refused.content.decode()
    assert not Honoree.objects.exists()
    network = Network.objects.get(slug="religion")
    client.post(change_url(suggestion, "convert"), {"network": network.pk})
    suggestion.refresh_from_db()
    assert suggestion.honoree.network == network and suggestion.network == network


def test_a_suggestion_is_converted_only_once(officer, samui):
    suggestion = make_suggestion(district=samui, network=Network.objects.first())
    client = logged_in(officer)
    client.post(change_url(suggestion, "convert"))
    again = client.post(change_url(suggestion, "convert"), follow=True)
    assert "ได้รับการพิจารณาไปแล้ว" in again.content.decode()
    assert Honoree.objects.count() == 1


def test_only_the_secretariat_deletes_suggestions(officer, secretariat, samui):
    suggestion = make_suggestion(district=samui)
    delete = reverse("admin:suggestions_suggestion_delete", args=[suggestion.pk])
    assert logged_in(officer).post(delete, {"post": "yes"}).status_code == 403
    assert logged_in(secretariat).post(delete, {"post": "yes"}).status_code == 302
    assert not Suggestion.objects.exists()


def test_staff_cannot_add_suggestions_in_the_admin(secretariat):
    assert logged_in(secretariat).get("/admin/suggestions/suggestion/add/").status_code == 403


def test_the_admin_shows_buddhist_era_dates(officer, samui):
    suggestion = make_suggestion(district=samui)
    page = logged_in(officer).get(change_url(suggestion)).content.decode()
    assert str(suggestion.created_at.year + 543) in page


def test_officers_in_two_districts_see_both(db, samui, phangan):
    both = make_staff("officer_islands", "district_officer", "8404", "8405")
    one, two = make_suggestion(district=samui), make_suggestion(district=phangan)
    client = logged_in(both)
    assert client.get(change_url(one)).status_code == 200 and client.get(change_url(two)).status_code == 200
