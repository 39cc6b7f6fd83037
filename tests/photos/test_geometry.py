"""Slivers and specks are refused from the header, before any rendition is made; nothing is stored."""

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from honorees.photos import renditions, validation
from tests.factories import make_honoree
from tests.photos import files
from tests.photos.test_upload_validation import stored_files, submit

pytestmark = pytest.mark.django_db


def png(size) -> bytes:
    return files.image_bytes(Image.new("RGB", size, (90, 90, 90)), "PNG", optimize=True)


@pytest.mark.parametrize(
    ("size", "code"),
    [
        ((2400, 1), "too_small"),
        ((1, 2400), "too_small"),
        ((31, 31), "too_small"),
        ((2400, 500), "aspect"),
        ((100, 401), "aspect"),
    ],
)
def test_extreme_geometry_gets_a_thai_error_and_nothing_is_written(size, code, settings):
    honoree = make_honoree()
    before, card = stored_files(settings), honoree.share_card
    form = submit(honoree, files.upload(png(size), name="sliver.png", content_type="image/png"))
    width, height = size
    if code == "too_small":
        expected = str(validation.ERRORS["too_small"]) % {"width": width, "height": height, "min": validation.MIN_SIDE}
    else:
        expected = str(validation.ERRORS["aspect"]) % {"width": width, "height": height, "max": "4"}
    assert form.errors["photo"] == [expected]
    assert stored_files(settings) == before
    honoree.refresh_from_db()
    assert not honoree.photo and honoree.share_card == card


def test_an_86_byte_sliver_png_is_refused_from_its_header_alone():
    data = files.png_header_only(2400, 1)
    with pytest.raises(ValidationError) as refused:
        validation.open_photo(files.upload(data))
    assert refused.value.code == "too_small"


@pytest.mark.parametrize("size", [(32, 32), (400, 100), (100, 400)])
def test_shapes_at_the_limits_are_stored_with_bounded_renditions(size, settings):
    honoree = make_honoree()
    form = submit(honoree, files.upload(png(size), name="edge.png", content_type="image/png"))
    assert form.errors == {}
    honoree.refresh_from_db()
    assert (honoree.photo_width, honoree.photo_height) == size
    folder = settings.MEDIA_ROOT / "honorees" / "renditions" / honoree.photo.name.split("/")[-1].rsplit(".", 1)[0]
    for path in folder.iterdir():
        with Image.open(path) as rendition:
            assert max(rendition.size) <= max(
                renditions.Card.sizes[-1], renditions.Profile.sizes[-1] * renditions.PROFILE_MAX_ASPECT
            )
