"""Upload checks: only JPEG, PNG and WebP, recognised by content, within the size limits, fully
decodable; every refusal is a Thai ValidationError. Used by the model field, its form field and
the master step."""

import io
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MIN_SIDE = 32  # px: smaller than a card's thumbnail is not a photo of anyone
MAX_ASPECT = 4.0  # longest side over shortest: beyond it every rendition would be a sliver
# Pillow names a phone's multi-picture JPEG "MPO"; it is a JPEG all the same.
ACCEPTED_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}
PILLOW_PLUGINS = ["JPEG", "PNG", "WEBP"]

# Pillow warns above this many pixels and refuses at twice it; validation turns the warning
# into an error too, so no image beyond the limit is ever decoded.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

ERRORS = {
    "empty": _("ไฟล์รูปภาพว่างเปล่า โปรดเลือกไฟล์รูปภาพอีกครั้ง"),
    "too_large": _("ไฟล์รูปภาพมีขนาด %(size)s MB เกินกำหนด 10 MB โปรดย่อขนาดไฟล์ก่อนอัปโหลด"),
    "too_many_pixels": _("รูปภาพมีความละเอียดเกิน 40 ล้านพิกเซล โปรดย่อขนาดรูปก่อนอัปโหลด"),
    "not_image": _("ไฟล์นี้ไม่ใช่รูปภาพ JPEG, PNG หรือ WebP (ระบบตรวจจากเนื้อหาของไฟล์ ไม่ใช่จากชื่อไฟล์) โปรดเลือกไฟล์รูปภาพ"),
    "format": _("รองรับเฉพาะรูปภาพ JPEG, PNG หรือ WebP แต่ไฟล์นี้เป็น %(format)s"),
    "broken": _("ไฟล์รูปภาพไม่สมบูรณ์หรือเสียหาย โปรดบันทึกหรือส่งออกรูปใหม่แล้วอัปโหลดอีกครั้ง"),
    "too_small": _("รูปภาพมีขนาด %(width)s×%(height)s พิกเซล เล็กเกินไป ด้านที่สั้นที่สุดต้องมีอย่างน้อย %(min)s พิกเซล"),
    "aspect": _(
        "รูปภาพมีขนาด %(width)s×%(height)s พิกเซล ยาวหรือแคบเกินไป ด้านยาวต้องไม่เกิน %(max)s เท่าของด้านสั้น โปรดครอบตัดรูปก่อนอัปโหลด"
    ),
}


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
    check_geometry(width, height)


def check_geometry(width: int, height: int) -> None:
    """Refuse tiny or extreme shapes from the header, before anything is decoded or rendered.

    With every side ≥ MIN_SIDE and a ratio ≤ MAX_ASPECT, each rendition (and ResizeToFill's
    intermediate image) stays within MAX_ASPECT × its spec size.
    """
    params = {"width": width, "height": height}
    if min(width, height) < MIN_SIDE:
        raise ValidationError(ERRORS["too_small"], code="too_small", params={**params, "min": MIN_SIDE})
    if max(width, height) > MAX_ASPECT * min(width, height):
        raise ValidationError(ERRORS["aspect"], code="aspect", params={**params, "max": f"{MAX_ASPECT:g}"})


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
