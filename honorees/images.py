"""Honoree photos, from upload to every file a page links to.

- `validate_photo` / `open_photo`: only JPEG, PNG and WebP by content, ≤ 10 MB, ≤ 40 megapixels,
  fully decodable. Used by the model field, its form field and the master step.
- `PhotoField`: the model field. Saving a file through it (admin upload, `photo.save()`, the demo
  loader) stores the *master*: upright, sRGB, no metadata, at most 2400 px, JPEG, random name.
- Renditions: imagekit specs (square cards, responsive profile widths, WebP and JPEG) and a
  1200×630 share card with the name in Thai. `honoree_images_update()` (called from
  `Honoree.save()`) writes them when the photo or the card's text changes and removes the old
  files after the transaction commits, so a page view only computes names and never touches
  storage or Pillow.
"""

import hashlib
import io
import re
import secrets
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models.fields.files import ImageFieldFile, ImageFileDescriptor
from django.utils.translation import gettext_lazy as _
from imagekit import ImageSpec, register
from PIL import Image, ImageCms, ImageDraw, ImageFont, ImageOps
from pilkit.processors import ProcessorPipeline, ResizeToFill, ResizeToFit
from pilkit.utils import img_to_fobj

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MASTER_MAX_SIDE = 2400
MASTER_QUALITY = 88
# Pillow names a phone's multi-picture JPEG "MPO"; it is a JPEG all the same.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
PILLOW_PLUGINS = ["JPEG", "PNG", "WEBP"]

# Pillow warns above this many pixels and refuses at twice it; validation turns the warning
# into an error too, so no image beyond the limit is ever decoded.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

MEDIA_PREFIX = "honorees/"
RENDITION_DIR = "honorees/renditions"
SHARE_DIR = "honorees/share"
FONT_DIR = Path(__file__).resolve().parent / "fonts"
SHARE_SIZE = (1200, 630)
SHARE_TITLE = "หอเกียรติยศคนดี จังหวัดสุราษฎร์ธานี"
SHARE_MOTTO = "คนดีมีที่ยืน ความดีมีพื้นที่ในสังคม"
# Bump when the share card's design changes: every card is redrawn on its next save (or by
# `manage.py rebuild_honoree_images`) under a new name.
SHARE_DESIGN_VERSION = "2"
# The fields whose change may change the master, a rendition or the share card.
IMAGE_INPUT_FIELDS = frozenset(
    {"photo", "name", "district", "district_id", "kind", "is_living", "consent_covers_photo"}
)

ERRORS = {
    "empty": _("ไฟล์รูปภาพว่างเปล่า โปรดเลือกไฟล์รูปภาพอีกครั้ง"),
    "too_large": _("ไฟล์รูปภาพมีขนาด %(size)s MB เกินกำหนด 10 MB โปรดย่อขนาดไฟล์ก่อนอัปโหลด"),
    "too_many_pixels": _("รูปภาพมีความละเอียดเกิน 40 ล้านพิกเซล โปรดย่อขนาดรูปก่อนอัปโหลด"),
    "not_image": _("ไฟล์นี้ไม่ใช่รูปภาพ JPEG, PNG หรือ WebP (ระบบตรวจจากเนื้อหาของไฟล์ ไม่ใช่จากชื่อไฟล์) โปรดเลือกไฟล์รูปภาพ"),
    "format": _("รองรับเฉพาะรูปภาพ JPEG, PNG หรือ WebP แต่ไฟล์นี้เป็น %(format)s"),
    "broken": _("ไฟล์รูปภาพไม่สมบูรณ์หรือเสียหาย โปรดบันทึกหรือส่งออกรูปใหม่แล้วอัปโหลดอีกครั้ง"),
}


# --- validation ---------------------------------------------------------------------------


def _size_of(file) -> int:
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        file.seek(0, io.SEEK_END)
        size = file.tell()
        file.seek(position)
    return size


