"""One public() per kind decides what a stranger sees; everything else is a 404 or absent."""

from datetime import date

import pytest
from django.utils import timezone

from networks.programme.models import Coach, LearningSource, Lesson, Level, ModelOrganisation, Status
from tests.factories import make_honoree
from tests.programme.factories import make_coach, make_learning_source, make_lesson, make_organisation

pytestmark = pytest.mark.django_db
HIDDEN = (Status.DRAFT, Status.PROPOSED, Status.WITHDRAWN)


@pytest.mark.parametrize("status", HIDDEN)
def test_only_published_organisations_sources_and_lessons_are_public(client, status):
    organisation = make_organisation(status=status)
    source = make_learning_source(status=status)
    lesson = make_lesson(status=status)
    assert not ModelOrganisation.objects.public().exists()
    assert not LearningSource.objects.public().exists()
    assert not Lesson.objects.public().exists()
    for record in (organisation, source, lesson):
        assert client.get(record.get_absolute_url()).status_code == 404
    for url in (
        "/models/",
        "/learning/",
        "/lessons/",
        "/sitemap-models.xml",
        "/sitemap-learning.xml",
        "/sitemap-lessons.xml",
    ):
        body = client.get(url).content.decode()
        for record in (organisation, source, lesson):
            assert record.name not in body and record.slug not in body, url


def test_published_records_are_on_their_lists_pages_and_the_sitemap(client):
    organisation = make_organisation(levels=[(2568, Level.MORAL), (2569, Level.MODEL)])
    source = make_learning_source(organisation=organisation)
    lesson = make_lesson()
    for record, list_url in ((organisation, "/models/"), (source, "/learning/"), (lesson, "/lessons/")):
        assert record.name in client.get(list_url).content.decode()
        assert client.get(record.get_absolute_url()).status_code == 200
    sitemap = "".join(
        client.get(f"/sitemap-{section}.xml").content.decode() for section in ("models", "learning", "lessons")
    )
    for record in (organisation, source, lesson):
        assert record.get_absolute_url() in sitemap
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert "คุณธรรมต้นแบบ" in page and "2568" in page and "2569" in page  # the history of levels


def test_a_learning_source_of_an_unpublished_organisation_is_not_public(client):
    source = make_learning_source(organisation=make_organisation(status=Status.PROPOSED))
    assert not LearningSource.objects.public().exists()
    assert client.get(source.get_absolute_url()).status_code == 404


def test_contact_shows_only_when_the_organisation_agrees(client):
    organisation = make_organisation(contact_phone="077-123456", contact_is_public=False)
    assert "077-123456" not in client.get(organisation.get_absolute_url()).content.decode()
    organisation.contact_is_public = True
    organisation.save()
    assert "077-123456" in client.get(organisation.get_absolute_url()).content.decode()


def test_organisation_page_lists_its_public_honorees_and_the_profile_links_back(client):
    organisation = make_organisation()
    public = make_honoree(model_organisation=organisation, name="นางสาวสาธารณะ ใจดี")
    hidden = make_honoree(model_organisation=organisation, name="นายร่าง ยังไม่เผยแพร่", status="draft")
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert public.name in page and hidden.name not in page
    assert organisation.get_absolute_url() in client.get(public.get_absolute_url()).content.decode()


def test_a_profile_does_not_link_to_an_unpublished_organisation(client):
    organisation = make_organisation(status=Status.DRAFT, name="องค์กรที่ยังเป็นร่าง")
    honoree = make_honoree(model_organisation=organisation)
    assert organisation.name not in client.get(honoree.get_absolute_url()).content.decode()


def test_site_search_finds_public_programme_records_only(client):
    shown = make_organisation(name="ชุมชนป่าชายเลนยั่งยืน")
    make_organisation(name="ชุมชนป่าชายเลนฉบับร่าง", status=Status.DRAFT)
    page = client.get("/honorees/", {"q": "ป่าชายเลน"}).content.decode()
    assert shown.get_absolute_url() in page
    assert "ชุมชนป่าชายเลนฉบับร่าง" not in page


# ---------------------------------------------------------------- coaches: the honorees' consent rules


def test_a_living_coach_with_recorded_consent_is_public():
    coach = make_coach()
    assert list(Coach.objects.public()) == [coach]
    assert coach.has_publishable_consent


@pytest.mark.parametrize(
    "fields",
    [
        {"consent_given_on": None},
        {"consent_method": ""},
        {"consent_covers_name": False},
        {"is_minor": True},  # no guardian's consent
    ],
)
def test_a_living_coach_without_publishable_consent_is_not_public(fields):
    coach = make_coach(**fields)
    assert not Coach.objects.public().exists()
    assert not coach.has_publishable_consent


def test_a_minor_coach_with_a_guardians_consent_is_public():
    make_coach(is_minor=True, guardian_name="นางผู้ปกครอง ใจดี", guardian_consent_on=date(2025, 1, 2))
    assert Coach.objects.public().count() == 1


def test_a_coach_whose_consent_was_withdrawn_is_not_public():
    coach = make_coach()
    Coach.objects.filter(pk=coach.pk).update(consent_withdrawn_at=timezone.now())
    coach.refresh_from_db()
    assert not Coach.objects.public().exists()
    assert not coach.has_publishable_consent


def test_a_late_coach_needs_no_consent():
    make_coach(is_living=False, consent_given_on=None, consent_method="", consent_covers_name=False)
    assert Coach.objects.public().count() == 1


def test_coaches_appear_on_their_organisation_only_when_public(client):
    organisation = make_organisation()
    shown = make_coach(organisation=organisation)
    hidden = make_coach(organisation=organisation, consent_given_on=None)
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert shown.name in page and hidden.name not in page
