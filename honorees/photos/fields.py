"""The photo model field: saving a file through it (admin upload, `photo.save()`, the demo loader)
stores the *master* in place of the upload: upright from its EXIF orientation, sRGB, at most
2400 px, a fresh JPEG without EXIF, GPS, XMP, ICC or comments."""

import io
from functools import lru_cache

from django import forms
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile, ImageFileDescriptor
from PIL import Image, ImageCms, ImageOps

from honorees.photos.paths import media_url
from honorees.photos.validation import ERRORS, open_photo, validate_photo

MASTER_MAX_SIDE = 2400
MASTER_QUALITY = 88


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
