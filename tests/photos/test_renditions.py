"""Renditions are written when the photo is saved, replaced with it, and a page view only
computes their addresses: it never generates an image nor asks storage about one."""

import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.template import Context, Template
from django.urls import reverse
from PIL import Image

from honorees import demo
from honorees.models import Honoree
from honorees.photos import honoree_files, paths, renditions, validation
from tests.factories import make_honoree, make_meeting
from tests.photos import files

pytestmark = pytest.mark.django_db


def with_photo(size=(1600, 1200), **fields):
    honoree = make_honoree(**fields)
    honoree.photo = files.upload(files.image_bytes(files.marked_landscape(size), "JPEG"))
    honoree.save()
    return honoree


def rendition_files(settings, honoree):
    folder = settings.MEDIA_ROOT / paths.RENDITION_DIR / honoree.photo.name.split("/")[-1].removesuffix(".jpg")
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def render(template, **context):
    return Template("{% load honoree_images %}" + template).render(Context(context))


def test_saving_a_photo_writes_every_rendition_in_webp_and_jpeg(settings):
    honoree = with_photo()
    names = rendition_files(settings, honoree)
    # card 400 and 800; profile 480, 800 and 1200; each as WebP and JPEG
    assert len(names) == 10
    assert {n.rsplit(".", 1)[1] for n in names} == {"webp", "jpg"}
    for variant in ("card", "profile"):
        for rendition in renditions.renditions(honoree.photo.name, variant, 1600, 1200):
            for name, fmt in ((rendition.webp, "WEBP"), (rendition.jpeg, "JPEG")):
                stored = Image.open(settings.MEDIA_ROOT / name)
                assert stored.format == fmt
                assert stored.size == (rendition.width, rendition.height)
                assert not stored.info.get("exif")


def test_renditions_never_enlarge_a_small_photo(settings):
    honoree = with_photo(size=(500, 300))
    card = renditions.renditions(honoree.photo.name, "card", 500, 300)
    profile = renditions.renditions(honoree.photo.name, "profile", 500, 300)
    assert [(r.width, r.height) for r in card] == [(400, 400)]
    assert [(r.width, r.height) for r in profile] == [(480, 288), (500, 300)]
    assert len(rendition_files(settings, honoree)) == 6


def test_picture_markup_matches_the_files_that_exist(settings):
    honoree = with_photo()
    html = render('{% honoree_picture honoree "profile" %}', honoree=honoree)
    urls = re.findall(r"/media/(honorees/renditions/[^ \"]+)", html)
    assert urls
    for name in urls:
        assert (settings.MEDIA_ROOT / name).exists(), name
    width, height = map(int, re.search(r'width="(\d+)" height="(\d+)"', html).groups())
    fallback = re.search(r'<img src="/media/([^"]+)"', html)[1]
    assert Image.open(settings.MEDIA_ROOT / fallback).size == (width, height)


def test_replacing_the_photo_removes_the_old_master_renditions_and_share_card(
    settings, django_capture_on_commit_callbacks
):
    honoree = with_photo()
    old_master, old_share, old_renditions = honoree.photo.path, honoree.share_card, rendition_files(settings, honoree)
    old_folder = (settings.MEDIA_ROOT / paths.RENDITION_DIR / honoree.photo.name[9:-4]).as_posix()
    assert old_renditions
    with django_capture_on_commit_callbacks(execute=True):
        honoree.photo = files.upload(files.image_bytes(files.marked_landscape((900, 900)), "PNG"), name="new.png")
        honoree.save()
    assert honoree.photo.path != old_master
    assert not (settings.MEDIA_ROOT / old_share).exists()
    import os

    assert not os.path.exists(old_master)
    assert not os.listdir(old_folder)
    assert len(rendition_files(settings, honoree)) == 10  # 900 px: card 400/800, profile 480/800/900
    assert (settings.MEDIA_ROOT / honoree.share_card).exists()


def test_a_rolled_back_save_keeps_the_old_files(settings, django_capture_on_commit_callbacks):
    honoree = with_photo()
    old_master = honoree.photo.path
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        honoree.photo = files.upload(files.image_bytes(files.marked_landscape(), "JPEG"))
        honoree.save()
    assert callbacks  # the deletion waits for the commit, which never comes here
    import os

    assert os.path.exists(old_master)


def test_clearing_the_photo_removes_its_files_and_redraws_the_card(settings, django_capture_on_commit_callbacks):
    honoree = with_photo()
    master, share = honoree.photo.path, honoree.share_card
    with django_capture_on_commit_callbacks(execute=True):
        honoree.photo = None
        honoree.save()
    import os

    assert not os.path.exists(master)
    assert honoree.share_card != share and (settings.MEDIA_ROOT / honoree.share_card).exists()


def test_status_change_does_no_image_work(monkeypatch):
    honoree = with_photo()

    def refuse(*args, **kwargs):
        raise AssertionError("no image work on a status change")

    monkeypatch.setattr(honoree_files, "renditions_generate", refuse)
    monkeypatch.setattr(honoree_files, "share_card_generate", refuse)
    honoree.status = Honoree.Status.WITHDRAWN
    honoree.save(update_fields=["status"])
    honoree.name = "นายใหม่ ชื่อใหม่"
    honoree.save(update_fields=["story"])  # name not among the fields written: nothing to redraw


def test_renaming_redraws_the_share_card_even_with_update_fields(django_capture_on_commit_callbacks):
    honoree = with_photo()
    old = honoree.share_card
    with django_capture_on_commit_callbacks(execute=True):
        honoree.name = "นางสาวใหม่ ใจงาม"
        honoree.save(update_fields=["name"])
    honoree.refresh_from_db()
    assert honoree.share_card != old


def test_demo_loader_path_processes_the_portrait_and_pregenerates(settings):
    honoree = make_honoree()
    honoree.photo.save("portrait.jpg", ContentFile(demo.portrait_jpeg(7, "person")), save=False)
    honoree.save()
    assert len(rendition_files(settings, honoree)) == 8  # 800 px portrait
    assert (settings.MEDIA_ROOT / honoree.share_card).exists()


class StorageTouched(AssertionError):
    pass


@pytest.fixture
def storage_forbidden(monkeypatch):
    """Any storage read, write, existence check or listing, or any image decoding, fails the test."""

    def refuse(*args, **kwargs):
        raise StorageTouched("a page view touched storage or Pillow")

    for method in ("exists", "_open", "open", "_save", "save", "size", "listdir", "delete", "get_modified_time"):
        monkeypatch.setattr(FileSystemStorage, method, refuse)
    monkeypatch.setattr(Image, "open", refuse)
    monkeypatch.setattr(validation.Image, "open", refuse)


def test_public_pages_never_touch_storage_or_generate_images(client, storage_forbidden_later):
    meeting = make_meeting()
    honorees = [with_photo(size=(800, 800), meeting=meeting) for _ in range(3)]
    honorees.append(make_honoree(kind=Honoree.Kind.ORGANIZATION, meeting=meeting))
    storage_forbidden_later()
    for url in (reverse("home"), reverse("honorees:list"), honorees[0].get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"<picture>" in response.content
    detail = client.get(honorees[0].get_absolute_url()).content.decode()
    assert honorees[0].share_card in detail  # og:image, where the page template uses the tag


@pytest.fixture
def storage_forbidden_later(request):
    return lambda: request.getfixturevalue("storage_forbidden")
