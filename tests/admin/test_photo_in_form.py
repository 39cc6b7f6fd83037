"""The photo on the honoree form: a thumbnail, a focal point the cards are cropped around, and a
photo chosen before a form error is kept."""

import io

import pytest
from django.db import transaction
from django.urls import reverse
from PIL import Image

from honorees.models import Honoree
from honorees.photos import paths, pending, renditions
from networks.models import Network
from tests.admin.conftest import honoree_form
from tests.factories import make_honoree
from tests.photos import files

pytestmark = pytest.mark.django_db


def portrait_with_face_at_top(size=(600, 1200)) -> Image.Image:
    """Grey, with a red "face" across the top sixth: a centred square crop loses it."""
    image = Image.new("RGB", size, (128, 128, 128))
    image.paste((220, 20, 20), (0, 0, size[0], size[1] // 6))
    return image


def card_image(settings, honoree) -> Image.Image:
    card = renditions.renditions(honoree.photo.name, "card", honoree.photo_width, honoree.photo_height)[0]
    return Image.open(settings.MEDIA_ROOT / card.jpeg).convert("RGB")


def is_red(pixel) -> bool:
    return pixel[0] > 180 and pixel[1] < 80


def test_cards_are_cropped_around_the_focal_point_and_redrawn_when_it_moves(
    settings, django_capture_on_commit_callbacks
):
    honoree = make_honoree()
    honoree.photo = files.upload(files.image_bytes(portrait_with_face_at_top(), "JPEG"))
    honoree.save()
    assert not is_red(card_image(settings, honoree).getpixel((200, 10)))  # centred: the face is cut off
    first_master, first_card = honoree.photo.name, honoree.share_card

    honoree = Honoree.objects.get(pk=honoree.pk)
    honoree.photo_focus_x, honoree.photo_focus_y = 50, 5
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            honoree.save()
    assert is_red(card_image(settings, honoree).getpixel((200, 10)))  # the face is kept
    # New names (browsers keep the old ones a year); the old files go after the commit.
    assert honoree.photo.name != first_master and paths.MASTER_RE.match(honoree.photo.name)
    assert honoree.share_card != first_card
    assert not (settings.MEDIA_ROOT / first_master).exists()
    profile = renditions.renditions(honoree.photo.name, "profile", honoree.photo_width, honoree.photo_height)[0]
    assert Image.open(settings.MEDIA_ROOT / profile.jpeg).size[1] > profile.width  # the profile stays whole


def test_saving_without_moving_the_focal_point_keeps_the_files(settings):
    honoree = make_honoree()
    honoree.photo = files.upload(files.image_bytes(portrait_with_face_at_top(), "JPEG"))
    honoree.save()
    name = honoree.photo.name
    again = Honoree.objects.get(pk=honoree.pk)
    again.citation = "อีกข้อความหนึ่ง"
    again.save()
    assert again.photo.name == name


def test_form_shows_the_whole_current_photo_and_its_card(secretariat_client, samui):
    honoree = make_honoree(district=samui, status="draft", meeting=None)
    honoree.photo = files.upload(files.image_bytes(portrait_with_face_at_top(), "JPEG"))
    honoree.save()
    page = secretariat_client.get(reverse("admin:honorees_honoree_change", args=[honoree.pk])).content.decode()
    whole = renditions.whole_photo_url(honoree)
    assert f'src="{whole}"' in page and "data-focus-image" in page
    assert f'src="{renditions.thumbnail_url(honoree)}"' in page
    assert 'name="photo_focus_x"' in page and 'name="photo_focus_y"' in page
    assert "js/photo-focus.js" in page
    assert secretariat_client.get(whole).status_code == 200  # staff may see the draft's photo


def test_focal_point_outside_0_to_100_is_refused(secretariat_client, samui):
    data = honoree_form(samui, Network.objects.first(), photo_focus_x="140", photo_focus_y="50")
    response = secretariat_client.post(reverse("admin:honorees_honoree_add"), data)
    assert response.status_code == 200
    assert "photo_focus_x" in response.context["adminform"].form.errors
    assert not Honoree.objects.exists()


def test_a_photo_chosen_before_a_form_error_is_kept(
    officer_client, samui, settings, django_capture_on_commit_callbacks
):
    add = reverse("admin:honorees_honoree_add")
    photo = files.upload(files.image_bytes(portrait_with_face_at_top(), "JPEG"))
    data = honoree_form(samui, Network.objects.first(), citation="", photo=photo, photo_focus_x="50", photo_focus_y="8")
    response = officer_client.post(add, data)
    assert response.status_code == 200 and not Honoree.objects.exists()  # the citation is missing
    form = response.context["adminform"].form
    token = form.pending_token
    assert token and f'name="photo_pending" value="{token}"' in response.content.decode()
    assert "รูปที่เลือกไว้ยังอยู่" in response.content.decode() and "data:image/jpeg;base64," in response.content.decode()
    kept = settings.MEDIA_ROOT / pending.PENDING_DIR / f"{token}.jpg"
    assert kept.exists()
    assert officer_client.get(f"/media/{pending.PENDING_DIR}/{token}.jpg").status_code == 404  # never served

    # Sent again without choosing the photo again: the honoree has it.
    data = honoree_form(samui, Network.objects.first(), photo_pending=token, photo_focus_x="50", photo_focus_y="8")
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(add, data)
    assert response.status_code == 302
    honoree = Honoree.objects.get()
    assert honoree.photo and paths.MASTER_RE.match(honoree.photo.name)
    assert (honoree.photo_width, honoree.photo_height) == (600, 1200)
    assert is_red(card_image(settings, honoree).getpixel((200, 10)))
    assert not kept.exists()


def test_another_session_cannot_use_a_kept_photo(officer_client, other_officer_client, samui, phangan):
    photo = files.upload(files.image_bytes(portrait_with_face_at_top(), "JPEG"))
    add = reverse("admin:honorees_honoree_add")
    response = officer_client.post(add, honoree_form(samui, Network.objects.first(), citation="", photo=photo))
    token = response.context["adminform"].form.pending_token
    response = other_officer_client.post(add, honoree_form(phangan, Network.objects.first(), photo_pending=token))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert not Honoree.objects.get().photo


def test_pending_preview_is_small(rf):
    image = Image.open(io.BytesIO(files.image_bytes(portrait_with_face_at_top(), "JPEG")))
    url = pending.preview_data_url(image)
    assert url.startswith("data:image/jpeg;base64,") and len(url) < 40_000
