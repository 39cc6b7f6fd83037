"""Security headers on every kind of response, with the settings every environment shares."""

import pytest
from django.urls import reverse

from tests.factories import make_honoree


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


@pytest.fixture
def urls(db, admin_user):
    honoree = make_honoree()
    return [
        "/",
        "/honorees/",
        honoree.get_absolute_url(),
        "/districts/",
        "/privacy/",
        "/healthz",
        "/en/",
        "/no-such-page/",
        reverse("admin:login"),
    ]


@pytest.mark.django_db
def test_every_response_carries_the_security_headers(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        csp = policy(response)
        assert csp["script-src"] == "'self'", url
        assert csp["default-src"] == "'self'", url
        assert csp["frame-ancestors"] == "'none'", url
        assert csp["object-src"] == "'none'", url
        assert csp["img-src"].startswith("'self' data:"), url
        assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
        assert response["X-Frame-Options"] == "DENY", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert "microphone=()" in response["Permissions-Policy"], url


@pytest.mark.django_db
def test_admin_pages_carry_the_headers_and_csrf_cookie_is_httponly(admin_client):
    response = admin_client.get(reverse("admin:honorees_honoree_add"))
    assert response.status_code == 200
    assert policy(response)["script-src"] == "'self'"
    cookie = response.cookies.get("csrftoken") or admin_client.cookies.get("csrftoken")
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_public_pages_have_no_inline_script_or_style(client):
    honoree = make_honoree()
    for url in ["/", "/honorees/", honoree.get_absolute_url(), "/privacy/", "/districts/", "/networks/"]:
        page = client.get(url).content.decode()
        assert "<script>" not in page, url
        assert " onclick=" not in page and " onload=" not in page and ' style="' not in page, url
