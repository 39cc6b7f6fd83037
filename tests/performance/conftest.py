"""A site big enough to show N+1 queries: 60 public honorees over 4 meetings, with photos and
virtues, beside honorees the public must never see."""

from datetime import date

import pytest

from halloffame import thai
from honorees.models import Honoree
from networks.models import District, Network, Virtue
from tests.factories import make_honoree, make_meeting, uploaded_jpeg


@pytest.fixture
def site(db):
    return build_site(months=(3, 4, 5, 6), per_meeting=15)


@pytest.fixture
def small_site(db):
    return build_site(months=(5, 6), per_meeting=4)


def build_site(*, months, per_meeting):
    districts = list(District.objects.order_by("code"))
    networks = list(Network.objects.order_by("order"))
    virtues = list(Virtue.objects.order_by("order"))
    meetings = [make_meeting(day=date(2024, month, 20)) for month in months]
    public = []
    for m, meeting in enumerate(meetings):
        for d, district in enumerate(districts[:per_meeting]):
            index = m * per_meeting + d
            honoree = make_honoree(
                meeting=meeting,
                district=district,
                network=networks[index % len(networks)],
                kind=Honoree.Kind.PERSON if index % 3 else Honoree.Kind.ORGANIZATION,
                name=f"นายสมพร ผู้มีน้ำใจ{index}" if index % 2 else f"นางสมศรี ใจดี{index}",
                name_en=f"Somporn Number {index}",
                photo=uploaded_jpeg(),
                photo_alt="ภาพบุคคล",
            )
            honoree.virtues.set(virtues[: 1 + index % 3])
            public.append(honoree)
    draft = make_honoree(meeting=None, status=Honoree.Status.DRAFT, name="นายร่าง ยังไม่เผยแพร่", name_en="Draft Person")
    unpublished = make_meeting(published=False, day=date(2024, 7, 20))
    approved = make_honoree(
        meeting=unpublished, status=Honoree.Status.APPROVED, name="นางอนุมัติ รอประกาศ", name_en="Approved Person"
    )
    return {"public": public, "meetings": meetings, "draft": draft, "approved": approved}


def public_urls(site) -> list[str]:
    honoree = site["public"][0]
    meeting = site["meetings"][0]
    district = honoree.district
    network = honoree.network
    virtue = Virtue.objects.order_by("order").first()
    year = thai.be_year(meeting.date)
    return [
        "/",
        "/en/",
        "/honorees/",
        "/en/honorees/",
        f"/honorees/?district={district.slug}",
        f"/honorees/?network={network.slug}",
        "/honorees/?kind=person",
        f"/honorees/?year={year}",
        f"/honorees/?virtue={virtue.slug}",
        f"/honorees/?district={district.slug}&kind=person&year={year}&virtue={virtue.slug}",
        "/honorees/?q=สม",
        "/honorees/?q=Somporn",
        "/honorees/?sort=name",
        "/honorees/?page=2",
        honoree.get_absolute_url(),
        f"/en{honoree.get_absolute_url()}",
        "/districts/",
        district.get_absolute_url(),
        "/networks/",
        network.get_absolute_url(),
        "/meetings/",
        meeting.get_absolute_url(),
        "/feeds/honorees/",
        "/sitemap.xml",
        "/robots.txt",
    ]
