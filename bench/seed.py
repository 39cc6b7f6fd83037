"""Seed the benchmark database at province scale: decades of monthly meetings, one honoree per
district per meeting, every honoree with a real photo.

    DJANGO_SETTINGS_MODULE=halloffame.settings.prod ... python -m bench.seed [--meetings 1068]

Everything goes through the product's own code: meetings are saved one by one (Meeting.save()
numbers and names them); 50 honorees, one per distinct portrait, are saved through
Honoree.save() with an uploaded photo, so the photo pipeline writes their master, renditions and
share card. The other honorees are written with bulk_create (20,000 saves would take an hour of
image work) after Honoree.fill_derived_fields(), the same method save() calls, and share the master,
size, renditions and share card of one of those 50, so that every page prints exactly the
markup production prints (tests/bench/test_seed.py). Their share card carries the name of the
honoree whose photo they share; `--all-share-cards` draws each one's own (about 25 ms each).
"""

import argparse
import json
import os
import random
import sys
import time
from datetime import date
from pathlib import Path

import django

DISTINCT_PHOTOS = 50
FIRST_FISCAL_YEAR = 2480  # October 1936: 89 fiscal years of monthly meetings up to September 2025


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fiscal-years", type=int, default=89, help="12 meetings each (default 89: 1,068 meetings)")
    parser.add_argument("--hidden", type=int, default=400, help="non-public honorees (drafts, withdrawn, ...)")
    parser.add_argument("--all-share-cards", action="store_true", help="draw every honoree's own share card (slow)")
    parser.add_argument(
        "--describe", action="store_true", help="print the counts and sample URLs as JSON, seed nothing"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "halloffame.settings.prod")
    django.setup()
    if args.describe:
        print(json.dumps(describe(), ensure_ascii=False))
        return None
    started = time.monotonic()
    counts = seed(fiscal_years=args.fiscal_years, hidden=args.hidden, all_share_cards=args.all_share_cards)
    counts["seconds"] = round(time.monotonic() - started, 1)
    print("seeded: " + ", ".join(f"{key} {value:,}" for key, value in counts.items()))
    return counts


def seed(*, fiscal_years: int, hidden: int, all_share_cards: bool = False, photos: int = DISTINCT_PHOTOS) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import transaction
    from django.utils import timezone
    from PIL import Image

    from honorees import demo
    from honorees.models import Honoree
    from honorees.photos.share_card import share_card_generate
    from meetings.models import Meeting
    from networks.models import District, Network, Virtue

    rng = random.Random(20251026)
    districts = list(District.objects.order_by("code"))
    networks = list(Network.objects.order_by("order"))
    virtues = list(Virtue.objects.order_by("order"))
    if len(districts) != 19 or len(networks) != 8 or not virtues:
        raise SystemExit("The reference data is missing: run `manage.py migrate` first.")
    if Honoree.objects.exists() or Meeting.objects.exists():
        raise SystemExit("The benchmark database is not empty; bench/run.py recreates it with --reseed.")

    now = timezone.now()
    with transaction.atomic():
        meetings = build_meetings(fiscal_years, now)
    published = [m for m in meetings if m.is_published]
    upcoming = [m for m in meetings if not m.is_published]

    plan = []  # (district, network, meeting, status) of every honoree, public ones first
    for meeting in published:
        plan += [(district, rng.choice(networks), meeting, Honoree.Status.PUBLISHED) for district in districts]
    for meeting in upcoming:  # next months' candidates: approved, not public yet
        plan += [(district, rng.choice(networks), meeting, Honoree.Status.APPROVED) for district in districts]
    hidden_statuses = [Honoree.Status.DRAFT, Honoree.Status.NOMINATED, Honoree.Status.REJECTED]
    for index in range(hidden):
        district = districts[index % len(districts)]
        if index % 4 == 0:  # consent withdrawn after publication
            plan.append((district, rng.choice(networks), published[-1 - index], Honoree.Status.WITHDRAWN))
        else:
            plan.append((district, rng.choice(networks), None, hidden_statuses[index % len(hidden_statuses)]))

    honorees = []
    for index, (district, network, meeting, status) in enumerate(plan):
        honoree = build_honoree(rng, index, district, network, meeting)
        honoree.status = status
        honoree.published_at = now if status == Honoree.Status.PUBLISHED else None
        honoree.consent_withdrawn_at = now if status == Honoree.Status.WITHDRAWN else None
        honorees.append(honoree)

    # One honoree per portrait through Honoree.save(): master, renditions and share card.
    with_files = honorees[:photos]
    for index, honoree in enumerate(with_files):
        kind = "person" if index % 3 else "organization"
        honoree.photo = SimpleUploadedFile(f"portrait-{index}.jpg", demo.portrait_jpeg(index, kind), "image/jpeg")
        with transaction.atomic():
            honoree.save()
    shares = []
    for index, honoree in enumerate(honorees[photos:], start=photos):
        model = with_files[index % photos]
        honoree.photo = model.photo.name
        honoree.photo_width, honoree.photo_height = model.photo_width, model.photo_height
        honoree.share_card = model.share_card
        honoree.fill_derived_fields()
        shares.append(honoree)
    with transaction.atomic():
        Honoree.objects.bulk_create(shares, batch_size=2000)
        Through = Honoree.virtues.through
        links = [
            Through(honoree_id=honoree.pk, virtue_id=virtue.pk)
            for honoree in honorees
            for virtue in rng.sample(virtues, rng.randint(1, 3))
        ]
        Through.objects.bulk_create(links, batch_size=5000)
    if all_share_cards:
        masters = {}
        for honoree in Honoree.objects.select_related("district").filter(pk__in=[h.pk for h in shares]):
            if honoree.photo.name not in masters:
                with honoree.photo.open("rb") as file:
                    masters[honoree.photo.name] = Image.open(file)
                    masters[honoree.photo.name].load()
            card = share_card_generate(honoree=honoree, master=masters[honoree.photo.name])
            Honoree.objects.filter(pk=honoree.pk).update(share_card=card)
    public = Honoree.objects.public()
    return {
        "meetings": len(meetings),
        "published meetings": len(published),
        "honorees": len(honorees),
        "public honorees": public.count(),
        "with photo": public.exclude(photo="").count(),
        "saved through Honoree.save()": len(with_files),
    }


