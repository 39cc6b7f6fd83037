import random
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from honorees import demo
from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District, Network, Virtue
from networks.programme.demo import programme_demo_load
from networks.reference import DISTRICTS, NETWORKS, VIRTUES


class Command(BaseCommand):
    help = "โหลดข้อมูลตัวอย่าง: ปีแรกของโครงการที่อำเภอทยอยเข้าร่วม และอีกหนึ่งปีงบประมาณเต็ม อำเภอละ 1 รายต่อเดือน (เรียกซ้ำได้)"

    def handle(self, *args, **options):
        districts = list(District.objects.order_by("code"))
        networks = {n.slug: n for n in Network.objects.all()}
        virtues = {v.slug: v for v in Virtue.objects.all()}
        missing = (
            {code for code, *_ in DISTRICTS} - {d.code for d in districts}
            or {slug for _, slug, *_ in NETWORKS} - set(networks)
            or {slug for _, slug, *_ in VIRTUES} - set(virtues)
        )
        if missing:
            raise CommandError(
                f"ไม่พบข้อมูลอ้างอิง (อำเภอ/เครือข่าย/คุณธรรม): {', '.join(sorted(missing))} "
                "— โปรดรัน python manage.py migrate ก่อน"
            )
        rng = random.Random(demo.DEMO_FISCAL_YEAR)
        first_year = demo.joining_calendar(districts, rng, demo.DEMO_FISCAL_YEAR - 1)
        places = len(districts) * 12 + sum(len(taking_part) for _, taking_part in first_year)
        plans = iter(demo.build_honorees(districts, networks, rng, places + 6))
        full_year = [(day, districts) for day in demo.meeting_dates(demo.DEMO_FISCAL_YEAR)]
        with transaction.atomic():
            meetings = []
            for day, taking_part in first_year + full_year:
                meetings.append(meeting := self.meeting(day, published=True))
                for district in taking_part:
                    plan = next(plans)
                    plan.district = district
                    self.honoree(len(meetings) * 100 + district.pk, plan, networks, virtues, meeting=meeting,
                                 status=Honoree.Status.PUBLISHED)  # fmt: skip
            next_meeting = self.meeting(demo.next_meeting_date(timezone.localdate()), published=False)
            self.staff_work(list(plans), networks, virtues, next_meeting)
        programme = programme_demo_load()
        public = Honoree.objects.public().count()
        self.stdout.write(
            self.style.SUCCESS(
                f"ข้อมูลตัวอย่างพร้อม: การประชุม {len(meetings)} ครั้ง ผู้ได้รับการยกย่องที่เผยแพร่ {public} ราย, "
                f"องค์กรต้นแบบ {programme['organisations']} แห่ง แหล่งเรียนรู้ {programme['learning_sources']} แห่ง "
                f"บทเรียน {programme['lessons']} เรื่อง"
            )
        )

    def meeting(self, day, *, published):
        meeting, _ = Meeting.objects.get_or_create(
            date=day,
            defaults={
                "venue": demo.VENUE,
                "announcement": "จังหวัดสุราษฎร์ธานีขอประกาศยกย่องเชิดชูคนดีประจำเดือน เพื่อให้คนดีมีที่ยืน และความดีมีพื้นที่ในสังคม",
                "is_published": published,
                "published_at": _published_after(day) if published else None,
            },
        )
        return meeting

    def honoree(self, seed, plan, networks, virtues, *, meeting, status, **extra):
        slug = slugify(plan.name_en)[:70]
        honoree = Honoree.objects.filter(slug=slug).first()
        if honoree:
            return honoree
        honoree = Honoree(
            slug=slug,
            kind=plan.kind,
            name=plan.name,
            name_en=plan.name_en,
            district=plan.district,
            network=networks[plan.network],
            citation=plan.citation,
            citation_en=plan.citation_en,
            story=plan.story,
            story_en=plan.story_en,
            photo_alt=f"ภาพประกอบของ{plan.name}",
            meeting=meeting,
            status=status,
            published_at=meeting.published_at if status == Honoree.Status.PUBLISHED else None,
            **extra,
        )
        if plan.kind == Honoree.Kind.PERSON:
            consent_on = min(meeting.date if meeting else date.max, timezone.localdate()) - timedelta(days=20)
            honoree.consent_given_on = consent_on
            honoree.consent_method = Honoree.ConsentMethod.WRITTEN
            honoree.consent_covers_name = honoree.consent_covers_photo = honoree.consent_covers_story = True
            honoree.contact_phone = f"08{seed:08d}"[:10]
            if plan.is_minor:
                surname = plan.name.split()[-1]
                honoree.is_minor = True
                honoree.guardian_name = f"นาง{demo.WOMEN[seed % len(demo.WOMEN)][0]} {surname}"
                honoree.guardian_consent_on = consent_on
        portrait = demo.portrait_jpeg(seed, plan.kind, initial=plan.initial, colour=demo.NETWORK_COLOURS[plan.network])
        honoree.photo.save("portrait.jpg", ContentFile(portrait), save=False)
        honoree.full_clean()
        honoree.save()
        honoree.virtues.set([virtues[v] for v in plan.virtues])
        return honoree

    def staff_work(self, plans, networks, virtues, next_meeting):
        """A few candidates for the next meeting, at each step of the workflow, for staff to work on."""
        steps = [
            (Honoree.Status.DRAFT, None, {}),
            (Honoree.Status.DRAFT, None, {}),
            (Honoree.Status.NOMINATED, None, {}),
            (Honoree.Status.NOMINATED, None, {}),
            (Honoree.Status.APPROVED, next_meeting, {}),
            (Honoree.Status.REJECTED, None, {"rejection_reason": "ข้อมูลผลงานยังไม่ครบ โปรดแนบหลักฐานเพิ่มเติม"}),
        ]
        for index, (plan, (status, meeting, fields)) in enumerate(zip(plans, steps, strict=False)):
            self.honoree(10_000 + index, plan, networks, virtues, meeting=meeting, status=status, **fields)


def _published_after(day):
    """A demo meeting goes public on its afternoon, as a real one does, not when the data was
    loaded: the feed and the meeting pages date the honour by it."""
    return min(timezone.make_aware(datetime.combine(day, time(16, 30))), timezone.now())
