"""/media/ serves an honoree's files only while the public may see them (staff always)."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from honorees.models import Honoree
from honorees.photos import paths, renditions
from tests.factories import make_honoree
from tests.photos import files

pytestmark = pytest.mark.django_db


def with_photo(**fields):
    honoree = make_honoree(**fields)
    honoree.photo = files.upload(files.image_bytes(files.marked_landscape((900, 700)), "JPEG"))
    honoree.save()
    return honoree


def urls_of(honoree):
    card = renditions.renditions(honoree.photo.name, "card", honoree.photo_width, honoree.photo_height)[0]
    return {
        "master": paths.media_url(honoree.photo.name),
        "webp": paths.media_url(card.webp),
        "jpeg": paths.media_url(card.jpeg),
        "share": paths.media_url(honoree.share_card),
    }


def test_public_honoree_files_are_served_with_type_nosniff_and_long_cache(client):
    honoree = with_photo()
    urls = urls_of(honoree)
    for key, content_type in (("webp", "image/webp"), ("jpeg", "image/jpeg"), ("share", "image/jpeg")):
        response = client.get(urls[key])
        assert response.status_code == 200, key
        assert response["Content-Type"] == content_type
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "max-age=31536000" in response["Cache-Control"] and "immutable" in response["Cache-Control"]
        assert b"".join(response.streaming_content)[:4] in (b"RIFF", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb")
    master = client.get(urls["master"])
    assert master.status_code == 200
    assert "immutable" not in master["Cache-Control"]


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Honoree.Status.DRAFT},
        {"status": Honoree.Status.NOMINATED},
        {"status": Honoree.Status.WITHDRAWN},
        {"consent_covers_name": False},
    ],
)
def test_files_of_a_non_public_honoree_are_404(client, fields):
    honoree = with_photo(**fields)
    for url in urls_of(honoree).values():
        assert client.get(url).status_code == 404, url


def test_withdrawal_takes_effect_on_the_next_request(client):
    honoree = with_photo()
    urls = urls_of(honoree)
    assert client.get(urls["jpeg"]).status_code == 200
    Honoree.objects.filter(pk=honoree.pk).update(consent_withdrawn_at=timezone.now())
    for url in urls.values():
        assert client.get(url).status_code == 404


def test_photo_without_photo_consent_is_404_but_the_card_without_photo_is_served(client):
    honoree = with_photo(consent_covers_photo=False)
    urls = urls_of(honoree)
    assert client.get(urls["master"]).status_code == 404
    assert client.get(urls["webp"]).status_code == 404
    assert client.get(urls["share"]).status_code == 200


def test_staff_see_files_of_the_non_public_honorees_they_may_see_uncached(client):
    from halloffame.staff.services import staff_save

    honoree = with_photo(status=Honoree.Status.DRAFT)
    other_code = "8401" if honoree.district.code != "8401" else "8402"
    staff_save(
        username="own", role="district_officer", district_codes=[honoree.district.code], password="ruea-hang-yao-84"
    )
    staff_save(username="other", role="district_officer", district_codes=[other_code], password="ruea-hang-yao-84")
    get_user_model().objects.create_user("norole", password="x", is_staff=True)
    url = urls_of(honoree)["webp"]

    client.force_login(get_user_model().objects.get(username="own"))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    for username in ("other", "norole"):
        client.force_login(get_user_model().objects.get(username=username))
        assert client.get(url).status_code == 404, username


@pytest.mark.parametrize(
    "path",
    [
        "honorees/../../settings.py",
        "honorees/renditions/abc/../../../db.sqlite3",
        "honorees/nothere.jpg",
        "honorees/renditions/0123/card-400-abc.jpg",
        "ratelimit-cache/x",
        "honorees/share/zz.jpg",
        "honorees/x.svg",
    ],
)
def test_anything_else_under_media_is_404(client, path):
    with_photo()
    assert client.get(f"/media/{path}").status_code == 404


def test_public_file_costs_one_query(client, django_assert_num_queries):
    honoree = with_photo()
    url = urls_of(honoree)["webp"]
    with django_assert_num_queries(1):
        assert client.get(url).status_code == 200


def test_x_accel_redirect_hands_the_file_to_nginx(client, settings):
    settings.HONOREE_MEDIA_DELIVERY = "x-accel-redirect"
    honoree = with_photo()
    url = urls_of(honoree)["jpeg"]
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media" + url.removeprefix("/media")
    assert response.content == b""
    assert response["X-Content-Type-Options"] == "nosniff"


def test_post_is_not_allowed(client):
    honoree = with_photo()
    assert client.post(urls_of(honoree)["jpeg"]).status_code == 405


def test_s3_mode_redirects_an_allowed_request_to_a_short_lived_signed_url(client, settings, monkeypatch):
    from honorees import media_views

    honoree = with_photo()
    signed = []

    class SignedStorage:
        querystring_expire = 3600

        def url(self, name, expire=None):
            signed.append((name, expire))
            return f"https://bucket.s3.example/{name}?X-Amz-Signature=abc"

    settings.HONOREE_MEDIA_DELIVERY = "redirect"
    monkeypatch.setattr(media_views, "default_storage", SignedStorage())
    url = urls_of(honoree)["webp"]
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("https://bucket.s3.example/honorees/renditions/")
    assert signed == [(url.removeprefix("/media/"), media_views.SIGNED_URL_SECONDS)]
    assert response["Cache-Control"] == f"private, max-age={media_views.SIGNED_URL_SECONDS - 60}"
    Honoree.objects.filter(pk=honoree.pk).update(status=Honoree.Status.WITHDRAWN)
    assert client.get(url).status_code == 404
