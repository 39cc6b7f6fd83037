"""Withdrawal takes effect on every public surface and every cache on the very next request."""

import pytest
from django.test import Client

from honorees import services
from tests.factories import make_honoree

LOCMEM = "django.core.cache.backends.locmem.LocMemCache"


@pytest.fixture
def caching(settings):
    caches = dict(settings.CACHES)
    caches["default"] = {"BACKEND": LOCMEM, "LOCATION": "withdrawal-default"}
    caches["pages"] = {"BACKEND": LOCMEM, "LOCATION": "withdrawal-pages"}
    settings.CACHES = caches


def surfaces(honoree):
    return {
        "profile": honoree.get_absolute_url(),
        "list": "/honorees/",
        "list-en": "/en/honorees/",
        "district": honoree.district.get_absolute_url(),
        "home": "/",
        "feed": "/feeds/honorees/",
        "sitemap": "/sitemap-honorees.xml",
        "api-honoree": f"/api/v1/honorees/{honoree.slug}/",
        "api-honorees": "/api/v1/honorees/",
        "api-csv": "/api/v1/honorees.csv",
        "api-meeting": f"/api/v1/meetings/{honoree.meeting.slug}/",
    }


GONE = {"profile", "api-honoree"}  # a 404 once withdrawn, the same as for a page that never existed


@pytest.mark.django_db
@pytest.mark.parametrize("withdraw", [services.honoree_withdraw, services.honoree_withdraw_consent])
def test_withdrawn_honoree_is_gone_from_every_surface_at_once(caching, admin_user, withdraw):
    honoree = make_honoree(name="นางถอนตัว ทันที", name_en="Mrs Withdrawn Atonce", slug="withdrawn-atonce")
    visitor = Client()
    for name, url in surfaces(honoree).items():
        for _ in range(2):  # the second request is the one a page cache would answer
            response = visitor.get(url)
            assert response.status_code == 200, name
        text = response.content.decode()
        assert honoree.slug in text or honoree.name in text or honoree.name_en in text, name

    withdraw(honoree=honoree, by=admin_user)

    for name, url in surfaces(honoree).items():
        response = visitor.get(url)
        if name in GONE:
            assert response.status_code == 404
            continue
        text = response.content.decode()
        assert honoree.slug not in text and honoree.name not in text and honoree.name_en not in text, name
