"""Staff preview an unpublished profile as it will appear; nobody else sees it, and nothing caches it."""

import pytest
from django.test import Client
from django.urls import reverse

from halloffame import cache
from tests.factories import make_honoree

pytestmark = pytest.mark.django_db


def preview_url(honoree):
    return reverse("admin:honorees_honoree_preview", args=[honoree.pk])


def test_staff_see_an_unpublished_profile_marked_as_a_preview(officer_client, samui):
    honoree = make_honoree(district=samui, status="draft", meeting=None, citation="ปลูกป่าชายเลนกับเยาวชน")
    response = officer_client.get(preview_url(honoree))
    assert response.status_code == 200
    page = response.content.decode()
    assert "ตัวอย่าง — ยังไม่เผยแพร่" in page
    assert honoree.name in page and "ปลูกป่าชายเลนกับเยาวชน" in page and "ย่อหน้าที่สอง" in page
    assert "ยังไม่ได้บรรจุในการประชุม" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert response.templates[0].name == "honorees/honoree_detail.html"  # the public page's own template
    control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= control
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_preview_shows_only_what_consent_lets_the_public_see(secretariat_client):
    honoree = make_honoree(status="approved", meeting=None, consent_covers_story=False)
    page = secretariat_client.get(preview_url(honoree)).content.decode()
    assert "ย่อหน้าที่สอง" not in page  # the public page will not show the story either


def test_preview_is_a_404_for_the_public_and_for_another_districts_officer(client, other_officer_client, samui):
    honoree = make_honoree(district=samui, status="nominated", meeting=None)
    assert client.get(preview_url(honoree)).status_code == 404
    assert other_officer_client.get(preview_url(honoree)).status_code == 404
    assert client.get(honoree.get_absolute_url()).status_code == 404
    assert client.get(reverse("admin:honorees_honoree_preview", args=["x1"])).status_code == 404


def test_preview_of_a_published_honoree_is_not_cached(secretariat_client, settings):
    settings.PAGE_CACHE = True
    honoree = make_honoree()
    url = preview_url(honoree)
    for _ in range(2):
        response = secretariat_client.get(url)
        assert response.status_code == 200 and cache.CACHE_HEADER not in response
    # Even an anonymous request for it is refused, never served from or stored in the page cache.
    assert Client().get(url).status_code == 404


def test_change_page_links_to_the_preview(officer_client, samui):
    honoree = make_honoree(district=samui, status="draft", meeting=None)
    page = officer_client.get(reverse("admin:honorees_honoree_change", args=[honoree.pk])).content.decode()
    assert preview_url(honoree) in page
