"""A photo chosen on a form that came back with an error is kept, so nobody has to choose it again.

The upload (already checked, and made into a clean master: no EXIF or GPS) waits in storage under
honorees/pending/, a path the media view never serves, with a random token that only the session
that uploaded it knows. The form sends the token back in a hidden field; on the next submission
without a new file the kept photo is used. It is removed once used, and any left behind after a
day is removed when the next one is kept.
"""

import base64
import io
import secrets
import time

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from honorees.photos.fields import MASTER_QUALITY, encode_jpeg, make_master
from honorees.photos.validation import open_photo

PENDING_DIR = "honorees/pending"
SESSION_KEY = "honoree_pending_photos"
KEEP_SECONDS = 24 * 3600
PREVIEW_SIDE = 320


def _entries(session) -> dict:
    return dict(session.get(SESSION_KEY) or {})


def pending_photo_keep(*, session, upload, storage=default_storage) -> tuple[str, str]:
    """Keep an accepted upload for this session; returns (token, a data: URL of a small preview)."""
    upload.seek(0)
    master = make_master(open_photo(upload))
    token = secrets.token_urlsafe(16)
    name = storage.save(f"{PENDING_DIR}/{token}.jpg", ContentFile(encode_jpeg(master, MASTER_QUALITY)))
    entries = _entries(session)
    entries[token] = {"name": name, "at": int(time.time())}
    session[SESSION_KEY] = entries
    _forget_old(storage)
    return token, preview_data_url(master)


def preview_data_url(master) -> str:
    preview = master.copy()
    preview.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
    buffer = io.BytesIO()
    preview.save(buffer, "JPEG", quality=80)
    return "data:image/jpeg;base64," + base64.b64encode(buffer.getvalue()).decode()


def pending_photo_open(*, session, token: str, storage=default_storage):
    """The kept photo as an upload again, with its preview, or (None, "") for a token this
    session did not keep (or one that is gone)."""
    entry = _entries(session).get(token or "")
    if not entry:
        return None, ""
    try:
        with storage.open(entry["name"], "rb") as file:
            content = file.read()
    except (FileNotFoundError, OSError):
        return None, ""
    upload = SimpleUploadedFile("photo.jpg", content, content_type="image/jpeg")
    master = open_photo(io.BytesIO(content))
    return upload, preview_data_url(master)


def pending_photo_discard(*, session, token: str, storage=default_storage) -> None:
    entries = _entries(session)
    entry = entries.pop(token or "", None)
    if entry:
        storage.delete(entry["name"])
        session[SESSION_KEY] = entries


def _forget_old(storage) -> None:
    try:
        _folders, files = storage.listdir(PENDING_DIR)
    except (FileNotFoundError, NotADirectoryError):
        return
    cutoff = time.time() - KEEP_SECONDS
    for file in files:
        name = f"{PENDING_DIR}/{file}"
        try:
            if storage.get_modified_time(name).timestamp() < cutoff:
                storage.delete(name)
        except (FileNotFoundError, OSError, NotImplementedError):
            continue
