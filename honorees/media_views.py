"""/media/: honoree photos served only while the public may see them.

Every request maps the file back to its honoree by its name (honorees.photos.paths.media_file) and
asks the database, in one indexed query, whether that honoree is public with a photo the public
may see. Nothing about the decision is cached, so a withdrawal holds from the next request.
Staff see every honoree's files (admin thumbnails and previews).
"""

from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from halloffame.staff import permissions
from honorees.models import Honoree
from honorees.photos.paths import MediaFile, media_file

# Renditions and share cards get a new name whenever their content changes, so a browser may
# keep them a year. "private" keeps shared caches (proxies, CDNs) from holding a copy that
# would outlive a withdrawal; the browser of someone who already saw it keeps theirs.
CACHE_GENERATED = "private, max-age=31536000, immutable"
CACHE_MASTER = "private, max-age=3600"
CACHE_STAFF_ONLY = "private, no-store"
SIGNED_URL_SECONDS = 300


def _allowed_for_public(file: MediaFile) -> bool:
    honorees = Honoree.objects.public()
    if file.kind != "share":
        honorees = honorees.with_public_photo()
    return honorees.filter(**file.lookup).exists()


def _allowed_for_staff(request, file: MediaFile) -> bool:
    """Staff see the images of the honorees they may see in the admin, and no others."""
    return request.user.is_staff and permissions.visible_honorees(request.user).filter(**file.lookup).exists()


@require_safe
def honoree_media(request, path):
    file = media_file(path)
    if file is None:
        raise Http404(_("ไม่พบไฟล์"))
    if _allowed_for_public(file):
        cache_control = CACHE_MASTER if file.kind == "master" else CACHE_GENERATED
    elif _allowed_for_staff(request, file):
        cache_control = CACHE_STAFF_ONLY
    else:
        raise Http404(_("ไม่พบไฟล์"))
    response = _deliver(path, file.content_type)
    if settings.HONOREE_MEDIA_DELIVERY == "redirect":
        cache_control = f"private, max-age={SIGNED_URL_SECONDS - 60}"  # never longer than the signature lives
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _deliver(path, content_type):
    delivery = settings.HONOREE_MEDIA_DELIVERY
    if delivery == "redirect":
        # S3 without public objects: a signed address that expires within minutes.
        return HttpResponseRedirect(_signed_url(path))
    if delivery in {"x-accel-redirect", "x-sendfile"}:
        response = HttpResponse(content_type=content_type)
        if delivery == "x-accel-redirect":
            response["X-Accel-Redirect"] = quote(f"{settings.HONOREE_MEDIA_INTERNAL_PREFIX.rstrip('/')}/{path}")
        else:
            response["X-Sendfile"] = default_storage.path(path)
        return response
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, OSError) as error:
        raise Http404(_("ไม่พบไฟล์")) from error
    return FileResponse(handle, content_type=content_type)


def _signed_url(path):
    storage = default_storage
    if hasattr(storage, "querystring_expire"):
        return storage.url(path, expire=SIGNED_URL_SECONDS)
    return storage.url(path)