def open_photo(file) -> Image.Image:
    """The uploaded file as a fully decoded Pillow image, or a ValidationError in Thai.

    Checks the size in bytes first, then the format and the pixel count from the header, and
    only then decodes, so a decompression bomb is refused before it takes any memory.
    """
    size = _size_of(file)
    if not size:
        raise ValidationError(ERRORS["empty"], code="empty")
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError(ERRORS["too_large"], code="too_large", params={"size": f"{size / 1024 / 1024:.1f}"})
    # Pillow closes the file it read when the image is closed: give it a copy (≤ 10 MB) of its own.
    file.seek(0)
    data = io.BytesIO(file.read())
    file.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(data, formats=PILLOW_PLUGINS) as probe:
                _check_header(probe)
                probe.verify()
            data.seek(0)
            image = Image.open(data, formats=PILLOW_PLUGINS)
            _check_header(image)
            image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(ERRORS["too_many_pixels"], code="too_many_pixels") from error
        except Image.UnidentifiedImageError as error:
            raise ValidationError(ERRORS["not_image"], code="not_image") from error
        except Exception as error:  # Pillow's decoders raise OSError, SyntaxError, ValueError, struct.error...
            raise ValidationError(ERRORS["broken"], code="broken") from error
    return image


def _check_header(image: Image.Image) -> None:
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(ERRORS["format"], code="format", params={"format": image.format or "?"})
    width, height = image.size
    if width < 1 or height < 1 or width * height > MAX_PIXELS:
        raise ValidationError(ERRORS["too_many_pixels"], code="too_many_pixels")


def validate_photo(value) -> None:
    """Validator for the photo field: a new upload must be a JPEG, PNG or WebP within the limits.

    A file already stored (the master) passed this check when it was uploaded.
    """
    if not value:
        return
    if getattr(value, "_committed", False):
        return
    file = getattr(value, "file", value)
    open_photo(file).close()


# --- the master ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _srgb_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """RGB in sRGB: transparency flattened on white, an embedded ICC profile converted."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda v: v / 256).convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (image.mode == "P" and "transparency" in image.info)
    if has_alpha:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, rgba).convert("RGB")
    if icc:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode not in ("RGB", "CMYK", "L"):
                image = image.convert("RGB")
            return ImageCms.profileToProfile(
                image, source, _srgb_profile(), renderingIntent=ImageCms.Intent.PERCEPTUAL, outputMode="RGB"
            )
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken or mismatched profile: fall back to Pillow's plain conversion
    return image.convert("RGB")


def make_master(image: Image.Image) -> Image.Image:
    """Upright, sRGB, at most MASTER_MAX_SIDE, and a fresh image: no EXIF, GPS, XMP, ICC or comments."""
    icc = image.info.get("icc_profile")
    try:
        image = ImageOps.exif_transpose(image)
    except Exception:  # unreadable EXIF: keep the pixels as they are
        pass
    image = _to_srgb(image, icc)
    if max(image.size) > MASTER_MAX_SIDE:
        image.thumbnail((MASTER_MAX_SIDE, MASTER_MAX_SIDE), Image.Resampling.LANCZOS)
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    return clean


def encode_jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=True)
    return buffer.getvalue()


def media_url(name: str) -> str:
    """The address of a stored honoree file: always through the media view, which checks who may see it."""
    return f"{settings.MEDIA_URL}{name}"


class PhotoFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        """Store the master instead of the uploaded bytes (validated again: nothing unchecked is stored)."""
        master = make_master(open_photo(content))
        # Named, so that Django reads the width and height from these bytes rather than storage.
        super().save(name, ContentFile(encode_jpeg(master, MASTER_QUALITY), name=name), save=False)
        # Kept for the renditions made when the honoree is saved, so the master is not read back.
        self.instance._photo_master = (self.name, master)
        if save:
            self.instance.save()

    save.alters_data = True

    @property
    def url(self):
        self._require_file()
        return media_url(self.name)


class PhotoDescriptor(ImageFileDescriptor):
    def __set__(self, instance, value):
        if self.field.attname not in instance.__dict__:
            # The first value is the stored one (from the database or the constructor): kept to
            # know, on save, which master and renditions a new photo replaces.
            instance._photo_stored_name = value if isinstance(value, str) else ""
        super().__set__(instance, value)


class PhotoFormField(forms.ImageField):
    default_error_messages = {"empty": ERRORS["empty"], "invalid_image": ERRORS["not_image"]}

    def to_python(self, data):
        file = forms.FileField.to_python(self, data)
        if file is None:
            return None
        open_photo(file).close()
        return file

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.FileInput) and "accept" not in widget.attrs:
            attrs["accept"] = "image/jpeg,image/png,image/webp"
        return attrs


class PhotoField(models.ImageField):
    """An ImageField whose stored file is the processed master (see PhotoFieldFile.save)."""

    attr_class = PhotoFieldFile
    descriptor_class = PhotoDescriptor
    default_validators = [validate_photo]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})


# --- renditions (imagekit specs) -------------------------------------------------------------

