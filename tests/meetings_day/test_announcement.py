import pytest
from django.test import Client
from django.urls import reverse

from honorees.models import Honoree
from tests.factories import make_honoree, make_meeting
from tests.meetings_day.conftest import THAI_NAME

pytestmark = pytest.mark.django_db


def test_announcement_pdf_is_an_a4_thai_official_announcement_in_district_order(
    client, meeting, honorees, pdf_tools, tmp_path
):
    response = client.get(reverse("meetings:announcement-pdf", args=[meeting.slug]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = pdf_tools.write(tmp_path, response.content)
    found = pdf_tools.info(path)
    assert found["pages"] >= 1
    assert pdf_tools.same_size(found["size"], pdf_tools.A4_PORTRAIT_PT)
    text = pdf_tools.text(path)
    assert pdf_tools.has(text, "ประกาศจังหวัดสุราษฎร์ธานี")
    assert pdf_tools.has(text, "เรื่อง ยกย่องเชิดชูคนดีประจำเดือนตุลาคม 2568")
    assert pdf_tools.has(text, "ประกาศ ณ วันที่ 28 ตุลาคม 2568")
    assert pdf_tools.has(text, "ผู้ว่าราชการจังหวัดสุราษฎร์ธานี")
    same = pdf_tools.comparable
    positions = [same(text).index(same(name)) for name in ("พระครูสุวรรณธรรมโชติ", THAI_NAME, "ชุมชนบ้านท่าข้าม")]
    assert positions == sorted(positions), "the honorees in district order (8401, 8404, 8417)"


def test_announcement_page_is_printable_and_linked_from_the_meeting_page(client, meeting, honorees):
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    url = reverse("meetings:announcement", args=[meeting.slug])
    assert url in meeting_page and reverse("meetings:announcement-pdf", args=[meeting.slug]) in meeting_page
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert "ประกาศจังหวัดสุราษฎร์ธานี" in page and "css/announcement.css" in page
    assert page.index("พระครูสุวรรณธรรมโชติ") < page.index(THAI_NAME) < page.index("ชุมชนบ้านท่าข้าม")


def test_english_announcement_page_keeps_the_thai_document(client, meeting, honorees):
    page = client.get("/en" + reverse("meetings:announcement", args=[meeting.slug])).content.decode()
    assert "ประกาศ ณ วันที่ 28 ตุลาคม 2568" in page


def test_announcement_lists_only_public_honorees(client, meeting, honorees, secretariat):
    from honorees.services import honoree_withdraw_consent

    honoree_withdraw_consent(honoree=honorees[1], by=secretariat)
    page = client.get(reverse("meetings:announcement", args=[meeting.slug])).content.decode()
    assert THAI_NAME not in page and "พระครูสุวรรณธรรมโชติ" in page


def test_unpublished_meeting_documents_are_404_for_the_public_and_a_preview_for_the_secretariat(
    secretariat_client, pdf_tools, tmp_path
):
    meeting = make_meeting(published=False)
    make_honoree(meeting=meeting, status=Honoree.Status.APPROVED, name="นายรอประกาศ ทดสอบ")
    urls = [
        reverse("meetings:announcement", args=[meeting.slug]),
        reverse("meetings:announcement-pdf", args=[meeting.slug]),
        reverse("meetings:present", args=[meeting.slug]),
    ]
    for url in urls:
        assert Client().get(url).status_code == 404
        response = secretariat_client.get(url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
    path = pdf_tools.write(tmp_path, secretariat_client.get(urls[1]).content)
    assert pdf_tools.has(pdf_tools.text(path), "นายรอประกาศ ทดสอบ")


def test_documents_of_an_unknown_meeting_are_404(client):
    for name in ("announcement", "announcement-pdf", "present"):
        assert client.get(reverse(f"meetings:{name}", args=["2599-99"])).status_code == 404


def test_district_officer_cannot_preview_an_unpublished_meeting():
    from tests.admin.conftest import make_staff

    meeting = make_meeting(published=False)
    client = Client()
    client.force_login(make_staff("officer_samui", "district_officer", "8404"))
    assert client.get(reverse("meetings:present", args=[meeting.slug])).status_code == 404


def test_cached_announcement_pdf_and_slides_drop_an_honoree_as_soon_as_consent_is_withdrawn(
    client, meeting, honorees, secretariat, pdf_tools, tmp_path
):
    from honorees.services import honoree_withdraw_consent

    pdf_url = reverse("meetings:announcement-pdf", args=[meeting.slug])
    slides_url = reverse("meetings:present", args=[meeting.slug])
    before = pdf_tools.text(pdf_tools.write(tmp_path, client.get(pdf_url).content, "before.pdf"))
    assert pdf_tools.has(before, THAI_NAME)
    assert THAI_NAME in client.get(slides_url).content.decode()
    assert client.get(slides_url)["X-Page-Cache"] == "hit"
    honoree_withdraw_consent(honoree=honorees[1], by=secretariat)
    after = pdf_tools.text(pdf_tools.write(tmp_path, client.get(pdf_url).content, "after.pdf"))
    assert not pdf_tools.has(after, THAI_NAME) and pdf_tools.has(after, "พระครูสุวรรณธรรมโชติ")
    assert THAI_NAME not in client.get(slides_url).content.decode()
