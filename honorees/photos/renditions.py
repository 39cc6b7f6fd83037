"""Renditions of a master: square cards (400, 800 px) and profile widths (480, 800, 1200 px, at most
1.5 × as tall as wide, never enlarged), each in WebP and JPEG, resized by pilkit's processors.

A card keeps the part of the photo around the honoree's focal point (photo_focus_x/_y, percent of
the width and height, chosen by staff on the form; the centre by default), so a portrait cropped to
a square keeps the face; profiles are the whole photo, never cropped. A new focal point gets the
photo a new master name (honoree_files.py), so the names below still change with the content.

A rendition's name is computed from the master's name and the spec alone, so a page prints its
address without asking storage: <master's folder>/renditions/<master stem>/<variant>-<size>-<spec hash>.<ext>
(honorees/renditions/… for an honoree).
The hash changes whenever the spec (size, format, quality) does, so a name never changes content.
"""

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image
from pilkit.processors import ResizeToFill, ResizeToFit
from pilkit.utils import img_to_fobj

from honorees.photos.paths import media_url

FORMAT_OPTIONS = {
    "WEBP": {"quality": 80, "method": 2},
    "JPEG": {"quality": 82, "optimize": True, "progressive": True},
}
EXTENSIONS = {"WEBP": "webp", "JPEG": "jpg"}
FORMATS = ("WEBP", "JPEG")
PROFILE_MAX_ASPECT = 1.5  # a profile rendition is at most 1.5 times as tall as it is wide
CENTRE = (50, 50)


def photo_focus(honoree) -> tuple[int, int]:
    """The honoree's focal point as (x, y) percent; the centre for a row without one."""
    x, y = getattr(honoree, "photo_focus_x", None), getattr(honoree, "photo_focus_y", None)
    return (50 if x is None else int(x), 50 if y is None else int(y))


def focus_anchor(focus) -> tuple[float, float] | None:
    """pilkit's anchor (fractions) for a focal point; None (pilkit's centre) for the centre."""
    return None if tuple(focus) == CENTRE else (focus[0] / 100, focus[1] / 100)


class Card:
    """A square crop for honoree cards."""

    sizes = (400, 800)

    @staticmethod
    def processor(size, focus=CENTRE):
        return ResizeToFill(size, size, anchor=focus_anchor(focus))

    @staticmethod
    def dimensions(size, width, height):
        return size, size

    @classmethod
    def sizes_for(cls, width, height):
        """The first size always; larger ones only where the photo has the pixels."""
        return [size for i, size in enumerate(cls.sizes) if i == 0 or size <= min(width, height)]


class Profile:
    """The whole photo, no wider than `size` and no taller than 1.5 × `size`, never enlarged."""

    sizes = (480, 800, 1200)

    @staticmethod
    def processor(size, focus=CENTRE):
        return ResizeToFit(size, round(size * PROFILE_MAX_ASPECT), upscale=False)  # never cropped

    @staticmethod
    def dimensions(size, width, height):
        """What the processor makes of a width × height master."""
        ratio = min(size / width, round(size * PROFILE_MAX_ASPECT) / height)
        if ratio >= 1:
            return width, height
        return round(width * ratio), round(height * ratio)

    @classmethod
    def sizes_for(cls, width, height):
        """No two sizes that come out alike (a small photo is never enlarged)."""
        chosen, seen = [], set()
        for size in cls.sizes:
            dims = cls.dimensions(size, width, height)
            if dims not in seen:
                seen.add(dims)
                chosen.append(size)
        return chosen


VARIANTS = {"card": Card, "profile": Profile}


@dataclass(frozen=True)
class Rendition:
    width: int
    height: int
    webp: str  # stored names
    jpeg: str


def spec_hash(variant: str, size: int, format: str) -> str:
    processor = VARIANTS[variant].processor(size)  # the spec, whatever the focal point
    options = sorted(FORMAT_OPTIONS[format].items())
    spec = repr((variant, size, format, options, type(processor).__name__, vars(processor)))
    return hashlib.sha256(spec.encode()).hexdigest()[:10]


@lru_cache(maxsize=4096)
def rendition_name(master_name: str, variant: str, size: int, format: str) -> str:
    return f"{rendition_folder(master_name)}/{variant}-{size}-{spec_hash(variant, size, format)}.{EXTENSIONS[format]}"


def rendition_folder(master_name: str) -> str:
    """<master's folder>/renditions/<master's stem>: honorees/renditions/<stem> for an honoree,
    programme/renditions/<stem> for a programme photo."""
    master = PurePosixPath(master_name)
    return f"{master.parent}/renditions/{master.stem}"


def renditions(master_name: str, variant: str, width: int, height: int) -> list[Rendition]:
    """The renditions of a master, smallest first: names and sizes only, no storage access."""
    kind = VARIANTS[variant]
    return [
        Rendition(
            *kind.dimensions(size, width, height),
            webp=rendition_name(master_name, variant, size, "WEBP"),
            jpeg=rendition_name(master_name, variant, size, "JPEG"),
        )
        for size in kind.sizes_for(width, height)
    ]


def renditions_generate(*, master_name: str, master: Image.Image, storage=default_storage, focus=CENTRE) -> list[str]:
    """Write every rendition of the master (replacing any file of the same name), cards cropped
    around the focal point.

    Each size is resized once and encoded as WebP and JPEG from the same pixels.
    """
    written = []
    width, height = master.size
    for variant, kind in VARIANTS.items():
        for size in kind.sizes_for(width, height):
            resized = kind.processor(size, focus).process(master)
            for format in FORMATS:
                name = rendition_name(master_name, variant, size, format)
                content = img_to_fobj(resized, format, autoconvert=True, **FORMAT_OPTIONS[format])
                if storage.exists(name):
                    storage.delete(name)
                written.append(storage.save(name, ContentFile(content.read())))
    return written


def expected_renditions(master_name: str, width: int, height: int):
    """Every stored name the master's renditions should have."""
    for variant in VARIANTS:
        for rendition in renditions(master_name, variant, width, height):
            yield rendition.webp
            yield rendition.jpeg


def has_renditions(honoree) -> bool:
    """Every honoree saved through the pipeline has a share card and a recorded size; one without
    them has a photo stored before renditions existed (until rebuild_honoree_images runs)."""
    return bool(honoree.photo and honoree.share_card and honoree.photo_width and honoree.photo_height)


def thumbnail_url(honoree) -> str | None:
    """The smallest square rendition (for the admin list), or the master for a photo stored
    before renditions existed; None without a photo."""
    if not honoree.photo:
        return None
    if not has_renditions(honoree):
        return media_url(honoree.photo.name)
    return media_url(renditions(honoree.photo.name, "card", honoree.photo_width, honoree.photo_height)[0].jpeg)


def whole_photo_url(honoree) -> str | None:
    """The smallest uncropped rendition (the form's thumbnail, where staff choose the focal point)."""
    if not honoree.photo:
        return None
    if not has_renditions(honoree):
        return media_url(honoree.photo.name)
    return media_url(renditions(honoree.photo.name, "profile", honoree.photo_width, honoree.photo_height)[0].jpeg)
