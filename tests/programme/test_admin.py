"""Staff: officers propose for their own districts only; the secretariat publishes and records levels."""

import pytest

from networks.models import Network
from networks.programme import services
from networks.programme.models import LearningSource, ModelOrganisation, Status
from tests.admin.conftest import messages_of
from tests.programme.factories import make_learning_source, make_organisation

pytestmark = pytest.mark.django_db


def organisation_form(district, **overrides):
    data = {
        "kind": "community",
        "name": "ชุมชนคุณธรรมบ้านใหม่",
        "name_en": "Ban Mai Moral Community",
        "slug": "",
        "district": district.pk,
        "network": Network.objects.first().pk,
        "summary": "ชุมชนที่ร่วมกันทำความดี",
        "description": "",
        "problems_to_solve": "",
        "goodness_to_do": "",
        "photo_alt": "",
        "contact_person": "",
        "contact_phone": "",
        "contact_email": "",
        "contact_address": "",
        "staff_notes": "",
        "assessments-TOTAL_FORMS": "0",
        "assessments-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def source_form(district, lat, lon):
    return {
        "name": "แหล่งเรียนรู้ใหม่",
        "name_en": "",
        "slug": "",
        "district": district.pk,
        "network": Network.objects.first().pk,
        "what_you_learn": "การออม",
        "address": "หมู่ 2",
        "latitude": lat,
        "longitude": lon,
        "opening_hours": "",
        "how_to_book": "",
        "photo_alt": "",
    }


def test_officer_sees_only_their_districts_records(officer_client, samui, phangan):
    own = make_organisation(district=samui, name="องค์กรเกาะสมุย")
    other = make_organisation(district=phangan, name="องค์กรเกาะพะงัน")
    page = officer_client.get("/admin/programme/modelorganisation/").content.decode()
    assert own.name in page and other.name not in page
    for suffix in ("change/", "history/"):
        assert officer_client.get(f"/admin/programme/modelorganisation/{other.pk}/{suffix}").status_code == 404
    source = make_learning_source(district=phangan)
    assert officer_client.get(f"/admin/programme/learningsource/{source.pk}/change/").status_code == 404


def test_officer_cannot_add_an_organisation_for_another_district(officer_client, phangan):
    response = officer_client.post("/admin/programme/modelorganisation/add/", organisation_form(phangan))
    assert response.status_code == 200  # the form again, with the error
    assert not ModelOrganisation.objects.exists()


def test_officer_proposes_and_the_secretariat_publishes(officer_client, secretariat_client, samui, officer):
    response = officer_client.post("/admin/programme/modelorganisation/add/", organisation_form(samui))
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = ModelOrganisation.objects.get()
    assert organisation.status == Status.DRAFT and organisation.created_by == officer
    officer_client.post(f"/admin/programme/modelorganisation/{organisation.pk}/step/propose/")
    organisation.refresh_from_db()
    assert organisation.status == Status.PROPOSED
    response = officer_client.post(f"/admin/programme/modelorganisation/{organisation.pk}/step/publish/", follow=True)
    assert any("เฉพาะฝ่ายเลขานุการจังหวัด" in m for m in messages_of(response))
    organisation.refresh_from_db()
    assert organisation.status == Status.PROPOSED
    secretariat_client.post(f"/admin/programme/modelorganisation/{organisation.pk}/step/publish/")
    organisation.refresh_from_db()
    assert organisation.status == Status.PUBLISHED and organisation.published_at
    assert organisation.history.count() >= 3


def test_officer_cannot_publish_through_the_service(officer, samui):
    organisation = make_organisation(district=samui, status=Status.PROPOSED)
    with pytest.raises(services.WorkflowError):
        services.record_publish(record=organisation, by=officer)
    organisation.refresh_from_db()
    assert organisation.status == Status.PROPOSED


def test_officer_cannot_record_assessments(officer_client, samui):
    organisation = make_organisation(district=samui)
    assert officer_client.get("/admin/programme/assessment/add/").status_code == 403
    assert officer_client.get("/admin/programme/assessment/import/").status_code == 403
    data = organisation_form(
        samui,
        name=organisation.name,
        **{"assessments-TOTAL_FORMS": "1", "assessments-0-fiscal_year": "2568", "assessments-0-level": "3"},
    )
    officer_client.post(f"/admin/programme/modelorganisation/{organisation.pk}/change/", data)
    assert not organisation.assessments.exists()


def test_learning_source_outside_its_district_is_refused_and_not_saved(officer_client, samui):
    response = officer_client.post("/admin/programme/learningsource/add/", source_form(samui, "13.75630", "100.50180"))
    assert response.status_code == 200
    assert "อยู่นอกจังหวัดสุราษฎร์ธานี" in response.content.decode()
    assert not LearningSource.objects.exists()


def test_secretariat_records_levels_in_the_organisation_form(secretariat_client, samui):
    organisation = make_organisation(district=samui)
    data = organisation_form(
        samui,
        name=organisation.name,
        **{"assessments-TOTAL_FORMS": "1", "assessments-0-fiscal_year": "2025", "assessments-0-level": "3"},
    )
    response = secretariat_client.post(f"/admin/programme/modelorganisation/{organisation.pk}/change/", data)
    assert response.status_code == 200 and "ค.ศ." in response.content.decode()
    assert not organisation.assessments.exists()
    data["assessments-0-fiscal_year"] = "2568"
    response = secretariat_client.post(f"/admin/programme/modelorganisation/{organisation.pk}/change/", data)
    assert response.status_code == 302
    assert organisation.assessments.get().level == 3


def test_admin_pages_render_in_thai(secretariat_client):
    organisation = make_organisation()
    for url in (
        "/admin/programme/",
        "/admin/programme/modelorganisation/",
        f"/admin/programme/modelorganisation/{organisation.pk}/change/",
        "/admin/programme/learningsource/add/",
        "/admin/programme/lesson/add/",
        "/admin/programme/coach/add/",
        "/admin/programme/assessment/",
        "/admin/programme/assessment/import/",
    ):
        response = secretariat_client.get(url)
        assert response.status_code == 200, url


def test_secretariat_records_a_coachs_consent_withdrawal_and_the_coach_leaves_public_pages(
    secretariat_client, secretariat_user, client
):
    from networks.programme.models import Coach
    from tests.programme.factories import make_coach

    organisation = make_organisation()
    coach = make_coach(organisation=organisation)
    assert coach.name in client.get(organisation.get_absolute_url()).content.decode()
    secretariat_client.post(f"/admin/programme/coach/{coach.pk}/step/withdraw_consent/")
    coach.refresh_from_db()
    assert coach.consent_withdrawn_at and coach.consent_withdrawn_by == secretariat_user
    assert coach.status == Status.PUBLISHED
    assert not Coach.objects.public().exists()
    assert coach.name not in client.get(organisation.get_absolute_url()).content.decode()


def test_a_coach_without_consent_cannot_be_published(secretariat_user):
    from tests.programme.factories import make_coach

    coach = make_coach(status=Status.PROPOSED, consent_given_on=None)
    with pytest.raises(services.WorkflowError) as error:
        services.record_publish(record=coach, by=secretariat_user)
    assert "PDPA" in error.value.message


def test_an_officer_links_an_honoree_to_a_model_organisation(officer_client, samui):
    from honorees.models import Honoree
    from tests.admin.conftest import honoree_form

    organisation = make_organisation(district=samui)
    data = honoree_form(samui, Network.objects.first(), model_organisation=organisation.pk)
    response = officer_client.post("/admin/honorees/honoree/add/", data)
    assert response.status_code == 302, response.content.decode()[:1500]
    assert Honoree.objects.get().model_organisation == organisation
