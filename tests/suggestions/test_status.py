"""/suggest/status/: the status of a reference, and nothing else about the suggestion."""

import pytest

from honorees.suggestions.models import Suggestion, normalise_reference
from tests.suggestions.conftest import make_suggestion

pytestmark = pytest.mark.django_db

S = Suggestion.Status


@pytest.mark.parametrize(
    ("status", "heading"),
    [
        (S.RECEIVED, "ได้รับข้อเสนอแล้ว"),
        (S.UNDER_REVIEW, "อยู่ระหว่างพิจารณา"),
        (S.FORWARDED, "ส่งต่อเป็นผู้ได้รับการเสนอชื่อแล้ว"),
        (S.DECLINED, "ไม่ได้นำไปพิจารณาต่อ"),
    ],
)
def test_the_status_of_a_reference_and_nothing_else(client, status, heading):
    suggestion = make_suggestion(status=status, name="นายไม่ควรเห็น ชื่อนี้", staff_notes="บันทึกภายใน")
    response = client.get("/suggest/status/", {"ref": suggestion.reference})
    assert response.status_code == 200
    page = response.content.decode()
    assert suggestion.reference in page and heading in page
    for secret in ("ไม่ควรเห็น", suggestion.suggester_name, suggestion.suggester_email, "ไม่เข้าเกณฑ์", "บันทึกภายใน"):
        assert secret not in page
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_merged_duplicate_shows_the_status_of_the_suggestion_it_joined(client):
    primary = make_suggestion(status=S.FORWARDED)
    duplicate = make_suggestion(status=S.MERGED, duplicate_of=primary)
    page = client.get("/suggest/status/", {"ref": duplicate.reference}).content.decode()
    assert "ส่งต่อเป็นผู้ได้รับการเสนอชื่อแล้ว" in page and primary.reference not in page


def test_references_are_read_as_people_type_them():
    assert normalise_reference("ส-2569-000123") == "ส-2569-000123"
    assert normalise_reference(" s 2569 000123 ") == "ส-2569-000123"
    assert normalise_reference("๒๕๖๙-๐๐๐๑๒๓") == "ส-2569-000123"
    assert normalise_reference("2569000123") == "ส-2569-000123"
    for bad in ("", "ส-2569-123", "1' OR 1=1", "ส-2569-0001234", "x" * 1000):
        assert normalise_reference(bad) is None


def test_a_lookup_with_thai_digits_finds_the_suggestion(client):
    suggestion = make_suggestion()
    thai_digits = suggestion.reference.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert client.get("/suggest/status/", {"ref": thai_digits}).status_code == 200


def test_an_unknown_reference_is_a_404_with_a_thai_message(client):
    response = client.get("/suggest/status/", {"ref": "ส-2569-999999"})
    assert response.status_code == 404
    assert "ไม่พบเลขอ้างอิงนี้" in response.content.decode()


@pytest.mark.parametrize("ref", ["", "hello", "ส-2569", "x" * 5000, "ส-2569-00012\x00"])
def test_a_malformed_reference_is_a_400_with_a_thai_message(client, ref):
    response = client.get("/suggest/status/", {"ref": ref})
    assert response.status_code in (400, 414)
    if response.status_code == 400 and "\x00" not in ref:
        assert "เลขอ้างอิง" in response.content.decode()


def test_the_empty_page_offers_the_lookup_in_both_languages(client):
    assert "ตรวจสถานะข้อเสนอชื่อ" in client.get("/suggest/status/").content.decode()
    assert "Check a suggestion" in client.get("/en/suggest/status/").content.decode()


def test_lookups_are_rate_limited_per_client(client, settings):
    settings.SUGGESTION_LOOKUPS_PER_HOUR = 3
    for n in range(3):
        assert client.get("/suggest/status/", {"ref": f"ส-2569-00000{n}"}).status_code == 404
    response = client.get("/suggest/status/", {"ref": "ส-2569-000009"})
    assert response.status_code == 429
    assert "มีการตรวจเลขอ้างอิงจากเครื่องนี้มากเกินไป" in response.content.decode()


def test_the_sent_page_of_an_unknown_reference_is_a_404(client):
    assert client.get("/suggest/sent/", {"ref": "ส-2569-999999"}).status_code == 404
    assert client.get("/suggest/sent/").status_code == 404