FORMAT_OPTIONS = {
    "WEBP": {"quality": 80, "method": 2},
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
}
EXTENSIONS = {"WEBP": "webp", "JPEG": "jpg"}
CARD_SIZES = (400, 800)
PROFILE_WIDTHS = (480, 800, 1200)
PROFILE_MAX_ASPECT = 1.5  # a profile rendition is at most 1.5 times as tall as it is wide


class CardSpec(ImageSpec):
    """A square crop for honoree cards."""

    variant = "card"

    def __init__(self, source, size=400, format="JPEG"):
        self.size = size
        self.format = format
        self.options = FORMAT_OPTIONS[format]
        self.processors = [ResizeToFill(size, size)]
        super().__init__(source=source)

    @staticmethod
    def dimensions(size, width, height):
        return size, size


class ProfileSpec(ImageSpec):
    """The whole photo, no wider than `size` and no taller than 1.5 × `size`, never enlarged."""

    variant = "profile"

    def __init__(self, source, size=800, format="JPEG"):
        self.size = size
        self.format = format
        self.options = FORMAT_OPTIONS[format]
        self.processors = [ResizeToFit(size, round(size * PROFILE_MAX_ASPECT), upscale=False)]
        super().__init__(source=source)

    @staticmethod
    def dimensions(size, width, height):
        """What ResizeToFit(size, 1.5 × size, upscale=False) makes of a width × height master."""
        ratio = min(size / width, round(size * PROFILE_MAX_ASPECT) / height)
        if ratio >= 1:
            return width, height
        return round(width * ratio), round(height * ratio)


register.generator("honorees:card", CardSpec)
register.generator("honorees:profile", ProfileSpec)
SPECS = {"card": CardSpec, "profile": ProfileSpec}


def rendition_namer(generator) -> str:
    """honorees/renditions/<master stem>/<variant>-<size>-<spec hash>.<ext>.

    Deterministic: the page computes it from the master's name without asking storage. The
    master's stem maps a rendition back to its honoree (media view); the hash changes whenever
    the spec (size, format, quality) does, so the name is immutable.
    """
    master = PurePosixPath(generator.source.name)
    digest = generator.get_hash()[:10]
    name = f"{generator.variant}-{generator.size}-{digest}.{EXTENSIONS[generator.format]}"
    return f"{rendition_folder(master.as_posix())}/{name}"


def rendition_folder(master_name: str) -> str:
    """honorees/renditions/<stem> beside its master's folder (programme photos: programme/renditions/<stem>)."""
    master = PurePosixPath(master_name)
    return f"{master.parent}/renditions/{master.stem}"


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    webp: str  # stored names
    jpeg: str


def sizes_for(variant: str, width: int, height: int) -> list[int]:
    """The spec sizes worth making for a master of width × height: no two alike, none enlarged
    beyond the first."""
    if variant == "card":
        return [size for i, size in enumerate(CARD_SIZES) if i == 0 or size <= min(width, height)]
    chosen, seen = [], set()
    for size in PROFILE_WIDTHS:
        dims = ProfileSpec.dimensions(size, width, height)
        if dims not in seen:
            seen.add(dims)
            chosen.append(size)
    return chosen


@lru_cache(maxsize=4096)
def _rendition_names(master_name: str, variant: str, size: int) -> tuple[str, str]:
    source = _NameOnly(master_name)
    spec = SPECS[variant]
    return tuple(rendition_namer(spec(source, size=size, format=fmt)) for fmt in ("WEBP", "JPEG"))


def renditions(master_name: str, variant: str, width: int, height: int) -> list[Rendition]:
    """The renditions of a master, smallest first: names and sizes only, no storage access."""
    spec = SPECS[variant]
    result = []
    for size in sizes_for(variant, width, height):
        webp, jpeg = _rendition_names(master_name, variant, size)
        result.append(Rendition(*spec.dimensions(size, width, height), webp=webp, jpeg=jpeg))
    return result


class _NameOnly:
    """A stand-in source that has a name: enough for a spec to compute its file name."""

    def __init__(self, name):
        self.name = name

    def __bool__(self):
        return True


