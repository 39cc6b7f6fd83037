"""What every public page's markup promises: landmarks, one <h1>, alt text, no inline script or style."""

import re

import pytest

from tests.factories import make_honoree, uploaded_jpeg

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages():
    honoree = make_honoree(photo=uploaded_jpeg(), photo_alt="ภาพถ่ายหน้าบ้าน")
    organisation = make_honoree(kind="organization", consent_given_on=None)
    paths = [
        "/",
        "/honorees/",
        "/honorees/?q=ไม่พบ",
        "/honorees/?district=atlantis",
        honoree.get_absolute_url(),
        organisation.get_absolute_url(),
        "/districts/",
        honoree.district.get_absolute_url(),
        "/networks/",
        honoree.network.get_absolute_url(),
        "/meetings/",
        honoree.meeting.get_absolute_url(),
        "/no-such-page/",
    ]
    return paths + ["/en" + path for path in paths]


def test_every_page_has_landmarks_one_h1_and_alt_text(client, pages):
    for path in pages:
        body = client.get(path).content.decode()
        assert len(re.findall(r"<h1[\s>]", body)) == 1, path
        assert re.search(r'<header class="site-header"', body), path
        assert re.search(r'<nav class="site-nav" aria-label="[^"]+"', body), path
        assert '<main id="main"' in body and "<footer" in body, path
        assert 'class="skip-link" href="#main"' in body, path
        for img in re.findall(r"<img\b[^>]*>", body):
            assert re.search(r'\balt="', img), (path, img)


def test_no_inline_script_style_or_event_handler(client, pages):
    for path in pages:
        body = client.get(path).content.decode()
        assert not re.search(r"\sstyle=", body), path
        assert not re.search(r"\son[a-z]+=", body), path
        for attrs, content in re.findall(r"<script\b([^>]*)>(.*?)</script>", body, re.S):
            assert 'type="application/ld+json"' in attrs or (" src=" in attrs and not content.strip()), path


def test_focus_is_visible_and_text_is_not_too_small_in_the_stylesheet():
    from pathlib import Path

    from django.conf import settings

    css = (Path(settings.BASE_DIR) / "static" / "css" / "site.css").read_text()
    assert ":focus-visible" in css and "outline: 3px solid" in css
    # Text is never invisible while Sarabun loads: the fallback shows at once (optional, not block).
    assert "font-display: optional" in css and "font-display: block" not in css and "unicode-range" in css


def _luminance(hex_colour):
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a, b):
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "text, background",
    [
        ("#2b211b", "#fbf5ea"),  # ink on paper
        ("#5b4a3e", "#fbf5ea"),  # soft ink on paper
        ("#5b4a3e", "#f3e8d2"),  # soft ink on deep paper
        ("#7a1a1a", "#fbf5ea"),  # red links on paper
        ("#6e5200", "#f3e8d2"),  # gold ink on badges
        ("#fff8e8", "#7a1a1a"),  # header text
        ("#7a1a1a", "#f3d27a"),  # current menu item
        ("#ffffff", "#04773b"),  # LINE button
        ("#ffffff", "#0b5ccc"),  # Facebook button
        ("#f6ead2", "#3b1212"),  # footer
        ("#ffffff", "#bd5a2b"),  # map label on shade 3
        ("#2b211b", "#e2a04e"),  # map label on shade 2
    ],
)
def test_palette_meets_wcag_aa_contrast(text, background):
    assert _contrast(text, background) >= 4.5
