"""The duplicate-name warning tells an officer that a match exists in another district, never which one."""

import pytest
from django.urls import reverse

from honorees.models import Honoree
from networks.models import Network
from tests.admin.conftest import honoree_form, messages_of
from tests.factories import make_honoree

pytestmark = pytest.mark.django_db


def test_an_officer_is_warned_of_another_districts_draft_without_its_details(officer_client, samui, phangan):
    other = make_honoree(district=phangan, status="draft", meeting=None, name="นายสมชาย ลับเฉพาะ")
    form = honoree_form(samui, Network.objects.first(), name="สมชาย  ลับเฉพาะ")
    response = officer_client.post(reverse("admin:honorees_honoree_add"), form, follow=True)
    warnings = [m for m in messages_of(response) if "อาจซ้ำ" in m]
    assert warnings == ["ชื่อนี้อาจซ้ำกับผู้ได้รับการยกย่องในอำเภออื่น โปรดสอบถามสำนักงานวัฒนธรรมจังหวัดก่อนเสนอชื่อ"]
    mine = Honoree.objects.get(name="สมชาย ลับเฉพาะ")  # stored with its spaces cleaned
    page = officer_client.get(reverse("admin:honorees_honoree_change", args=[mine.pk])).content.decode()
    assert "อาจซ้ำกับผู้ได้รับการยกย่องในอำเภออื่น" in page
    for detail in (
        other.name,
        phangan.name_th,
        other.get_status_display(),
        reverse("admin:honorees_honoree_change", args=[other.pk]),
    ):
        assert detail not in warnings[0]
    assert other.name not in page and reverse("admin:honorees_honoree_change", args=[other.pk]) not in page


def test_an_officer_sees_the_details_of_a_match_in_their_own_district(officer_client, samui):
    other = make_honoree(district=samui, status="draft", meeting=None, name="นางมาลี ซ้ำชื่อ")
    form = honoree_form(samui, Network.objects.first(), name="มาลี ซ้ำชื่อ")
    response = officer_client.post(reverse("admin:honorees_honoree_add"), form, follow=True)
    warnings = [m for m in messages_of(response) if "อาจซ้ำ" in m]
    assert warnings and other.name in warnings[0]
    assert reverse("admin:honorees_honoree_change", args=[other.pk]) in warnings[0]


def test_an_officers_import_preview_names_nothing_of_another_districts_match(officer_client, phangan):
    from django.core.files.uploadedfile import SimpleUploadedFile

    other = make_honoree(district=phangan, status="draft", meeting=None, name="นายสมชาย ลับเฉพาะ")
    network = Network.objects.first()
    text = f"รหัสอำเภอ,ชื่อ,เครือข่าย,เหตุผลการยกย่อง\n8404,สมชาย ลับเฉพาะ,{network.slug},เหตุผล\n"
    upload = SimpleUploadedFile("list.csv", ("\ufeff" + text).encode(), content_type="text/csv")
    response = officer_client.post(reverse("admin:honorees_honoree_import"), {"file": upload})
    problems = " ".join(response.context["checked"][0].problems)
    assert "ชื่อซ้ำกับผู้ได้รับการยกย่องในอำเภออื่น" in problems
    page = response.content.decode()
    assert other.name not in page and phangan.name_th not in problems