def renditions_generate(*, master_name: str, master: Image.Image, storage=default_storage) -> list[str]:
    """Write every rendition of the master (replacing any file of the same name).

    Each size is resized once and encoded as WebP and JPEG from the same pixels.
    """
    written = []
    width, height = master.size
    for variant, spec_class in SPECS.items():
        for size in sizes_for(variant, width, height):
            specs = [spec_class(_NameOnly(master_name), size=size, format=fmt) for fmt in ("WEBP", "JPEG")]
            resized = ProcessorPipeline(specs[0].processors).process(master)
            for spec in specs:
                name = rendition_namer(spec)
                content = img_to_fobj(resized, spec.format, autoconvert=spec.autoconvert, **spec.options)
                if storage.exists(name):
                    storage.delete(name)
                written.append(storage.save(name, ContentFile(content.read())))
    return written


def renditions_delete(*, master_name: str, storage=default_storage) -> None:
    """Remove a master and every rendition made from it."""
    folder = rendition_folder(master_name)
    try:
        _, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        files = []
    for file in files:
        storage.delete(f"{folder}/{file}")
    storage.delete(master_name)


# --- share card -------------------------------------------------------------------------------

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


def draw_share_card(*, name: str, district: str, photo: Image.Image | None) -> Image.Image:
    """The 1200×630 Open Graph card: photo (or the emblem), Thai name, district and the hall's name."""
    width, height = SHARE_SIZE
    card = _share_background(photo is not None).copy()
    draw = ImageDraw.Draw(card)
    left = 630 if photo is not None else 540
    if photo is not None:
        square = ImageOps.fit(photo.convert("RGB"), (570, 570), Image.Resampling.LANCZOS)
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


def draw_default_share_card() -> Image.Image:
    """The site's own card (static/img/share-default.png) for pages that are not one honoree's."""
    card = _share_background(False).copy()
    draw = ImageDraw.Draw(card)
    draw.text((570, 150), "หอเกียรติยศคนดี", font=thai_font(84), fill=(255, 255, 255), anchor="la")
    draw.text((570, 280), "จังหวัดสุราษฎร์ธานี", font=thai_font(52), fill=GOLD_SOFT, anchor="la")
    draw.line([(570, 380), (690, 380)], fill=GOLD, width=4)
    draw.text((570, 420), SHARE_MOTTO, font=thai_font(32, bold=False), fill=PAPER, anchor="la")
    return card


def share_card_digest(honoree) -> str:
    photo = honoree.public_photo
    parts = [SHARE_DESIGN_VERSION, honoree.name, str(honoree.district_id), photo.name if photo else ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


SHARE_NAME_RE = re.compile(rf"^{SHARE_DIR}/(?P<digest>[0-9a-f]{{16}})-[0-9a-f]+\.jpg$")


def share_card_is_current(honoree) -> bool:
    match = SHARE_NAME_RE.match(honoree.share_card or "")
    return bool(match) and match["digest"] == share_card_digest(honoree)


def _master_image(honoree) -> Image.Image | None:
    photo = honoree.photo
    if not photo:
        return None
    cached = getattr(honoree, "_photo_master", None)
    if cached and cached[0] == photo.name:
        return cached[1]
    with photo.storage.open(photo.name, "rb") as file:
        image = Image.open(file)
        image.load()
    honoree._photo_master = (photo.name, image)
    return image


def share_card_generate(*, honoree, storage=default_storage) -> str:
    """Draw and store the honoree's share card; returns its stored name."""
    photo = _master_image(honoree) if honoree.public_photo else None
    card = draw_share_card(name=honoree.name, district=honoree.district.name_th, photo=photo)
    name = f"{SHARE_DIR}/{share_card_digest(honoree)}-{secrets.token_hex(4)}.jpg"
    return storage.save(name, ContentFile(encode_jpeg(card, 86)))


def _delete_later(names: list[str], masters: list[str], storage) -> None:
    def delete():
        for master in masters:
            renditions_delete(master_name=master, storage=storage)
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete, robust=True)


def honoree_images_update(honoree, *, update_fields=None, force=False):
    """Bring the honoree's files in line with its photo and name before the row is saved.

    Called from Honoree.save(). Commits a new upload as the master, writes its renditions,
    redraws the share card when its text or photo changed, and removes what they replace once
    the transaction commits. Returns update_fields with the image fields it changed added.
    """
    if update_fields is not None and not force and not (set(update_fields) & IMAGE_INPUT_FIELDS):
        return update_fields
    storage = honoree.photo.storage
    photo = honoree.photo
    if photo and not photo._committed:
        photo.save(photo.name, photo.file, save=False)
    current = photo.name or ""
    previous = getattr(honoree, "_photo_stored_name", "")
    changed = set()
    # No share card yet: the row was stored before this pipeline and has no renditions either.
    if current and (current != previous or force or not honoree.share_card):
        renditions_generate(master_name=current, master=_master_image(honoree), storage=storage)
    stale_masters = [previous] if previous and previous != current else []
    if current != previous:
        changed |= {"photo", "photo_width", "photo_height"}
    stale_files = []
    if force or not share_card_is_current(honoree):
        if honoree.share_card:
            stale_files.append(honoree.share_card)
        honoree.share_card = share_card_generate(honoree=honoree, storage=storage)
        changed.add("share_card")
    if stale_masters or stale_files:
        _delete_later(stale_files, stale_masters, storage)
    honoree._photo_stored_name = current
    if update_fields is None:
        return None
    return list(dict.fromkeys([*update_fields, *changed]))


