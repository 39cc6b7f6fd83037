"""The stored master: upright, no metadata, sRGB, capped, JPEG, under a random name."""

import re

import pytest
from PIL import Image, ImageCms

from honorees.photos import fields
from tests.factories import make_honoree
from tests.photos import files

pytestmark = pytest.mark.django_db


def stored_master(data, name="นายสมชาย ใจดี.jpg", **fields):
    honoree = make_honoree(name_en="Mr. Somchai Jaidee", **fields)
    honoree.photo = files.upload(data, name=name)
    honoree.save()
    honoree.refresh_from_db()
    return honoree, Image.open(honoree.photo.path)


def test_sideways_phone_photo_is_stored_upright_without_any_metadata():
    honoree, master = stored_master(files.phone_jpeg())
    assert master.format == "JPEG"
    # 600×400 pixels with orientation 6 are a 400×600 portrait once turned; the red corner
    # (top-left of the raw pixels) is then top-right.
    assert master.size == (400, 600)
    assert master.getpixel((390, 10))[0] > 180 and master.getpixel((10, 10))[0] < 160
    assert len(master.getexif()) == 0
    assert not master.getexif().get_ifd(files.GPS_IFD)
    for key in ("exif", "xmp", "comment", "icc_profile", "XML:com.adobe.xmp"):
        assert key not in master.info
    raw = open(honoree.photo.path, "rb").read()
    for secret in (b"PhoneMaker", b"Pocket 12", b"Somchai", b"Exif\x00\x00", b"xmpmeta"):
        assert secret not in raw
    assert (honoree.photo_width, honoree.photo_height) == (400, 600)


def test_stored_name_is_random_and_carries_no_personal_name():
    honoree, _ = stored_master(files.phone_jpeg(), name="somchai-jaidee-home.jpg")
    assert re.fullmatch(r"honorees/[0-9a-f]{24}\.jpg", honoree.photo.name)
    assert "somchai" not in honoree.photo.name.lower()
    other, _ = stored_master(files.phone_jpeg(), name="somchai-jaidee-home.jpg")
    assert other.photo.name != honoree.photo.name


def test_transparent_png_becomes_a_jpeg_on_white_without_its_text_chunks():
    honoree, master = stored_master(files.transparent_png_with_text(), name="logo.png")
    assert master.format == "JPEG" and master.mode == "RGB"
    assert master.getpixel((250, 100)) == pytest.approx((255, 255, 255), abs=3)
    assert master.getpixel((50, 100)) == pytest.approx((10, 60, 200), abs=12)
    raw = open(honoree.photo.path, "rb").read()
    assert b"Somchai" not in raw and b"99.33E" not in raw


def test_cmyk_jpeg_is_converted_to_rgb():
    data = files.image_bytes(Image.new("CMYK", (300, 300), (0, 255, 255, 0)), "JPEG")
    _, master = stored_master(data)
    assert master.mode == "RGB"
    red, green, blue = master.getpixel((150, 150))
    assert red > 200 and green < 60 and blue < 60


def test_embedded_colour_profile_is_converted_to_srgb_and_dropped(monkeypatch):
    converted = []
    real = ImageCms.profileToProfile

    def spy(image, source, target, **kwargs):
        converted.append(ImageCms.getProfileDescription(source))
        return real(image, source, target, **kwargs)

    monkeypatch.setattr(fields.ImageCms, "profileToProfile", spy)
    honoree, master = stored_master(files.phone_jpeg())
    assert converted and "sRGB" in converted[0]
    assert "icc_profile" not in master.info


def test_large_photo_is_capped_at_2400_pixels_on_its_longest_side():
    data = files.image_bytes(files.marked_landscape((4000, 3000)), "JPEG", quality=70)
    honoree, master = stored_master(data)
    assert master.size == (2400, 1800)
    assert (honoree.photo_width, honoree.photo_height) == (2400, 1800)


def test_small_photo_is_not_enlarged():
    _, master = stored_master(files.image_bytes(files.marked_landscape((64, 48)), "PNG"))
    assert master.size == (64, 48)


def test_webp_upload_is_stored_as_a_jpeg_master():
    _, master = stored_master(files.image_bytes(files.marked_landscape(), "WEBP"), name="x.webp")
    assert master.format == "JPEG" and master.size == (600, 400)
