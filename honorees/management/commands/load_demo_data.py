import random
from datetime import timedelta

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
    help = "โหลดข้อมูลตัวอย่าง: การประชุม 12 เดือนของปีงบประมาณหนึ่ง อำเภอละ 1 รายต่อเดือน (เรียกซ้ำได้)"

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
        plans = demo.build_honorees(districts, networks, rng, 12 * len(districts) + 6)
        dates = demo.meeting_dates(demo.DEMO_FISCAL_YEAR)
        with transaction.atomic():
            meetings = [self.meeting(day, published=True) for day in dates]
            for index, plan in enumerate(plans[: 12 * len(districts)]):
                meeting = meetings[index // len(districts)]
                self.honoree(index, plan, networks, virtues, meeting=meeting, status=Honoree.Status.PUBLISHED)
            next_meeting = self.meeting(demo.meeting_dates(demo.DEMO_FISCAL_YEAR + 1)[0], published=False)
            self.staff_work(plans[12 * len(districts) :], networks, virtues, next_meeting)
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
                "published_at": timezone.now() if published else None,
            },
        )
        return meeting

    def honoree(self, seed, plan, networks, virtues, *, meeting, status, **extra):
        district, name, name_en, kind, network, citation, story, virtue_slugs = plan
        slug = slugify(name_en)[:70]
        honoree = Honoree.objects.filter(slug=slug).first()
        if honoree:
            return honoree
        honoree = Honoree(
            slug=slug,
            kind=kind,
            name=name,
            name_en=name_en,
            district=district,
            network=networks[network],
            citation=citation,
            story=story,
            photo_alt=f"ภาพประกอบของ{name}",
            meeting=meeting,
            status=status,
            published_at=timezone.now() if status == Honoree.Status.PUBLISHED else None,
            **extra,
        )
        if kind == Honoree.Kind.PERSON:
            honoree.consent_given_on = (meeting.date if meeting else timezone.localdate()) - timedelta(days=20)
            honoree.consent_method = Honoree.ConsentMethod.WRITTEN
            honoree.consent_covers_name = honoree.consent_covers_photo = honoree.consent_covers_story = True
            honoree.contact_phone = f"08{seed:08d}"[:10]
        honoree.photo.save("portrait.jpg", ContentFile(demo.portrait_jpeg(seed, kind)), save=False)
        honoree.full_clean()
        honoree.save()
        honoree.virtues.set([virtues[v] for v in virtue_slugs])
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
