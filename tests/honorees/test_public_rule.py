import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from honorees.models import Honoree
from networks.models import District
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def test_public_includes_published_honoree_of_published_meeting():
    honoree = make_honoree()
    assert list(Honoree.objects.public()) == [honoree]
    assert honoree.is_public


@pytest.mark.parametrize("status", ["draft", "nominated", "approved", "rejected", "withdrawn"])
def test_public_excludes_every_other_status(status):
    make_honoree(status=status, meeting=make_meeting())
    assert not Honoree.objects.public().exists()


def test_public_excludes_honoree_of_unpublished_meeting():
    make_honoree(meeting=make_meeting(published=False))
    assert not Honoree.objects.public().exists()


def test_public_excludes_withdrawn_consent():
    from django.utils import timezone

    make_honoree(consent_withdrawn_at=timezone.now())
    assert not Honoree.objects.public().exists()


def test_public_excludes_living_person_without_consent_to_publish_the_name():
    make_honoree(consent_given_on=None)
    make_honoree(consent_covers_name=False)
    assert not Honoree.objects.public().exists()


def test_organisation_and_deceased_person_need_no_consent():
    org = make_honoree(kind=Honoree.Kind.ORGANIZATION, consent_given_on=None, consent_covers_name=False)
    late = make_honoree(is_living=False, consent_given_on=None, consent_covers_name=False)
    assert set(Honoree.objects.public()) == {org, late}


def test_photo_not_covered_by_consent_is_not_public():
    from tests.factories import uploaded_jpeg

    honoree = make_honoree(consent_covers_photo=False, photo=uploaded_jpeg())
    assert honoree.photo and honoree.public_photo is None


def test_story_not_covered_by_consent_is_not_public():
    honoree = make_honoree(consent_covers_story=False)
    assert honoree.story_paragraphs == []


def test_story_paragraphs_split_on_blank_lines():
    honoree = make_honoree(story="หนึ่ง\r\n\r\nสอง\nต่อ\n\n\n")
    assert honoree.story_paragraphs == ["หนึ่ง", "สอง\nต่อ"]


def test_database_refuses_a_second_honoree_for_a_district_at_a_meeting():
    meeting = make_meeting()
    district = District.objects.get(code="8404")
    make_honoree(meeting=meeting, district=district)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_honoree(meeting=meeting, district=district)


def test_rejected_or_withdrawn_honoree_does_not_hold_the_place():
    meeting = make_meeting()
    district = District.objects.get(code="8404")
    make_honoree(meeting=meeting, district=district, status="withdrawn")
    make_honoree(meeting=meeting, district=district, status="rejected")
    make_honoree(meeting=meeting, district=district)
    assert Honoree.objects.filter(meeting=meeting, district=district).count() == 3


def test_form_error_names_the_district_and_the_holder():
    meeting = make_meeting()
    district = District.objects.get(code="8404")
    make_honoree(meeting=meeting, district=district, name="นางมาลี ศรีสุข")
    second = Honoree(meeting=meeting, district=district, name="นายวิชัย ทองคำ")
    with pytest.raises(ValidationError) as excinfo:
        second.clean()
    message = excinfo.value.message_dict["meeting"][0]
    assert "เกาะสมุย" in message and "นางมาลี ศรีสุข" in message


def test_minor_needs_a_guardians_consent():
    honoree = Honoree(is_minor=True, consent_given_on="2024-01-01", name="เด็กหญิงมาลี")
    with pytest.raises(ValidationError) as excinfo:
        honoree.clean()
    assert "guardian_name" in excinfo.value.message_dict


def test_slug_is_ascii_and_stable():
    honoree = make_honoree(name_en="Mrs. Malee Srisuk")
    assert honoree.slug == "mrs-malee-srisuk"
    honoree.name_en = "Mrs. Malee Thongkham"
    honoree.save()
    honoree.refresh_from_db()
    assert honoree.slug == "mrs-malee-srisuk"


def test_slug_without_english_name_is_ascii():
    honoree = make_honoree(name_en="")
    assert honoree.slug.isascii() and honoree.slug.startswith("honoree-")


def test_thai_order_ignores_titles_and_leading_vowels():
    for name in ["นายสมชาย ใจดี", "นางสาวเกษม ทองคำ", "พระครูกาญจน์ ศรีสุข"]:
        make_honoree(name=name)
    assert [h.name for h in Honoree.objects.thai_order()] == [
        "พระครูกาญจน์ ศรีสุข",
        "นางสาวเกษม ทองคำ",
        "นายสมชาย ใจดี",
    ]


def test_public_agrees_with_has_publishable_consent():
    from datetime import date

    cases = [
        make_honoree(consent_method=""),
        make_honoree(is_minor=True, guardian_name="", guardian_consent_on=None),
        make_honoree(is_minor=True, guardian_name="นางแม่ ผู้ปกครอง", guardian_consent_on=date(2024, 1, 2)),
        make_honoree(),
    ]
    public = set(Honoree.objects.public())
    for honoree in cases:
        assert (honoree in public) == honoree.has_publishable_consent, honoree.name
    assert len(public) == 2
