import pytest
from django.test import Client
from django.urls import reverse

from honorees.services import honoree_unplace, honoree_withdraw, honoree_withdraw_consent
from meetings.models import Certificate
from meetings.services import certificates_issue
from tests.factories import make_honoree, make_meeting
from tests.meetings_day.conftest import THAI_NAME

pytestmark = pytest.mark.django_db


@pytest.fixture
def certificate(meeting, samui_honoree):
    return certificates_issue(meeting=meeting, honorees=[samui_honoree])[samui_honoree.pk]


def verify(client, code):
    return client.get(reverse("verify", kwargs={"code": code}))


def test_genuine_certificate_names_the_honoree_and_meeting_in_thai_and_english(client, certificate):
    response = verify(client, certificate.code)
    assert response.status_code == 200
    page = response.content.decode()
    assert "เกียรติบัตรฉบับจริง" in page and "Genuine" in page
    assert THAI_NAME in page and "Ms. Namphueng Phuengboon" in page
    assert "ตุลาคม 2568" in page and "28 October 2568 B.E." in page
    assert "ครั้งที่ 1/2569" in page
    assert certificate.display_code in page
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("revoke", ["withdraw", "consent"])
def test_revoked_certificate_says_so_without_personal_data(client, certificate, secretariat, revoke):
    honoree = certificate.honoree
    if revoke == "withdraw":
        honoree_withdraw(honoree=honoree, by=secretariat)
    else:
        honoree_withdraw_consent(honoree=honoree, by=secretariat)
    response = verify(client, certificate.code)
    assert response.status_code == 200
    page = response.content.decode()
    assert "ถูกเพิกถอน" in page and "Revoked" in page
    for personal in (THAI_NAME, "Namphueng", "เกาะสมุย", "Ko Samui", honoree.citation, honoree.slug):
        assert personal not in page


def test_certificate_of_a_published_honoree_whose_consent_no_longer_covers_their_name_is_revoked(client, certificate):
    from honorees.models import Honoree

    Honoree.objects.filter(pk=certificate.honoree_id).update(consent_covers_name=False)
    page = verify(client, certificate.code).content.decode()
    assert "ถูกเพิกถอน" in page and "ยังไม่ประกาศผล" not in page
    assert THAI_NAME not in page and "Namphueng" not in page


def test_certificate_of_an_honoree_taken_off_the_meeting_is_revoked(client, secretariat, db):
    from honorees.models import Honoree

    meeting = make_meeting(published=False)
    honoree = make_honoree(meeting=meeting, status=Honoree.Status.APPROVED, name="นายถูกนำออก ทดสอบ")
    certificate = certificates_issue(meeting=meeting, honorees=[honoree])[honoree.pk]
    honoree_unplace(honoree=honoree, by=secretariat)
    page = verify(client, certificate.code).content.decode()
    assert "ถูกเพิกถอน" in page and "นายถูกนำออก" not in page


def test_certificate_of_an_unpublished_meeting_shows_no_name_yet(client, db):
    from honorees.models import Honoree

    meeting = make_meeting(published=False)
    honoree = make_honoree(meeting=meeting, status=Honoree.Status.APPROVED, name="นายยังไม่ประกาศ ทดสอบ")
    certificate = certificates_issue(meeting=meeting, honorees=[honoree])[honoree.pk]
    response = verify(client, certificate.code)
    assert response.status_code == 200
    page = response.content.decode()
    assert "ยังไม่ประกาศผล" in page and "นายยังไม่ประกาศ" not in page


def test_unknown_code_is_a_404_in_thai(client, certificate):
    forged = "".join(reversed(certificate.code))
    assert not Certificate.objects.filter(code=forged).exists()
    response = verify(client, forged)
    assert response.status_code == 404
    assert "ไม่พบเกียรติบัตรรหัสนี้" in response.content.decode()


@pytest.mark.parametrize("code", ["abc", "x" * 200, "ABCD-EFGH-JKMN-PQRU", "'; DROP TABLE--", "๑๒๓๔๕๖๗๘๙๐๑๒๓๔๕๖"])
def test_malformed_code_is_a_404_with_a_thai_message(client, code):
    response = client.get(f"/verify/{code}/")
    assert response.status_code == 404
    assert "รหัสไม่ถูกต้อง" in response.content.decode()


def test_code_typed_in_the_form_with_hyphens_and_lowercase_leads_to_the_certificate(client, certificate):
    typed = certificate.display_code.lower()
    response = client.get(reverse("verify-form"), {"code": f" {typed} "})
    assert response.status_code == 302
    assert response["Location"] == reverse("verify", kwargs={"code": certificate.code})
    assert client.get(response["Location"]).status_code == 200


def test_lookalike_letters_are_read_as_digits(client, certificate):
    response = verify(client, certificate.code.replace("0", "O").replace("1", "I").lower())
    assert response.status_code == 302
    assert response["Location"] == reverse("verify", kwargs={"code": certificate.code})


def test_malformed_code_in_the_form_is_a_400_with_a_thai_message(client):
    response = client.get(reverse("verify-form"), {"code": "12345"})
    assert response.status_code == 400
    assert "รหัสไม่ถูกต้อง" in response.content.decode()


def test_form_page_without_a_code(client):
    response = client.get(reverse("verify-form"))
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


def test_verification_is_rate_limited_per_client(settings, certificate):
    settings.VERIFY_REQUESTS_PER_MINUTE = 3
    client = Client(REMOTE_ADDR="203.0.113.9")
    assert [verify(client, certificate.code).status_code for _ in range(3)] == [200, 200, 200]
    limited = verify(client, certificate.code)
    assert limited.status_code == 429
    assert "ตรวจสอบบ่อยเกินไป" in limited.content.decode() and THAI_NAME not in limited.content.decode()
    assert verify(Client(REMOTE_ADDR="203.0.113.10"), certificate.code).status_code == 200


def test_english_page_gives_the_same_verdict(client, certificate):
    response = client.get("/en" + reverse("verify", kwargs={"code": certificate.code}))
    assert response.status_code == 200
    assert "Genuine" in response.content.decode() and THAI_NAME in response.content.decode()
