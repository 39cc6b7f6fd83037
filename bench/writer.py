"""Staff at work during the benchmark, through the product's own services.

    python -m bench.writer drafts   # save a draft every 0.5 s: 19 officers editing before a meeting
    python -m bench.writer publish  # publish one honoree every 10 s (placed in a published meeting)

Runs until stopped; prints how many writes it made when it gets SIGTERM.
"""

import os
import signal
import sys
import time
from pathlib import Path

import django

WRITER_VENUE = "bench-writer"  # the published meeting the publishing writer fills


def main(argv=None):
    mode = (argv or sys.argv[1:] or ["drafts"])[0]
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "halloffame.settings.prod")
    django.setup()
    stop = {"now": False}
    signal.signal(signal.SIGTERM, lambda *_: stop.update(now=True))
    writes = (save_drafts if mode == "drafts" else publish_honorees)(stop)
    print(f"{mode}: {writes} writes", flush=True)


def secretariat():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(
        username="bench-secretariat", defaults={"is_staff": True, "is_superuser": True}
    )
    return user


def save_drafts(stop) -> int:
    """An officer's save of a draft's text, as the admin's change form makes it."""
    from honorees.models import Honoree

    drafts = list(Honoree.objects.filter(status=Honoree.Status.DRAFT).order_by("pk")[:200])
    writes = 0
    while not stop["now"] and drafts:
        honoree = drafts[writes % len(drafts)]
        honoree.story = f"{honoree.story.split(' · ')[0]} · แก้ไขครั้งที่ {writes}"
        honoree.updated_by = None
        honoree.save(update_fields=["story", "updated_by", "updated_at"])
        writes += 1
        time.sleep(0.5)
    return writes


def publish_honorees(stop) -> int:
    """Every 10 s a draft is nominated, approved and placed in a published meeting, which
    publishes it at once (honoree_place)."""
    from datetime import date

    from honorees import services
    from honorees.models import Honoree
    from meetings.models import Meeting

    by = secretariat()
    meeting = Meeting.objects.filter(venue=WRITER_VENUE).first()
    if meeting is None:
        meeting = Meeting(date=date(2600, 1, 1), venue=WRITER_VENUE, is_published=True)
        meeting.save()
    taken = set(Honoree.objects.filter(meeting=meeting).values_list("district_id", flat=True))
    drafts = Honoree.objects.filter(status=Honoree.Status.DRAFT).exclude(district_id__in=taken).order_by("pk")
    writes = 0
    while not stop["now"]:
        honoree = drafts.exclude(district_id__in=taken).first()
        if honoree is None:
            break
        services.honoree_nominate(honoree=honoree, by=by)
        services.honoree_approve(honoree=honoree, by=by)
        services.honoree_place(honoree=honoree, meeting=meeting, by=by)
        taken.add(honoree.district_id)
        writes += 1
        for _ in range(100):
            if stop["now"]:
                break
            time.sleep(0.1)
    return writes


if __name__ == "__main__":
    main()
