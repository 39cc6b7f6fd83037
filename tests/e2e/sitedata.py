"""A small public site for the browser tests: one published meeting with honorees of every kind
in several districts and networks, with real photos, and one older meeting."""

from dataclasses import dataclass
from datetime import date

from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District, Network, Virtue
from tests.factories import make_honoree, make_meeting, uploaded_jpeg


@dataclass
class PublicSite:
    meeting: Meeting
    older_meeting: Meeting
    honoree: Honoree  # the one the journeys follow: a person with a photo in Ko Samui
    district: District
    network: Network
    others: list[Honoree]

    @property
    def all_honorees(self) -> list[Honoree]:
        return [self.honoree, *self.others]


def build_public_site() -> PublicSite:
    meeting = make_meeting(day=date(2025, 10, 28), announcement="ประกาศยกย่องเชิดชูคนดีประจำเดือนตุลาคม")
    older = make_meeting(day=date(2025, 9, 24))
    samui = District.objects.get(code="8404")
    education = Network.objects.get(slug="education")
    honoree = make_honoree(
        meeting=meeting,
        district=samui,
        network=education,
        name="นางมาลี ศรีสุข",
        name_en="Mrs. Malee Srisuk",
        citation="ครูผู้สอนเด็กบนเกาะให้รักการอ่านมากว่าสามสิบปี",
        story="ครูมาลีเริ่มสอนหนังสือที่เกาะสมุยตั้งแต่ปี 2530\n\nทุกเย็นเปิดบ้านเป็นห้องสมุดให้เด็ก ๆ ในชุมชน",
        photo=uploaded_jpeg(size=(900, 1200), color=(170, 120, 90)),
        photo_alt="ครูมาลียิ้มหน้าห้องสมุดบ้าน",
    )
    honoree.virtues.set(Virtue.objects.filter(slug__in=["volunteer-spirit", "discipline"]))
    others = [
        make_honoree(
            meeting=meeting,
            district=District.objects.get(code="8401"),
            network=Network.objects.get(slug="religion"),
            name="พระครูสุวรรณธรรมโชติ",
            name_en="Phrakhru Suwannathammachot",
            citation="พัฒนาวัดเป็นศูนย์เรียนรู้ของชุมชน",
        ),
        make_honoree(
            meeting=meeting,
            district=District.objects.get(code="8417"),
            network=Network.objects.get(slug="civil-society"),
            kind=Honoree.Kind.COMMUNITY,
            name="ชุมชนบ้านท่าข้าม",
            name_en="Ban Tha Kham Community",
            citation="ชุมชนที่ร่วมกันดูแลแม่น้ำตาปี",
            consent_given_on=None,
            consent_covers_name=False,
        ),
        make_honoree(
            meeting=older,
            district=samui,
            network=Network.objects.get(slug="health-volunteers"),
            name="นายสมชาย ใจดี",
            name_en="Mr. Somchai Jaidee",
            citation="อาสาสมัครกู้ภัยทางทะเล",
            photo=uploaded_jpeg(size=(1200, 800), color=(60, 110, 160)),
            photo_alt="นายสมชายบนเรือกู้ภัย",
        ),
    ]
    return PublicSite(
        meeting=meeting, older_meeting=older, honoree=honoree, district=samui, network=education, others=others
    )


def public_pages(*, honoree: Honoree, meeting: Meeting, district: District, network: Network) -> list[tuple[str, str]]:
    """Every public page type as (name, path), in the order a visitor meets them."""
    from django.urls import NoReverseMatch, reverse
    from django.utils.translation import override

    with override("th"):
        documents = [
            ("announcement", reverse("meetings:announcement", args=[meeting.slug])),
            ("slide", reverse("meetings:present", args=[meeting.slug]) + "#2"),
            ("verify", reverse("verify-form")),
        ]
    pages = [
        ("home", "/"),
        ("honoree-list", "/honorees/"),
        ("honoree-list-filtered", f"/honorees/?district={district.slug}&network={network.slug}"),
        ("honoree-search", "/honorees/?q=" + honoree.name.split()[-1]),
        ("profile", honoree.get_absolute_url()),
        ("districts-map", "/districts/"),
        ("district", district.get_absolute_url()),
        ("networks", "/networks/"),
        ("network", network.get_absolute_url()),
        ("meetings", "/meetings/"),
        ("meeting", meeting.get_absolute_url()),
        *documents,
        ("statistics", "/statistics/"),
        ("statistics-filtered", f"/statistics/?fiscal_year={meeting.fiscal_year}&network={network.slug}"),
        ("districts-map-year", f"/districts/?fiscal_year={meeting.fiscal_year}"),
        ("home-en", "/en/"),
        ("statistics-en", "/en/statistics/"),
        ("profile-en", "/en" + honoree.get_absolute_url()),
    ]
    with override("th"):
        for name, url_name in [
            ("privacy", "privacy"),
            ("about", "about"),
            ("suggest", "suggestions:suggest"),
            ("suggest-status", "suggestions:status"),
        ]:
            try:
                pages.append((name, reverse(url_name)))
            except NoReverseMatch:
                pass  # the page does not exist (yet) on this site
    pages += programme_pages()
    pages.append(("not-found", "/honorees/no-such-person-here/"))
    return pages


def programme_pages() -> list[tuple[str, str]]:
    """/models/, /learning/, /lessons/ and, where the data has them, one page of each kind."""
    from networks.programme.models import LearningSource, Lesson, ModelOrganisation

    pages = [
        ("models", "/models/"),
        ("models-progress", "/models/progress/"),
        ("learning-map", "/learning/"),
        ("lessons", "/lessons/"),
    ]
    for name, model in [("model", ModelOrganisation), ("learning-source", LearningSource), ("lesson", Lesson)]:
        record = model.objects.public().order_by("pk").first()
        if record:
            pages.append((name, record.get_absolute_url()))
    return pages
