"""The Atom feed, the sitemap and robots.txt carry public honorees only."""

import re
import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_feed_lists_newest_public_honorees_without_staff_fields(client, hidden_honorees):
    from datetime import date

    make_honoree(meeting=make_meeting(day=date(2024, 1, 23)), name="นายเก่ากว่า")
    make_honoree(meeting=make_meeting(day=date(2025, 1, 28)), name="นางใหม่กว่า", contact_phone="089-999-9999")
    response = client.get("/feeds/honorees/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["นางใหม่กว่า", "นายเก่ากว่า"]
    body = response.content.decode()
    assert "089-999-9999" not in body
    for honoree in hidden_honorees:
        assert honoree.name not in body
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]
    assert all(link.startswith("http://testserver/honorees/") for link in links)


def test_english_feed_uses_english_names(client):
    make_honoree(name="นางมาลี", name_en="Mrs. Malee")
    body = client.get("/en/feeds/honorees/").content.decode()
    assert "<title>Mrs. Malee</title>" in body and 'xml:lang="en"' in body


def test_sitemap_lists_every_public_page_and_nothing_hidden(client, hidden_honorees):
    public = make_honoree(name_en="Mrs. Shown")
    unpublished_meeting = make_meeting(published=False)
    locations = set(sitemap_locations(client))
    base = "http://testserver"
    for path in ["/", "/honorees/", "/districts/", "/networks/", "/meetings/"]:
        assert base + path in locations and base + "/en" + path in locations
    assert base + public.get_absolute_url() in locations
    assert base + public.meeting.get_absolute_url() in locations
    assert base + "/districts/ko-samui/" in locations and base + "/networks/government/" in locations
    assert base + unpublished_meeting.get_absolute_url() not in locations
    for honoree in hidden_honorees:
        assert base + f"/honorees/{honoree.slug}/" not in locations


def sitemap_pages(client) -> list[str]:
    """The sitemap index's pages, each fetched: their XML."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and "<sitemapindex" in index.content.decode()
    pages = []
    for url in re.findall(r"<loc>([^<]+)</loc>", index.content.decode()):
        response = client.get(url.replace("http://testserver", "").replace("&amp;", "&"))
        assert response.status_code == 200, url
        pages.append(response.content.decode())
    return pages


def sitemap_locations(client) -> list[str]:
    return [loc for page in sitemap_pages(client) for loc in re.findall(r"<loc>([^<]+)</loc>", page)]


def test_sitemap_is_an_index_of_pages_with_language_alternates(client, monkeypatch):
    from halloffame.sitemaps import HonoreeSitemap

    monkeypatch.setattr(HonoreeSitemap, "limit", 4)  # two honorees, each in Thai and English, a page
    honorees = [make_honoree(name_en=f"Mrs. Number {n}") for n in range(5)]
    locations = sitemap_locations(client)
    assert len(locations) == len(set(locations))
    base = "http://testserver"
    for honoree in honorees:
        assert base + honoree.get_absolute_url() in locations and f"{base}/en{honoree.get_absolute_url()}" in locations
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-honorees.xml?p=3" in index and "/sitemap-honorees.xml?p=4" not in index
    page = client.get("/sitemap-honorees.xml?p=2").content.decode()
    slug = honorees[2].slug
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{base}/en/honorees/{slug}/"/>' in page
    assert f'<xhtml:link rel="alternate" hreflang="th" href="{base}/honorees/{slug}/"/>' in page
    assert f'<xhtml:link rel="alternate" hreflang="x-default" href="{base}/honorees/{slug}/"/>' in page
    meetings = client.get("/sitemap-meetings.xml").content.decode()
    assert 'hreflang="en"' in meetings
    for bad in ("?p=4", "?p=0", "?p=abc"):
        assert client.get("/sitemap-honorees.xml" + bad).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_txt_names_the_sitemap_by_absolute_url(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "User-agent: *" in lines


def test_sitemap_pages_print_what_djangos_template_prints(client):
    """Honoree and meeting sitemap pages write each <url> in Python (halloffame/sitemaps.py);
    Django's own sitemap.xml, given the same URLs, prints the same bytes."""
    from types import SimpleNamespace

    from django.template.loader import render_to_string

    from halloffame.sitemaps import HonoreeSitemap, MeetingSitemap

    make_honoree(name_en="Mrs. A & B")
    make_honoree()
    for section, sitemap in (("honorees", HonoreeSitemap), ("meetings", MeetingSitemap)):
        response = client.get(f"/sitemap-{section}.xml")
        urls = sitemap().get_urls(site=SimpleNamespace(domain="testserver"), protocol="http")
        assert urls and all("xml" in url for url in urls)
        plain = [{key: value for key, value in url.items() if key != "xml"} for url in urls]
        expected = render_to_string("sitemap.xml", {"urlset": plain})
        assert response.content.decode() == expected
