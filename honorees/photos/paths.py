"""Where honoree files are stored, their addresses, and which honoree a stored path belongs to."""

import re
import secrets
from dataclasses import dataclass

from django.conf import settings

MEDIA_PREFIX = "honorees/"
RENDITION_DIR = "honorees/renditions"
SHARE_DIR = "honorees/share"

MASTER_RE = re.compile(r"^honorees/(?P<stem>[A-Za-z0-9_-]+)\.jpg$")
RENDITION_RE = re.compile(r"^honorees/renditions/(?P<stem>[A-Za-z0-9_-]+)/[a-z]+-\d+-[0-9a-f]+\.(?P<ext>jpg|webp)$")
SHARE_NAME_RE = re.compile(rf"^{SHARE_DIR}/(?P<digest>[0-9a-f]{{16}})-[0-9a-f]+\.jpg$")
CONTENT_TYPES = {"jpg": "image/jpeg", "webp": "image/webp"}


def master_name() -> str:
    """A random name: the stored file must not carry the honoree's name (the master is always a JPEG)."""
    return f"{MEDIA_PREFIX}{secrets.token_hex(12)}.jpg"


def media_url(name: str) -> str:
    """The address of a stored honoree file: always through the media view, which checks who may see it."""
    return f"{settings.MEDIA_URL}{name}"


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
