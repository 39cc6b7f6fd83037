"""Paths that are not URLs, paths that name another host and oversized bodies: a 4xx, never a 500,
and never a canonical link or og:url on another host."""

import re
from urllib.parse import unquote

import pytest
from django.test import Client

from honorees.models import PrivacyRequest
from tests.security.test_privacy import request_data

pytestmark = pytest.mark.django_db

HOSTILE_PATHS = [
    "//[x/",
    "/%2F[x/",
    "//%5Bx/",
    "/en//[x/",
    "//evil.example/x",
    "/%2F%2Fevil.example/x",
    "///evil.example/",
]


def links(page: str) -> list[str]:
    return re.findall(r'<link rel="canonical" href="([^"]*)"|<meta property="og:url" content="([^"]*)"', page)


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_paths_are_a_404_whose_links_stay_on_this_site(client, path):
    # As gunicorn hands it over (decoded); the test client's get() would refuse to parse it.
    response = client.request(PATH_INFO=unquote(path), REQUEST_METHOD="GET")
    assert response.status_code == 404
    page = response.content.decode()
    found = [url for pair in links(page) for url in pair if url]
    assert found, "the 404 page keeps its canonical link"
    assert all(url.startswith("http://testserver/") for url in found), found


def test_a_privacy_request_over_the_body_cap_is_refused_before_it_is_read(honoree):
    client = Client(enforce_csrf_checks=True)  # refused before the CSRF check reads the body
    response = client.post("/privacy/", request_data(honoree, message="ก" * 70_000))
    assert response.status_code == 413
    assert "ข้อมูลที่ส่งมีขนาดใหญ่เกินไป" in response.content.decode()
    assert not PrivacyRequest.objects.exists()


def test_a_privacy_request_within_the_cap_is_taken(client, honoree):
    assert client.post("/privacy/", request_data(honoree, message="ก" * 5_000)).status_code == 302


def test_any_other_post_over_the_site_wide_cap_is_refused(settings):
    settings.MAX_REQUEST_BODY_BYTES = 1000
    client = Client(enforce_csrf_checks=True)
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/" + "x" * 2000})
    assert response.status_code == 413


def test_gunicorn_lets_through_the_addresses_the_request_guard_refuses_in_thai(client, settings):
    """gunicorn's own refusal of a long request line is an English page; the guard's is Thai."""
    import runpy
    from pathlib import Path

    config = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    query = "q=" + "%E0%B8%81" * (settings.MAX_QUERY_STRING_LENGTH // 9 + 1)
    assert len(query) > settings.MAX_QUERY_STRING_LENGTH
    assert config["limit_request_line"] >= len(f"GET /honorees/?{query} HTTP/1.1")
    response = client.get(f"/honorees/?{query}")
    assert response.status_code == 414 and "ที่อยู่เว็บยาวเกินไป" in response.content.decode()