def honoree_images_rebuild(*, honoree, reprocess: bool = False) -> list[str]:
    """Redo every file of one honoree: after a change of spec or card design, or, with
    reprocess, for a photo stored before this pipeline (it is made into a master first).
    Returns the fields that changed."""
    photo = honoree.photo
    if photo and (reprocess or not MASTER_RE.match(photo.name)):
        with photo.storage.open(photo.name, "rb") as file:
            original = ContentFile(file.read(), name=photo.name)
        photo.save("photo.jpg", original, save=False)
    changed = honoree_images_update(honoree, update_fields=[], force=True)
    if honoree.photo:
        keep = {PurePosixPath(n).name for n in _expected_renditions(honoree.photo.name, honoree)}
        folder = f"{RENDITION_DIR}/{PurePosixPath(honoree.photo.name).stem}"
        for file in photo.storage.listdir(folder)[1]:
            if file not in keep:
                photo.storage.delete(f"{folder}/{file}")
    return changed


def _expected_renditions(master_name, honoree):
    for variant in SPECS:
        for rendition in renditions(master_name, variant, honoree.photo_width, honoree.photo_height):
            yield rendition.webp
            yield rendition.jpeg


def unused_files(*, masters: set[str], shares: set[str], storage=default_storage) -> list[str]:
    """Stored honoree files that no honoree refers to (left by deleted honorees)."""
    unused = []
    folders, files = storage.listdir(MEDIA_PREFIX.rstrip("/"))
    unused += [f"{MEDIA_PREFIX}{f}" for f in files if f"{MEDIA_PREFIX}{f}" not in masters]
    stems = {PurePosixPath(m).stem for m in masters}
    if "renditions" in folders:
        for stem in storage.listdir(RENDITION_DIR)[0]:
            if stem not in stems:
                unused += [f"{RENDITION_DIR}/{stem}/{f}" for f in storage.listdir(f"{RENDITION_DIR}/{stem}")[1]]
    if "share" in folders:
        unused += [f"{SHARE_DIR}/{f}" for f in storage.listdir(SHARE_DIR)[1] if f"{SHARE_DIR}/{f}" not in shares]
    return unused


def thumbnail_url(honoree) -> str | None:
    """The smallest square rendition (for the admin list), or the master for a photo stored
    before renditions existed; None without a photo."""
    if not honoree.photo:
        return None
    if not (honoree.share_card and honoree.photo_width and honoree.photo_height):
        return media_url(honoree.photo.name)
    return media_url(renditions(honoree.photo.name, "card", honoree.photo_width, honoree.photo_height)[0].jpeg)


# --- mapping a stored file back to its honoree (media view) ------------------------------------

MASTER_RE = re.compile(r"^honorees/(?P<stem>[A-Za-z0-9_-]+)\.jpg$")
RENDITION_RE = re.compile(r"^honorees/renditions/(?P<stem>[A-Za-z0-9_-]+)/[a-z]+-\d+-[0-9a-f]+\.(?P<ext>jpg|webp)$")
CONTENT_TYPES = {"jpg": "image/jpeg", "webp": "image/webp"}


@dataclass(frozen=True)
class MediaFile:
    kind: str  # "master", "rendition" or "share"
    lookup: dict  # the Honoree filter that finds the file's owner
    content_type: str


def media_file(path: str) -> MediaFile | None:
    """What a /media/ path is, from its shape alone; None for anything we never store."""
    if match := RENDITION_RE.match(path):
        return MediaFile("rendition", {"photo": f"honorees/{match['stem']}.jpg"}, CONTENT_TYPES[match["ext"]])
    if SHARE_NAME_RE.match(path):
        return MediaFile("share", {"share_card": path}, "image/jpeg")
    if MASTER_RE.match(path):
        return MediaFile("master", {"photo": path}, "image/jpeg")
    return None
