"""/privacy/: the PDPA notice and the public removal/correction request form."""

import pytest
from django.test import Client
from django.urls import reverse

from honorees.models import Honoree, PrivacyRequest
from tests.factories import make_honoree


def request_data(honoree, **changes):
    data = {
        "honoree": honoree.slug,
        "kind": PrivacyRequest.Kind.REMOVAL,
        "requester_name": "นายผู้ยื่น คำขอ",
        "requester_contact": "081-234-5678",
        "message": "ขอให้ลบรูปภาพของข้าพเจ้าออกจากเว็บไซต์",
    }
    data.update(changes)
    return data


@pytest.mark.django_db
def test_privacy_page_shows_the_pdpa_notice_in_thai(client):
    page = client.get("/privacy/").content.decode()
    assert "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562" in page
    assert "สิทธิของเจ้าของข้อมูล" in page
    assert client.get("/en/privacy/").status_code == 200


@pytest.mark.django_db
def test_form_lists_no_honoree_and_fills_in_the_profile_it_was_opened_from(client, honoree):
    hidden = make_honoree(status=Honoree.Status.DRAFT, name="นายลับ เฉพาะ")
    page = client.get("/privacy/").content.decode()
    assert honoree.name not in page and hidden.name not in page and "<option" not in page
    page = client.get(f"/privacy/?honoree={honoree.slug}").content.decode()
    assert f'value="http://testserver/honorees/{honoree.slug}/"' in page
    page = client.get(f"/privacy/?honoree={hidden.slug}").content.decode()
    assert f"/honorees/{hidden.slug}/" not in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    [
        "{url}",
        "http://testserver/en/honorees/{slug}/",
        "/honorees/{slug}/?utm_source=line",
        "  {slug} ",
        "{name}",
        "นายทดสอบ   ลำดับพิเศษ",  # spacing aside
        "ทดสอบ ลำดับพิเศษ",  # without the title
    ],
)
def test_the_honoree_is_found_by_name_link_or_slug(client, typed):
    honoree = make_honoree(name="นายทดสอบ ลำดับพิเศษ")
    value = typed.format(
        url=f"https://halloffame.example/honorees/{honoree.slug}/", slug=honoree.slug, name=honoree.name
    )
    response = client.post("/privacy/", {**request_data(honoree), "honoree": value})
    assert response.status_code == 302, response.content.decode()
    assert PrivacyRequest.objects.get().honoree == honoree


@pytest.mark.django_db
def test_a_name_two_honorees_share_asks_for_the_link(client):
    first = make_honoree(name="นายซ้ำ ชื่อเดียวกัน")
    make_honoree(name="นายซ้ำ ชื่อเดียวกัน")
    response = client.post("/privacy/", {**request_data(first), "honoree": first.name})
    assert response.status_code == 200
    assert "กรุณาวางลิงก์หน้าประวัติ" in response.content.decode()
    assert not PrivacyRequest.objects.exists()
    response = client.post("/privacy/", {**request_data(first), "honoree": f"/honorees/{first.slug}/"})
    assert response.status_code == 302 and PrivacyRequest.objects.get().honoree == first


@pytest.mark.django_db
def test_a_request_is_stored_for_the_secretariat(client, honoree, admin_user):
    response = client.post("/privacy/", request_data(honoree))
    assert response.status_code == 302 and response["Location"] == reverse("privacy-sent")
    stored = PrivacyRequest.objects.get()
    assert stored.honoree == honoree and stored.kind == "removal"
    assert "ได้รับคำขอของท่านแล้ว" in client.get(response["Location"]).content.decode()
    staff = Client()
    staff.force_login(admin_user)
    changelist = staff.get(reverse("admin:honorees_privacyrequest_changelist")).content.decode()
    assert "นายผู้ยื่น คำขอ" in changelist


@pytest.mark.django_db
def test_the_form_is_csrf_protected(honoree):
    client = Client(enforce_csrf_checks=True)
    assert client.post("/privacy/", request_data(honoree)).status_code == 403
    assert not PrivacyRequest.objects.exists()


@pytest.mark.django_db
def test_a_request_for_a_withdrawn_or_unknown_honoree_is_a_form_error(client, honoree, settings):
    settings.PRIVACY_REQUESTS_PER_HOUR = 10  # every post counts, refused ones too
    withdrawn = make_honoree(status=Honoree.Status.WITHDRAWN)
    for slug in (
        withdrawn.slug,
        withdrawn.name,
        f"/honorees/{withdrawn.slug}/",
        "no-such-person",
        "/meetings/",
        "/x/y",
    ):
        response = client.post("/privacy/", {**request_data(honoree), "honoree": slug})
        assert response.status_code == 200
        assert "ไม่พบผู้ได้รับการยกย่องรายนี้" in response.content.decode()
    assert not PrivacyRequest.objects.exists()


@pytest.mark.django_db
def test_automated_senders_filling_the_hidden_field_are_refused(client, honoree):
    response = client.post("/privacy/", request_data(honoree, website="http://spam.example"))
    assert response.status_code == 200
    assert not PrivacyRequest.objects.exists()


@pytest.mark.django_db
def test_requests_are_rate_limited_per_client(client, honoree, settings):
    settings.PRIVACY_REQUESTS_PER_HOUR = 3
    for _ in range(3):
        assert client.post("/privacy/", request_data(honoree)).status_code == 302
    refused = client.post("/privacy/", request_data(honoree))
    assert refused.status_code == 429
    assert "มีการส่งคำขอจากเครื่องนี้มากเกินไป" in refused.content.decode()
    assert PrivacyRequest.objects.count() == 3
    other = client.post("/privacy/", request_data(honoree), REMOTE_ADDR="192.0.2.44")
    assert other.status_code == 302


@pytest.mark.django_db
def test_rate_limit_cannot_be_dodged_with_a_forged_forwarded_for(client, honoree, settings):
    settings.PRIVACY_REQUESTS_PER_HOUR = 1
    client.post("/privacy/", request_data(honoree), HTTP_X_FORWARDED_FOR="10.0.0.1")
    assert client.post("/privacy/", request_data(honoree), HTTP_X_FORWARDED_FOR="10.0.0.2").status_code == 429


@pytest.mark.django_db
def test_behind_a_trusted_proxy_each_real_client_has_its_own_limit(client, honoree, settings):
    settings.PRIVACY_REQUESTS_PER_HOUR = 1
    settings.TRUSTED_PROXY_COUNT = 1
    assert client.post("/privacy/", request_data(honoree), HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 302
    assert client.post("/privacy/", request_data(honoree), HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert client.post("/privacy/", request_data(honoree), HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 302
