"""Rendered pages go out compressed (Brotli or gzip) with an ETag, and a revalidation is a 304."""

import gzip

import brotli
import pytest
from django.http import HttpResponse

from halloffame.compression import CompressionMiddleware
from tests.performance.conftest import public_urls

HTML = "<!doctype html><html lang='th'><body>" + "หอเกียรติยศคนดี จังหวัดสุราษฎร์ธานี " * 50 + "</body></html>"


@pytest.mark.parametrize(("accept", "encoding", "decompress"), [
    ("gzip, deflate, br", "br", brotli.decompress),
    ("gzip, deflate", "gzip", gzip.decompress),
])  # fmt: skip
def test_public_pages_are_compressed(client, small_site, accept, encoding, decompress):
    for url in public_urls(small_site):
        if "page=2" in url:
            continue
        for _ in range(2):  # as rendered, then from the cache
            response = client.get(url, HTTP_ACCEPT_ENCODING=accept)
            if len(response.content) < 200:
                continue  # robots.txt: too short to be worth it
            assert response["Content-Encoding"] == encoding, url
            assert "Accept-Encoding" in response["Vary"], url
            assert decompress(response.content).decode().strip(), url


def test_uncompressed_for_a_client_that_asks_for_nothing(client, small_site):
    response = client.get("/honorees/")
    assert "Content-Encoding" not in response
    assert "<html" in response.content.decode()


@pytest.mark.parametrize("cached", [True, False])
def test_revalidation_with_the_etag_is_not_modified(client, small_site, settings, cached):
    settings.PAGE_CACHE = cached
    for url in public_urls(small_site):
        if "page=2" in url:
            continue
        first = client.get(url, HTTP_ACCEPT_ENCODING="br")
        assert first.status_code == 200, url
        etag = first["ETag"]
        again = client.get(url, HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304, url
        assert again["ETag"].removeprefix("W/") == etag.removeprefix("W/")
        assert again.content == b""


def test_a_change_changes_the_etag(client, small_site):
    honoree = small_site["public"][0]
    etag = client.get(honoree.get_absolute_url())["ETag"]
    honoree.citation = "เหตุผลที่แก้ไขแล้ว"
    honoree.save()
    response = client.get(honoree.get_absolute_url(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "เหตุผลที่แก้ไขแล้ว" in response.content.decode()


def test_brotli_for_html_without_secrets(rf):
    response = CompressionMiddleware(lambda request: HttpResponse(HTML))(rf.get("/", HTTP_ACCEPT_ENCODING="br, gzip"))
    assert response["Content-Encoding"] == "br"
    assert brotli.decompress(response.content).decode() == HTML
    assert int(response["Content-Length"]) == len(response.content) < len(HTML.encode())


def test_page_with_a_csrf_token_keeps_djangos_padded_gzip(rf):
    """BREACH: a body with a secret keeps gzip with Django's random padding, not Brotli."""

    def view(request):
        response = HttpResponse(HTML)
        response.set_cookie("csrftoken", "secret")
        return response

    response = CompressionMiddleware(view)(rf.get("/", HTTP_ACCEPT_ENCODING="br, gzip"))
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content).decode() == HTML


def test_images_and_short_bodies_are_left_alone(rf):
    request = rf.get("/", HTTP_ACCEPT_ENCODING="br, gzip")
    jpeg = CompressionMiddleware(lambda r: HttpResponse(b"\xff\xd8" * 500, content_type="image/jpeg"))(request)
    assert "Content-Encoding" not in jpeg
    short = CompressionMiddleware(lambda r: HttpResponse("ok", content_type="text/plain"))(request)
    assert "Content-Encoding" not in short