def describe() -> dict:
    """What the benchmark database holds, and the addresses of a profile and a meeting page."""
    from bench.writer import WRITER_VENUE
    from honorees.models import Honoree
    from meetings.models import Meeting
    from networks.models import Network

    public = Honoree.objects.public()
    # The sample pages are the seed's, not the meeting an earlier run's publishing writer filled.
    seeded = public.exclude(meeting__venue=WRITER_VENUE)
    profile = seeded.order_by("-meeting__date", "district__code").values_list("slug", flat=True).first()
    meeting = Meeting.objects.published().filter(honorees__in=seeded).order_by("-date").first()
    return {
        "public_honorees": public.count(),
        "public_with_photo": public.exclude(photo="").count(),
        "honorees": Honoree.objects.count(),
        "meetings": Meeting.objects.count(),
        "published_meetings": Meeting.objects.published().count(),
        "profile_url": Honoree(slug=profile).get_absolute_url() if profile else None,
        "meeting_url": meeting.get_absolute_url() if meeting else None,
        "network_url": Network.objects.order_by("order").first().get_absolute_url(),
    }


def build_meetings(fiscal_years: int, now) -> list:
    """Monthly meetings saved through Meeting.save(), which numbers and names them."""
    from honorees import demo
    from meetings.models import Meeting

    meetings = []
    last = FIRST_FISCAL_YEAR + fiscal_years - 1
    for fy in range(FIRST_FISCAL_YEAR, last + 2):  # the year after the last holds the unpublished ones
        for number, day in enumerate(demo.meeting_dates(fy), start=1):
            is_published = fy <= last
            if not is_published and number > 2:
                break
            meeting = Meeting(
                date=day,
                venue=demo.VENUE,
                announcement="จังหวัดสุราษฎร์ธานีขอประกาศยกย่องเชิดชูคนดีประจำเดือน เพื่อให้คนดีมีที่ยืน และความดีมีพื้นที่ในสังคม",
                is_published=is_published,
                published_at=now if is_published else None,
            )
            meeting.save()
            meetings.append(meeting)
    return meetings


def build_honoree(rng, index, district, network, meeting):
    from honorees import demo
    from honorees.models import Honoree

    roll = rng.random()
    if roll < 0.65:
        (first, first_en), (last, last_en) = rng.choice(demo.FIRST_NAMES), rng.choice(demo.SURNAMES)
        title, title_en = rng.choice([("นาย", "Mr."), ("นาง", "Mrs."), ("นางสาว", "Ms."), ("พระครู", "Phra Khru")])
        name, name_en, kind = f"{title}{first} {last}", f"{title_en} {first_en} {last_en}", Honoree.Kind.PERSON
    else:
        template, template_en, _network = rng.choice(demo.ORGANIZATIONS + demo.GROUPS + demo.COMMUNITIES)
        place, place_en = rng.choice(demo.PLACES)
        name, name_en = template.format(place=place), template_en.format(place_en=place_en)
        kind = (
            Honoree.Kind.ORGANIZATION if roll < 0.85 else Honoree.Kind.GROUP if roll < 0.95 else Honoree.Kind.COMMUNITY
        )
    deed = demo.DEEDS[network.slug]
    return Honoree(
        kind=kind,
        name=name,
        name_en=name_en,
        slug=f"{name_en.lower().replace('.', '').replace(' ', '-')[:60]}-{index}",
        district=district,
        network=network,
        citation=f"{name} อำเภอ{district.name_th} {deed[:80]}"[:300],
        story="\n\n".join(
            [
                f"{name} {deed} มาเป็นเวลากว่า {rng.randint(5, 30)} ปี ในพื้นที่อำเภอ{district.name_th}",
                f"ได้รับการเสนอชื่อผ่าน{network.name_th} เพราะเป็นแบบอย่างที่ดีของคนในชุมชน",
                rng.choice(demo.STORY_CLOSINGS),
            ]
        ),
        photo_alt=f"ภาพของ{name}",
        meeting=meeting,
        is_living=True,
        consent_given_on=date(2024, 1, 15),
        consent_method=Honoree.ConsentMethod.WRITTEN,
        consent_covers_name=True,
        consent_covers_photo=True,
        consent_covers_story=True,
    )


if __name__ == "__main__":
    main()
