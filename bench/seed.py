"""Seed the benchmark database at province scale: decades of monthly meetings, one honoree per
district per meeting, every honoree with a real photo.

    DJANGO_SETTINGS_MODULE=halloffame.settings.prod ... python -m bench.seed [--meetings 1068]

Rows are written with bulk_create (a minute at most); the fields Honoree.save() and
Meeting.save() derive are computed here the same way. 50 distinct portraits are drawn with
Pillow and every honoree's photo field points at one of them, so that pages show real images
without drawing 20,000 of them.
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
    counts = seed(fiscal_years=args.fiscal_years, hidden=args.hidden)
    counts["seconds"] = round(time.monotonic() - started, 1)
    print("seeded: " + ", ".join(f"{key} {value:,}" for key, value in counts.items()))
    return counts


def seed(*, fiscal_years: int, hidden: int) -> dict:
    from django.db import transaction
    from django.utils import timezone

    from honorees.models import Honoree
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

    photos = write_photos()
    dimensions = photo_dimensions(photos)
    now = timezone.now()

    def make(index, district, network, meeting):
        return build_honoree(rng, index, district, network, photos, dimensions, meeting)

    with transaction.atomic():
        meetings = Meeting.objects.bulk_create(build_meetings(fiscal_years, now), batch_size=1000)
        published = [m for m in meetings if m.is_published]
        upcoming = [m for m in meetings if not m.is_published]
        honorees = []
        for meeting in published:
            for district in districts:
                honorees.append(make(len(honorees), district, rng.choice(networks), meeting))
                honorees[-1].status = Honoree.Status.PUBLISHED
                honorees[-1].published_at = now
        for meeting in upcoming:  # next months' candidates: approved, not public yet
            for district in districts:
                honorees.append(make(len(honorees), district, rng.choice(networks), meeting))
                honorees[-1].status = Honoree.Status.APPROVED
        hidden_statuses = [Honoree.Status.DRAFT, Honoree.Status.NOMINATED, Honoree.Status.REJECTED]
        for index in range(hidden):
            district = districts[index % len(districts)]
            if index % 4 == 0:  # consent withdrawn after publication
                honoree = make(len(honorees), district, rng.choice(networks), published[-1 - index])
                honoree.status = Honoree.Status.WITHDRAWN
                honoree.consent_withdrawn_at = now
            else:
                honoree = make(len(honorees), district, rng.choice(networks), None)
                honoree.status = hidden_statuses[index % len(hidden_statuses)]
            honorees.append(honoree)
        honorees = Honoree.objects.bulk_create(honorees, batch_size=2000)
        Through = Honoree.virtues.through
        links = [
            Through(honoree_id=honoree.pk, virtue_id=virtue.pk)
            for honoree in honorees
            for virtue in rng.sample(virtues, rng.randint(1, 3))
        ]
        Through.objects.bulk_create(links, batch_size=5000)
    generated = generate_renditions(Honoree, photos)
    return {
        "meetings": len(meetings),
        "published meetings": len(published),
        "honorees": len(honorees),
        "public honorees": Honoree.objects.public().count(),
        "with photo": Honoree.objects.public().exclude(photo="").count(),
        "distinct photos": len(photos),
        "renditions": generated,
    }


def describe() -> dict:
    """What the benchmark database holds, and the addresses of a profile and a meeting page."""
    from honorees.models import Honoree
    from meetings.models import Meeting

    public = Honoree.objects.public()
    profile = public.order_by("-meeting__date", "district__code").values_list("slug", flat=True).first()
    meeting = Meeting.objects.published().filter(honorees__in=public).order_by("-date").first()
    return {
        "public_honorees": public.count(),
        "public_with_photo": public.exclude(photo="").count(),
        "honorees": Honoree.objects.count(),
        "meetings": Meeting.objects.count(),
        "published_meetings": Meeting.objects.published().count(),
        "profile_url": Honoree(slug=profile).get_absolute_url() if profile else None,
        "meeting_url": meeting.get_absolute_url() if meeting else None,
    }


def build_meetings(fiscal_years: int, now):
    from halloffame import thai
    from honorees import demo
    from meetings.models import Meeting

    meetings = []
    last = FIRST_FISCAL_YEAR + fiscal_years - 1
    for fy in range(FIRST_FISCAL_YEAR, last + 2):  # the year after the last holds the unpublished ones
        for number, day in enumerate(demo.meeting_dates(fy), start=1):
            is_published = fy <= last
            if not is_published and number > 2:
                break
            meetings.append(
                Meeting(
                    date=day,
                    fiscal_year=thai.fiscal_year(day),
                    number=number,
                    slug=f"{fy}-{number}",
                    title=f"การประชุมหัวหน้าส่วนราชการจังหวัดสุราษฎร์ธานี {thai.meeting_number(number, fy)}",
                    venue=demo.VENUE,
                    announcement="จังหวัดสุราษฎร์ธานีขอประกาศยกย่องเชิดชูคนดีประจำเดือน เพื่อให้คนดีมีที่ยืน และความดีมีพื้นที่ในสังคม",
                    is_published=is_published,
                    published_at=now if is_published else None,
                )
            )
    return meetings


def build_honoree(rng, index, district, network, photos, dimensions, meeting):
    from halloffame import thai
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
    honoree = Honoree(
        kind=kind,
        name=name,
        name_en=name_en,
        slug=f"{name_en.lower().replace('.', '').replace(' ', '-')[:60]}-{index}",
        sort_key=thai.thai_sort_key(name),
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
        photo=photos[index % len(photos)],
        photo_alt=f"ภาพของ{name}",
        meeting=meeting,
        is_living=True,
        consent_given_on=date(2024, 1, 15),
        consent_method=Honoree.ConsentMethod.WRITTEN,
        consent_covers_name=True,
        consent_covers_photo=True,
        consent_covers_story=True,
    )
    # Fields Honoree.save() derives (bulk_create does not call save()).
    photo_field = Honoree._meta.get_field("photo")
    width, height = dimensions[honoree.photo.name]
    if photo_field.width_field:
        setattr(honoree, photo_field.width_field, width)
    if photo_field.height_field:
        setattr(honoree, photo_field.height_field, height)
    if hasattr(thai, "normalise_name") and any(f.name == "name_key" for f in Honoree._meta.fields):
        honoree.name_key = thai.normalise_name(name)
    return honoree


def photo_dimensions(photos) -> dict:
    from django.conf import settings
    from PIL import Image

    result = {}
    for name in photos:
        with Image.open(Path(settings.MEDIA_ROOT) / name) as image:
            result[name] = image.size
    return result


def write_photos() -> list[str]:
    """50 real JPEG portraits in MEDIA_ROOT, drawn once and shared by many honorees."""
    from django.conf import settings

    from honorees import demo

    folder = Path(settings.MEDIA_ROOT) / "honorees"
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for index in range(DISTINCT_PHOTOS):
        name = f"honorees/bench-{index:02d}.jpg"
        path = Path(settings.MEDIA_ROOT) / name
        if not path.exists():
            path.write_bytes(demo.portrait_jpeg(index, "person" if index % 3 else "organization"))
        names.append(name)
    return names


def generate_renditions(Honoree, photos) -> int:
    """Pre-generate the photo pipeline's renditions once per distinct photo (the honorees that
    share a photo share its renditions, named from the master), so that no page view draws an
    image. Share cards are left to the site's default card: one per honoree would take hours."""
    from django.conf import settings
    from PIL import Image

    try:
        from honorees.photos.renditions import renditions_generate
    except ImportError:  # no rendition pipeline: pages show the masters
        return 0
    written = 0
    for name in photos:
        with Image.open(Path(settings.MEDIA_ROOT) / name) as master:
            master.load()
            written += len(renditions_generate(master_name=name, master=master))
    return written


if __name__ == "__main__":
    main()
