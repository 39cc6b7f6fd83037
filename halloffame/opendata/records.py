"""What the open data says about each honoree, meeting, district and network: the only fields
that leave the site through /api/v1/. A field not named here never appears (tested)."""

from django.conf import settings

from honorees.models import Honoree

LICENCE = {
    "id": "CC-BY-4.0",
    "name": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
PUBLISHER_TH = "สำนักงานวัฒนธรรมจังหวัดสุราษฎร์ธานี"
PUBLISHER_EN = "Surat Thani Provincial Culture Office"
ATTRIBUTION_TH = f"ข้อมูลจากหอเกียรติยศคนดี จังหวัดสุราษฎร์ธานี โดย{PUBLISHER_TH} (CC BY 4.0)"
ATTRIBUTION_EN = f"Data from the Surat Thani Hall of Fame, {PUBLISHER_EN} (CC BY 4.0)"
# Photos are personal data shown with the person's consent: linked, never licensed for reuse.
PHOTO_NOTE = "photo_url links to a photo shown with its subject's consent; photos are not covered by the licence."

HONOREE_FIELDS = (
    "slug",
    "url",
    "name",
    "name_en",
    "kind",
    "district_code",
    "district_th",
    "district_en",
    "network",
    "network_th",
    "network_en",
    "virtues",
    "citation",
    "citation_en",
    "story",
    "story_en",
    "photo_url",
    "photo_alt",
    "meeting",
    "meeting_number",
    "meeting_date",
    "fiscal_year",
)
MEETING_FIELDS = ("slug", "url", "number", "fiscal_year", "fiscal_number", "date", "title", "venue", "honoree_count")
DISTRICT_FIELDS = ("code", "slug", "url", "name_th", "name_en", "honoree_count")
NETWORK_FIELDS = ("slug", "url", "order", "name_th", "name_en", "description_th", "description_en", "honoree_count")


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def public_honorees():
    """Public honorees with the meeting their records show; their district, network and virtues
    come from the shared summary."""
    return Honoree.objects.public().select_related("meeting").order_by("-meeting__date", "district__code", "pk")


def honoree_record(honoree: Honoree, summary) -> dict:
    """One public honoree; the story and the photo only where consent covers them; its district,
    network and virtues from the public summary (honorees/summary.py) of the request."""
    photo = honoree.public_photo
    meeting = honoree.meeting
    district, network = summary.row_of(honoree, "district"), summary.row_of(honoree, "network")
    return {
        "slug": honoree.slug,
        "url": absolute(honoree.get_absolute_url()),
        "name": honoree.name,
        "name_en": honoree.name_en,
        "kind": honoree.kind,
        "district_code": district.code,
        "district_th": district.name_th,
        "district_en": district.name_en,
        "network": network.slug,
        "network_th": network.name_th,
        "network_en": network.name_en,
        "virtues": summary.virtue_slugs_of.get(honoree.pk, []),
        "citation": honoree.citation,
        "citation_en": honoree.citation_en,
        "story": honoree.public_story,
        "story_en": honoree.story_en if honoree.public_story else "",
        "photo_url": absolute(photo.url) if photo else "",
        "photo_alt": honoree.photo_alt if photo else "",
        "meeting": meeting.slug,
        "meeting_number": f"{meeting.number}/{meeting.fiscal_year}",
        "meeting_date": meeting.date.isoformat(),
        "fiscal_year": meeting.fiscal_year,
    }


def meeting_record(meeting) -> dict:
    return {
        "slug": meeting.slug,
        "url": absolute(meeting.get_absolute_url()),
        "number": meeting.number,
        "fiscal_year": meeting.fiscal_year,
        "fiscal_number": meeting.fiscal_number,
        "date": meeting.date.isoformat(),
        "title": meeting.title,
        "venue": meeting.venue,
        "honoree_count": meeting.public_count,
    }


def district_record(district) -> dict:
    return {
        "code": district.code,
        "slug": district.slug,
        "url": absolute(district.get_absolute_url()),
        "name_th": district.name_th,
        "name_en": district.name_en,
        "honoree_count": district.public_count,
    }


def network_record(network) -> dict:
    return {
        "slug": network.slug,
        "url": absolute(network.get_absolute_url()),
        "order": network.order,
        "name_th": network.name_th,
        "name_en": network.name_en,
        "description_th": network.description_th,
        "description_en": network.description_en,
        "honoree_count": network.public_count,
    }


# The moral-province programme (networks/programme), each kind through its own public() rule.
ORGANISATION_FIELDS = ("slug", "url", "kind", "name", "name_en", "district", "network", "level", "level_fiscal_year")
LEARNING_SOURCE_FIELDS = (
    "slug", "url", "name", "name_en", "district", "network", "organisation", "what_you_learn", "address",
    "opening_hours", "latitude", "longitude",
)  # fmt: skip
LESSON_FIELDS = ("slug", "url", "name", "name_en", "network", "summary", "published_at")


def organisation_record(organisation) -> dict:
    return {
        "slug": organisation.slug,
        "url": absolute(organisation.get_absolute_url()),
        "kind": organisation.kind,
        "name": organisation.name,
        "name_en": organisation.name_en,
        "district": organisation.district.slug,
        "network": organisation.network.slug,
        "level": organisation.latest_level,
        "level_fiscal_year": organisation.latest_year,
    }


def learning_source_record(source) -> dict:
    organisation = source.organisation
    return {
        "slug": source.slug,
        "url": absolute(source.get_absolute_url()),
        "name": source.name,
        "name_en": source.name_en,
        "district": source.district.slug,
        "network": source.network.slug,
        "organisation": organisation.slug if organisation else None,  # public() keeps only public ones
        "what_you_learn": source.what_you_learn,
        "address": source.address,
        "opening_hours": source.opening_hours,
        "latitude": float(source.latitude),
        "longitude": float(source.longitude),
    }


def lesson_record(lesson) -> dict:
    return {
        "slug": lesson.slug,
        "url": absolute(lesson.get_absolute_url()),
        "name": lesson.name,
        "name_en": lesson.name_en,
        "network": lesson.network.slug,
        "summary": lesson.summary,
        "published_at": lesson.published_at.isoformat() if lesson.published_at else None,
    }
