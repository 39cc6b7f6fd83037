"""The share card (Thai shaped with raqm, from a font shipped with the project), the
<picture> markup and the placeholders."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.template import Context, Template
from django.test import RequestFactory
from PIL import Image, ImageChops, ImageDraw, ImageFont, features

from honorees.models import Honoree
from honorees.photos import share_card
from tests.factories import make_honoree
from tests.photos import files

pytestmark = pytest.mark.django_db
STATIC = Path(django_settings.BASE_DIR) / "static" / "img"


def with_photo(size=(1600, 1200), **fields):
    honoree = make_honoree(**fields)
    honoree.photo = files.upload(files.image_bytes(files.marked_landscape(size), "JPEG"))
    honoree.save()
    return honoree


def render(template, request=None, **context):
    if request is not None:
        context["request"] = request
    return Template("{% load honoree_images %}" + template).render(Context(context))


def test_thai_font_ships_with_its_licence_and_is_laid_out_with_raqm():
    assert features.check("raqm")
    font = share_card.thai_font(40)
    assert font.layout_engine == ImageFont.Layout.RAQM
    assert Path(font.path).parent == share_card.FONT_DIR
    assert "SIL Open Font License" in (share_card.FONT_DIR / "OFL.txt").read_text()


def test_raqm_shapes_thai_marks_differently_from_basic_layout():
    text = "ผู้ใหญ่ที่ปั้นน้ำ"  # stacked vowel and tone marks
    path = share_card.thai_font(60).path

    def draw(engine):
        image = Image.new("L", (600, 120), 0)
        ImageDraw.Draw(image).text((10, 10), text, font=ImageFont.truetype(path, 60, layout_engine=engine), fill=255)
        return image

    assert ImageChops.difference(draw(ImageFont.Layout.RAQM), draw(ImageFont.Layout.BASIC)).getbbox() is not None


def test_share_card_draws_the_name_in_its_text_area(settings):
    honoree = with_photo(name="นางสาวปราณี ทิพย์มณี")
    card = Image.open(settings.MEDIA_ROOT / honoree.share_card)
    assert card.format == "JPEG" and card.size == (1200, 630)
    blank = share_card.draw_share_card(name="", district="", photo=None)
    named = share_card.draw_share_card(name=honoree.name, district=honoree.district.name_th, photo=None)
    text_area = (600, 130, 1180, 480)
    assert ImageChops.difference(blank.crop(text_area), named.crop(text_area)).getbbox() is not None
    # white name pixels on the red background
    assert max(p[0] + p[1] + p[2] for p in named.crop(text_area).get_flattened_data()) > 700
    # the photo fills the left square of a card with a photo
    assert card.getpixel((60, 60))[0] > 180  # the red corner of the marked test photo


def test_honoree_without_photo_gets_the_designed_card_with_the_emblem(settings):
    honoree = make_honoree(kind=Honoree.Kind.ORGANIZATION, name="วัดท่าทอง")
    card = Image.open(settings.MEDIA_ROOT / honoree.share_card)
    assert card.size == (1200, 630)
    r, g, b = card.getpixel((280, 300))  # the star at the centre of the emblem
    assert r > 200 and g > 170 and b < 160


def test_long_thai_name_wraps_within_the_card():
    font, lines = share_card._fit_lines(
        "กลุ่มวิสาหกิจชุมชนผ้าทอบ้านคลองน้อยและเครือข่ายอนุรักษ์ป่าชายเลน", 530, 3, (68, 60, 54, 48, 42, 36)
    )
    assert 1 < len(lines) <= 3
    assert all(font.getlength(line) <= 530 for line in lines)
    for line in lines[1:]:
        assert line[0] not in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e48\u0e49\u0e4a\u0e4b\u0e32\u0e33"


def test_share_image_url_tag_gives_the_absolute_card_address():
    honoree = with_photo()
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1")
    url = render("{% honoree_share_image_url honoree %}", request=request, honoree=honoree)
    assert url == f"http://127.0.0.1/media/{honoree.share_card}"


def test_share_image_url_falls_back_to_the_site_card():
    honoree = make_honoree()
    Honoree.objects.filter(pk=honoree.pk).update(share_card="")
    honoree.refresh_from_db()
    request = RequestFactory().get("/", HTTP_HOST="127.0.0.1")
    assert render("{% honoree_share_image_url honoree %}", request=request, honoree=honoree).endswith(
        "/static/img/share-default.png"
    )
    assert Image.open(STATIC / "share-default.png").size == (1200, 630)


def test_card_picture_has_webp_source_jpeg_fallback_srcset_sizes_dimensions_and_lazy_loading():
    honoree = with_photo(photo_alt="ภาพคุณปราณีที่ตลาด")
    html = render('{% honoree_picture honoree "card" %}', honoree=honoree)
    assert html.startswith("<picture>") and html.endswith("</picture>")
    source = re.search(r'<source type="image/webp" srcset="([^"]+)" sizes="([^"]+)">', html)
    assert source and " 400w" in source[1] and " 800w" in source[1] and ".webp" in source[1]
    img = re.search(r"<img [^>]+>", html)[0]
    assert re.search(r'src="/media/honorees/renditions/[^"]+card-400-[0-9a-f]+\.jpg"', img)
    assert 'width="400" height="400"' in img
    assert 'loading="lazy"' in img and 'alt="ภาพคุณปราณีที่ตลาด"' in img
    assert ".jpg 800w" in img


def test_profile_picture_is_eager_when_asked_and_keeps_the_aspect_ratio():
    honoree = with_photo()
    html = render('{% honoree_picture honoree "profile" eager=True %}', honoree=honoree)
    assert 'loading="eager"' in html and 'fetchpriority="high"' in html
    assert 'width="800" height="600"' in html
    assert "480w" in html and "1200w" in html


@pytest.mark.parametrize("kind", [k.value for k in Honoree.Kind])
def test_honoree_without_photo_gets_the_placeholder_of_their_kind(kind):
    honoree = make_honoree(kind=kind)
    html = render('{% honoree_picture honoree "card" %}', honoree=honoree)
    assert f'src="/static/img/placeholder-{kind}.svg"' in html
    assert 'alt=""' in html and 'width="400" height="400"' in html
    svg = (STATIC / f"placeholder-{kind}.svg").read_text()
    assert svg.startswith("<svg") and "<script" not in svg


def test_photo_without_photo_consent_shows_the_placeholder_and_no_photo_address():
    honoree = with_photo(consent_covers_photo=False)
    html = render('{% honoree_picture honoree "profile" %}', honoree=honoree)
    assert "placeholder-person.svg" in html
    assert honoree.photo.name.split("/")[-1][:-4] not in html


def test_queryset_with_public_photo_agrees_with_public_photo():
    cases = [
        with_photo(),
        with_photo(consent_covers_photo=False),
        with_photo(kind=Honoree.Kind.GROUP, consent_covers_photo=False),
        with_photo(is_living=False, consent_covers_photo=False),
        make_honoree(),
    ]
    chosen = set(Honoree.objects.with_public_photo().values_list("pk", flat=True))
    assert chosen == {h.pk for h in cases if h.public_photo}


def test_photo_stored_before_the_pipeline_shows_the_master_not_missing_renditions():
    honoree = with_photo()
    Honoree.objects.filter(pk=honoree.pk).update(share_card="")
    honoree.refresh_from_db()
    html = render('{% honoree_picture honoree "card" %}', honoree=honoree)
    assert f'src="/media/{honoree.photo.name}"' in html and "renditions" not in html
