"""/media/programme/: programme photos served only while the public may see their record (the
same delivery and cache rules as honoree photos, honorees/media_views.py)."""

import re

from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from halloffame.staff.permissions import role_of
from honorees import consent, media_views
from networks.programme.models import MEDIA_PREFIX, Coach, LearningSource, Lesson, LessonImage, ModelOrganisation

MASTER_RE = re.compile(r"^programme/(?P<stem>[0-9a-f]+)\.jpg$")
RENDITION_RE = re.compile(r"^programme/renditions/(?P<stem>[0-9a-f]+)/[a-z]+-\d+-[0-9a-f]+\.(?P<ext>jpg|webp)$")
CONTENT_TYPES = {"jpg": "image/jpeg", "webp": "image/webp"}


def publicly_visible(master: str) -> bool:
    """Is the photo stored as `master` on a record the public may see (a coach's only with consent)?"""
    return (
        ModelOrganisation.objects.public().filter(photo=master).exists()
        or LearningSource.objects.public().filter(photo=master).exists()
        or Coach.objects.public().filter(consent.covers_q(Coach, "photo"), photo=master).exists()
        or LessonImage.objects.filter(photo=master, lesson__in=Lesson.objects.public()).exists()
    )


@require_safe
def programme_media(request, path):
    path = f"{MEDIA_PREFIX}{path}"
    if match := RENDITION_RE.match(path):
        master, content_type = f"{MEDIA_PREFIX}{match['stem']}.jpg", CONTENT_TYPES[match["ext"]]
        cache_control = media_views.CACHE_GENERATED
    elif MASTER_RE.match(path):
        master, content_type, cache_control = path, "image/jpeg", media_views.CACHE_MASTER
    else:
        raise Http404(_("ไม่พบไฟล์"))
    if not publicly_visible(master):
        if not (request.user.is_staff and role_of(request.user)):
            raise Http404(_("ไม่พบไฟล์"))
        cache_control = media_views.CACHE_STAFF_ONLY
    response = media_views._deliver(path, content_type)
    response["Cache-Control"] = cache_control
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
