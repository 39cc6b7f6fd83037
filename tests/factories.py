"""Small factories for tests: real rows in the real database, sensible defaults."""

import io
import itertools
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District, Network

_counter = itertools.count(1)
# Meetings' own count, so that default dates stay years before the dates tests name explicitly.
_meeting_days = itertools.count(1)


def jpeg_bytes(size=(64, 48), color=(200, 120, 40)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, "JPEG")
    return buffer.getvalue()


def uploaded_jpeg(name="photo.jpg", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


def make_meeting(*, published=True, day=None, **fields) -> Meeting:
    if day is None:
        # One day later for every call, so a meeting made later is always the later one.
        day = date(2020, 1, 1) + timedelta(days=next(_meeting_days))
    return Meeting.objects.create(date=day, is_published=published, venue="ศาลากลางจังหวัด", **fields)


def make_honoree(*, meeting=None, district=None, network=None, status=Honoree.Status.PUBLISHED, **fields) -> Honoree:
    n = next(_counter)
    if meeting is None and status == Honoree.Status.PUBLISHED:
        meeting = make_meeting()
    defaults = {
        "kind": Honoree.Kind.PERSON,
        "name": f"นายทดสอบ ลำดับ{n}",
        "name_en": f"Mr. Test Number {n}",
        "citation": "อุทิศตนเพื่อชุมชน",
        "story": "ย่อหน้าแรก\n\nย่อหน้าที่สอง",
        "consent_given_on": date(2024, 1, 1),
        "consent_method": Honoree.ConsentMethod.WRITTEN,
        "consent_covers_name": True,
        "consent_covers_photo": True,
        "consent_covers_story": True,
    }
    defaults.update(fields)
    if district is None:
        taken = Honoree.objects.filter(meeting=meeting).values("district") if meeting else []
        district = District.objects.exclude(pk__in=taken).first() if meeting else District.objects.first()
    return Honoree.objects.create(
        meeting=meeting,
        district=district,
        network=network or Network.objects.first(),
        status=status,
        **defaults,
    )
