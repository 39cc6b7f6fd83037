import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from honorees.models import Honoree
from honorees.services import honoree_withdraw
from meetings.documents import pdf
from meetings.models import CERTIFICATE_CODE_ALPHABET, Certificate
from tests.factories import make_honoree, make_meeting
from tests.meetings_day.conftest import LONG_CITATION, THAI_NAME

pytestmark = pytest.mark.django_db


def meeting_pdf_url(meeting):
    return reverse("admin:meetings_meeting_certificates", args=[meeting.pk])


def honoree_pdf_url(meeting, honoree):
    return reverse("admin:meetings_meeting_certificate", args=[meeting.pk, honoree.pk])


def test_meeting_certificates_are_one_a4_landscape_page_per_honoree_in_district_order(
    secretariat_client, meeting, honorees, pdf_tools, tmp_path
):
    response = secretariat_client.get(meeting_pdf_url(meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    path = pdf_tools.write(tmp_path, response.content)
    found = pdf_tools.info(path)
    assert found["pages"] == 3
    assert pdf_tools.same_size(found["size"], pdf_tools.A4_LANDSCAPE_PT)
    pages = [pdf_tools.text(path, page) for page in (1, 2, 3)]
    assert pdf_tools.has(pages[0], "พระครูสุวรรณธรรมโชติ")  # 8401 first
    assert pdf_tools.has(pages[1], THAI_NAME)  # 8404
    assert pdf_tools.has(pages[2], "ชุมชนบ้านท่าข้าม")  # 8417
    samui = pages[1]
    assert pdf_tools.has(samui, "ได้รับการยกย่องเชิดชูเป็นคนดีประจำเดือนตุลาคม 2568")
    assert pdf_tools.has(samui, "ที่ 1/2569/8404")
    assert pdf_tools.has(samui, "28 ตุลาคม 2568")
    assert pdf_tools.has(samui, "อำเภอเกาะสมุย") and pdf_tools.has(samui, "เครือข่ายภาคการศึกษา")
    assert pdf_tools.has(samui, settings.CERTIFICATE_SIGNATORY_POSITION)


def test_long_thai_citation_is_broken_between_words_and_nothing_is_lost(
    secretariat_client, meeting, samui_honoree, pdf_tools, tmp_path
):
    path = pdf_tools.write(tmp_path, secretariat_client.get(honoree_pdf_url(meeting, samui_honoree)).content)
    same = pdf_tools.comparable
    lines = [same(line) for line in pdf_tools.text(path).splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith(same("ครูผู้สอน")))
    joined, used = "", []
    for line in lines[start:]:
        used.append(line)
        joined += line
        if len(joined) >= len(same(LONG_CITATION)):
            break
    assert joined == same(LONG_CITATION)
    assert len(used) >= 2, "the citation wraps"
    # Every line ends where a word ends: the words of the citation, never inside one.
    words = {"ปี", "เย็น", "ร่วมกัน", "ดูแล", "เด็ก", "และ", "เยาวชน", "ใน", "พื้นที่", "ห่างไกล", "อย่าง"}
    words |= {"ต่อเนื่อง", "โดย", "ไม่", "หวัง", "สิ่ง", "ตอบแทน", "ใด", "ๆ", "ชุมชน", "ทุก", "ผู้ปกครอง", "ชักชวน"}
    words |= {"ห้องสมุด", "บ้าน", "เปิด", "อ่าน", "การ", "รัก", "ให้", "เกาะ", "บน", "สอน", "กว่า", "มาก", "สามสิบ"}
    for line in used[:-1]:
        assert any(line.endswith(same(word)) for word in words), f"line broken inside a word: {line!r}"


def test_certificate_qr_code_decodes_to_the_verification_url(
    secretariat_client, client, meeting, samui_honoree, pdf_tools, tmp_path
):
    path = pdf_tools.write(tmp_path, secretariat_client.get(honoree_pdf_url(meeting, samui_honoree)).content)
    assert pdf_tools.info(path)["pages"] == 1
    certificate = Certificate.objects.get(honoree=samui_honoree, meeting=meeting)
    expected = f"{settings.SITE_URL}/verify/{certificate.code}/"
    assert pdf_tools.qr_codes(path) == [expected]
    assert pdf_tools.has(pdf_tools.text(path), certificate.display_code)
    page = client.get(expected.removeprefix(settings.SITE_URL))
    assert page.status_code == 200
    assert THAI_NAME in page.content.decode()


def test_certificate_codes_are_random_unique_and_kept_between_prints(secretariat_client, meeting, honorees):
    secretariat_client.get(meeting_pdf_url(meeting))
    codes = dict(Certificate.objects.values_list("honoree_id", "code"))
    assert len(codes) == 3 and len(set(codes.values())) == 3
    assert all(re.fullmatch(f"[{CERTIFICATE_CODE_ALPHABET}]{{16}}", code) for code in codes.values())
    secretariat_client.get(honoree_pdf_url(meeting, honorees[0]))
    assert dict(Certificate.objects.values_list("honoree_id", "code")) == codes


def test_signatory_named_on_the_meeting_is_printed(secretariat_client, meeting, samui_honoree, pdf_tools, tmp_path):
    meeting.signatory_name = "นายวิชวุทย์ จินโต"
    meeting.signatory_position = "ผู้ว่าราชการจังหวัดสุราษฎร์ธานี"
    meeting.save()
    path = pdf_tools.write(tmp_path, secretariat_client.get(honoree_pdf_url(meeting, samui_honoree)).content)
    assert pdf_tools.has(pdf_tools.text(path), "(นายวิชวุทย์ จินโต)")


def test_certificates_are_made_once_per_content_version(secretariat_client, meeting, samui_honoree, monkeypatch):
    calls = []
    real = pdf.render_pdf
    monkeypatch.setattr(pdf, "render_pdf", lambda *args: calls.append(1) or real(*args))
    first = secretariat_client.get(honoree_pdf_url(meeting, samui_honoree)).content
    second = secretariat_client.get(honoree_pdf_url(meeting, samui_honoree)).content
    assert len(calls) == 1 and first == second
    samui_honoree.citation = "อาสาสมัครสอนหนังสือ"
    samui_honoree.save()
    third = secretariat_client.get(honoree_pdf_url(meeting, samui_honoree)).content
    assert len(calls) == 2 and third != first


def test_an_unpublished_meetings_preview_follows_edits_the_public_cannot_see(secretariat_client, monkeypatch):
    # Candidates of an unpublished meeting are not public, so their edits leave the content
    # version alone; the secretariat's preview must still show the edit.
    meeting = make_meeting(published=False)
    candidate = make_honoree(meeting=meeting, status=Honoree.Status.APPROVED, citation="ครูอาสาสอนหนังสือ")
    calls = []
    real = pdf.render_pdf
    monkeypatch.setattr(pdf, "render_pdf", lambda *args: calls.append(1) or real(*args))
    first = secretariat_client.get(honoree_pdf_url(meeting, candidate)).content
    candidate.citation = "อาสาสมัครดูแลผู้สูงอายุในชุมชน"
    candidate.save()
    second = secretariat_client.get(honoree_pdf_url(meeting, candidate)).content
    assert len(calls) == 2 and first != second


def test_certificate_of_an_honoree_not_in_the_meeting_is_404(secretariat_client, meeting, samui_honoree):
    elsewhere = make_honoree(meeting=make_meeting())
    assert secretariat_client.get(honoree_pdf_url(meeting, elsewhere)).status_code == 404
    assert secretariat_client.get(f"/admin/meetings/meeting/{meeting.pk}/certificates/999999.pdf").status_code == 404
    assert secretariat_client.get("/admin/meetings/meeting/999999/certificates.pdf").status_code == 404


def test_withdrawn_honoree_gets_no_certificate(secretariat_client, secretariat, meeting, samui_honoree):
    honoree_withdraw(honoree=samui_honoree, by=secretariat)
    assert secretariat_client.get(honoree_pdf_url(meeting, samui_honoree)).status_code == 404


def test_a_meeting_without_certifiable_honorees_is_a_thai_404(secretariat_client):
    empty = make_meeting(published=False)
    make_honoree(meeting=empty, status=Honoree.Status.NOMINATED)
    response = secretariat_client.get(meeting_pdf_url(empty))
    assert response.status_code == 404


def test_the_public_cannot_download_certificates(meeting, samui_honoree):
    response = Client().get(honoree_pdf_url(meeting, samui_honoree))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert not Certificate.objects.exists()


def test_district_officer_gets_only_their_districts_certificates(meeting, honorees, pdf_tools, tmp_path):
    from tests.admin.conftest import make_staff

    client = Client()
    client.force_login(make_staff("officer_samui", "district_officer", "8404"))
    response = client.get(meeting_pdf_url(meeting))
    assert response.status_code == 200
    path = pdf_tools.write(tmp_path, response.content)
    assert pdf_tools.info(path)["pages"] == 1
    assert pdf_tools.has(pdf_tools.text(path), THAI_NAME)
    assert client.get(honoree_pdf_url(meeting, honorees[0])).status_code == 404


def test_honour_board_links_each_certificate_and_the_whole_meeting(secretariat_client, meeting, honorees):
    page = secretariat_client.get(reverse("admin:meetings_meeting_board", args=[meeting.pk])).content.decode()
    assert meeting_pdf_url(meeting) in page
    for honoree in honorees:
        assert honoree_pdf_url(meeting, honoree) in page
    assert reverse("meetings:present", args=[meeting.slug]) in page
    assert reverse("meetings:announcement-pdf", args=[meeting.slug]) in page


def test_honoree_whose_consent_no_longer_covers_their_name_gets_no_certificate(
    secretariat_client, meeting, samui_honoree, honorees
):
    Honoree.objects.filter(pk=samui_honoree.pk).update(consent_covers_name=False)
    assert secretariat_client.get(honoree_pdf_url(meeting, samui_honoree)).status_code == 404
    page = secretariat_client.get(reverse("admin:meetings_meeting_board", args=[meeting.pk])).content.decode()
    assert honoree_pdf_url(meeting, samui_honoree) not in page
    assert honoree_pdf_url(meeting, honorees[0]) in page
