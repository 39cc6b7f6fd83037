"""Static files hashed and precompressed with long lifetimes, and a light first load."""

import gzip
import importlib.util
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import brotli
import pytest
from django.core.management import call_command
from django.test import Client, override_settings

import halloffame.settings

FIRST_LOAD_LIMIT = 300 * 1024
ONE_YEAR = 365 * 24 * 3600


def prod_settings(monkeypatch):
    """halloffame.settings.prod as production loads it (from its own copy of the module)."""
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 60)
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "halloffame.example")
    path = Path(halloffame.settings.__file__).with_name("prod.py")
    spec = importlib.util.spec_from_file_location("halloffame.settings._prod_copy", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic with the production storage, and every test here served by it."""
    root = tmp_path_factory.mktemp("static")
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", "--noinput", "-v0")
        yield root


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = set((attrs.get("rel") or "").split())
        if tag == "link" and attrs.get("href") and rel & {"stylesheet", "preload", "icon"}:
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])
        elif tag == "img" and (attrs.get("src") or "").startswith("/static/"):
            self.urls.append(attrs["src"])


def asset_urls(html: str) -> list[str]:
    parser = Assets()
    parser.feed(html)
    return parser.urls


def test_production_uses_hashed_compressed_static_storage(monkeypatch):
    prod = prod_settings(monkeypatch)
    assert prod.STORAGES["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in prod.MIDDLEWARE
    assert not prod.DEBUG


def test_hashed_static_files_are_sent_compressed_with_a_long_lifetime(db, collected):
    client = Client()
    html = client.get("/").content.decode()
    css = [url for url in asset_urls(html) if url.endswith(".css")]
    assert css and all(re.search(r"\.[0-9a-f]{12}\.css$", url) for url in css), css
    for url in css:
        path = collected / url.removeprefix("/static/")
        assert path.with_name(path.name + ".br").exists() and path.with_name(path.name + ".gz").exists()
        for encoding, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
            response = client.get(url, HTTP_ACCEPT_ENCODING=encoding)
            assert response.status_code == 200
            assert response["Content-Encoding"] == encoding
            assert decompress(b"".join(response.streaming_content)) == path.read_bytes()
            cache_control = response["Cache-Control"]
            assert "immutable" in cache_control and "public" in cache_control
            assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= ONE_YEAR


def test_home_page_first_load_without_photos_is_at_most_300_kb(db, collected):
    """HTML + CSS + JS + fonts (and any static image) the home page pulls in, in the bytes a
    browser that accepts Brotli receives."""
    client = Client(HTTP_ACCEPT_ENCODING="br, gzip")
    response = client.get("/")
    sizes = {"/": len(response.content)}
    queue = [url for url in asset_urls(brotli.decompress(response.content).decode()) if "/media/" not in url]
    while queue:
        url = queue.pop(0)
        if url in sizes or not url.startswith("/static/"):
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content)
        sizes[url] = len(body)
        if url.endswith(".css"):
            css = brotli.decompress(body).decode() if response.get("Content-Encoding") == "br" else body.decode()
            queue += [urljoin(url, ref) for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css)]
    assert any(url.endswith(".css") for url in sizes)
    assert any(url.endswith(".woff2") for url in sizes), "the Thai webfont is part of the first load"
    assert sum(sizes.values()) <= FIRST_LOAD_LIMIT, sizes
