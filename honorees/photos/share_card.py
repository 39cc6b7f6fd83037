"""The honoree's 1200×630 Open Graph card: the photo (or the hall's emblem), the name in Thai, the
district and the hall's name, drawn with Pillow and raqm in Sarabun (honorees/fonts/, SIL OFL).
Thai is written without spaces between words, so a long name is broken between letters, never
between a letter and its marks."""

import hashlib
import secrets
from functools import lru_cache
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont, ImageOps

from honorees.photos.fields import encode_jpeg
from honorees.photos.paths import SHARE_DIR, SHARE_NAME_RE
from honorees.photos.renditions import photo_focus

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
SHARE_SIZE = (1200, 630)
SHARE_TITLE = "หอเกียรติยศคนดี จังหวัดสุราษฎร์ธานี"
SHARE_MOTTO = "คนดีมีที่ยืน ความดีมีพื้นที่ในสังคม"
# Bump when the share card's design changes: every card is redrawn on its next save (or by
# `manage.py rebuild_honoree_images`) under a new name.
SHARE_DESIGN_VERSION = "2"
SHARE_QUALITY = 86

RED = (122, 26, 26)
RED_DEEP = (86, 16, 18)
GOLD = (201, 162, 39)
GOLD_SOFT = (243, 210, 122)
PAPER = (251, 245, 234)


@lru_cache(maxsize=32)
def thai_font(size: int, bold: bool = True) -> ImageFont.FreeTypeFont:
    """Sarabun (OFL, shipped in honorees/fonts) laid out with raqm, which shapes Thai marks."""
    path = FONT_DIR / ("Sarabun-Bold.ttf" if bold else "Sarabun-Regular.ttf")
    return ImageFont.truetype(str(path), size, layout_engine=ImageFont.Layout.RAQM)


# Thai marks that sit on the letter before them, and leading vowels that belong to the letter
# after them: a line never breaks next to them.
_THAI_FOLLOWERS = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a") | frozenset(
    chr(c) for c in range(0x0E45, 0x0E4F)
)
_THAI_LEADERS = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")


def _clusters(word: str) -> list[str]:
    clusters: list[str] = []
    for char in word:
        if clusters and (char in _THAI_FOLLOWERS or clusters[-1][-1] in _THAI_LEADERS):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _wrap(text: str, font: ImageFont.FreeTypeFont, max_width: int, *, break_words: bool = True) -> list[str]:
    """Greedy wrapping at spaces; a word wider than the line (Thai writes words without spaces)
    is broken between letters, never between a letter and its marks."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and font.getlength(candidate) <= max_width:
            lines[-1] = candidate
            continue
        piece = ""
        for cluster in _clusters(word) if break_words and font.getlength(word) > max_width else [word]:
            if piece and font.getlength(piece + cluster) > max_width:
                lines.append(piece)
                piece = ""
            piece += cluster
        lines.append(piece)
    return lines


def _fit_lines(text, max_width, max_lines, sizes):
    """The largest font size at which the text wraps into max_lines lines that each fit, breaking
    inside a word only when no size avoids it."""
    for break_words in (False, True):
        # Broken words read badly in huge letters: when breaking, start from a middle size.
        for size in sizes[len(sizes) // 2 :] if break_words else sizes:
            font = thai_font(size)
            lines = _wrap(text, font, max_width, break_words=break_words)
            if len(lines) <= max_lines and all(font.getlength(line) <= max_width for line in lines):
                return font, lines
    font = thai_font(sizes[-1])
    lines = _wrap(text, font, max_width)[:max_lines]
    while lines and font.getlength(lines[-1] + "…") > max_width and len(lines[-1]) > 1:
        lines[-1] = lines[-1][:-1]
    if lines:
        lines[-1] = lines[-1] + "…"
    return font, lines


@lru_cache(maxsize=2)
def _share_background(with_photo: bool) -> Image.Image:
    width, height = SHARE_SIZE
    image = Image.new("RGB", SHARE_SIZE, RED)
    draw = ImageDraw.Draw(image)
    for y in range(height):  # a deep red gradient, darker towards the bottom
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(RED, RED_DEEP, strict=True)))
    draw.rectangle([0, height - 14, width, height], fill=GOLD)
    if not with_photo:
        # Gold rings around a star, the hall's emblem, on the left.
        cx, cy = 280, 300
        for radius, colour, w in ((210, GOLD, 10), (186, GOLD_SOFT, 3)):
            draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=colour, width=w)
        points = [(0, -120), (35, -38), (120, -38), (52, 15), (78, 100), (0, 50), (-78, 100), (-52, 15), (-120, -38)]
        draw.polygon([(cx + x, cy + y) for x, y in [*points, (-35, -38)]], fill=GOLD_SOFT)
    return image


def draw_share_card(*, name: str, district: str, photo: Image.Image | None, focus=(50, 50)) -> Image.Image:
    """The 1200×630 Open Graph card: photo (or the emblem), Thai name, district and the hall's name."""
    width, height = SHARE_SIZE
    card = _share_background(photo is not None).copy()
    draw = ImageDraw.Draw(card)
    left = 630 if photo is not None else 540
    if photo is not None:
        centering = (focus[0] / 100, focus[1] / 100)  # the square keeps the focal point, as the cards do
        square = ImageOps.fit(photo.convert("RGB"), (570, 570), Image.Resampling.LANCZOS, centering=centering)
        draw.rectangle([24, 24, 606, 606], fill=GOLD)
        card.paste(square, (30, 30))
    text_left, text_width = left + 30, width - left - 70
    draw.text((text_left, 56), SHARE_TITLE, font=thai_font(30), fill=GOLD_SOFT, anchor="la")
    draw.line([(text_left, 112), (text_left + 120, 112)], fill=GOLD, width=4)
    font, lines = _fit_lines(name, text_width, 3, (68, 60, 54, 48, 42, 36))
    district_font, district_lines = _fit_lines(f"อำเภอ{district}", text_width, 1, (40, 34, 30))
    line_height = round(font.size * 1.45)
    block = line_height * len(lines) + 16 + round(district_font.size * 1.45)
    y = 130 + max(0, (360 - block) // 2)  # the name and district, centred between the rule and the motto
    for line in lines:
        draw.text((text_left, y), line, font=font, fill=(255, 255, 255), anchor="la")
        y += line_height
    draw.text((text_left, y + 16), district_lines[0], font=district_font, fill=GOLD_SOFT, anchor="la")
    draw.text((text_left, 530), SHARE_MOTTO, font=thai_font(26, bold=False), fill=PAPER, anchor="la")
    return card


def share_card_digest(honoree) -> str:
    photo = honoree.public_photo
    parts = [SHARE_DESIGN_VERSION, honoree.name, str(honoree.district_id), photo.name if photo else ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def share_card_is_current(honoree) -> bool:
    match = SHARE_NAME_RE.match(honoree.share_card or "")
    return bool(match) and match["digest"] == share_card_digest(honoree)


def share_card_generate(*, honoree, master: Image.Image | None, storage=default_storage) -> str:
    """Draw and store the honoree's share card (with the master where the public may see the
    photo); returns its stored name."""
    photo = master if honoree.public_photo else None
    card = draw_share_card(
        name=honoree.name, district=honoree.district.name_th, photo=photo, focus=photo_focus(honoree)
    )
    name = f"{SHARE_DIR}/{share_card_digest(honoree)}-{secrets.token_hex(4)}.jpg"
    return storage.save(name, ContentFile(encode_jpeg(card, SHARE_QUALITY)))
