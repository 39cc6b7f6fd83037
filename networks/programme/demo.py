# ruff: noqa: E501 (Thai demo text)
"""Demo content of the programme, made up here (load_demo_data calls programme_demo_load):
model organisations at every level over three fiscal years, a dozen learning sources inside
their districts, one lesson per network and a few coaches. Safe to run again."""

import random
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from honorees import demo as honoree_demo
from honorees.models import Honoree
from networks import map as district_map
from networks.models import District, Network, Virtue
from networks.programme.models import (
    Assessment,
    Coach,
    LearningSource,
    Lesson,
    Level,
    ModelOrganisation,
    Status,
)

FISCAL_YEARS = (honoree_demo.DEMO_FISCAL_YEAR - 2, honoree_demo.DEMO_FISCAL_YEAR - 1, honoree_demo.DEMO_FISCAL_YEAR)

# (kind, Thai name, English name, network, summary)
ORGANISATIONS = [
    (
        "school",
        "โรงเรียนบ้านท่าทอง",
        "Ban Tha Thong School",
        "education",
        "โรงเรียนคุณธรรมที่นักเรียนดูแลธนาคารขยะและสวนผักพอเพียง",
    ),
    ("temple", "วัดคลองน้อย", "Wat Khlong Noi", "religion", "วัดที่เปิดลานธรรมให้เด็กและผู้สูงอายุเรียนรู้ศีลห้าทุกวันอาทิตย์"),
    (
        "community",
        "ชุมชนคุณธรรมบ้านบางใบไม้",
        "Ban Bang Bai Mai Moral Community",
        "civil-society",
        "ชุมชนริมคลองที่ร่วมกันดูแลป่าจากและท่องเที่ยวแบบพอเพียง",
    ),
    (
        "organisation",
        "องค์การบริหารส่วนตำบลขุนทะเล",
        "Khun Thale Subdistrict Administrative Organization",
        "government",
        "องค์กรปกครองท้องถิ่นโปร่งใส เปิดเผยงบประมาณต่อชุมชนทุกไตรมาส",
    ),
    (
        "organisation",
        "สหกรณ์การเกษตรมะขามเตี้ย จำกัด",
        "Makham Tia Agricultural Cooperative",
        "private-sector",
        "สหกรณ์ที่ซื้อขายผลผลิตอย่างซื่อตรงและคืนกำไรสู่สวัสดิการสมาชิก",
    ),
    (
        "organisation",
        "สถานีวิทยุชุมชนคนรักตลาด",
        "Talat Community Radio",
        "media",
        "วิทยุชุมชนที่นำเสนอข่าวความดีของคนในอำเภอทุกเช้า",
    ),
    (
        "community",
        "ชุมชนคุณธรรมวัดประดู่",
        "Wat Pradu Moral Community",
        "religion",
        "บวร บ้าน วัด โรงเรียน ร่วมกันสร้างชุมชนปลอดอบายมุข",
    ),
    (
        "school",
        "โรงเรียนบ้านลีเล็ด",
        "Ban Li Let School",
        "education",
        "โรงเรียนที่ใช้ป่าชายเลนเป็นห้องเรียนความพอเพียงและความรับผิดชอบ",
    ),
    (
        "organisation",
        "โรงพยาบาลส่งเสริมสุขภาพตำบลเขาหัวควาย",
        "Khao Hua Khwai Health Promoting Hospital",
        "health-volunteers",
        "หน่วยบริการสุขภาพที่ อสม. ดูแลผู้ป่วยติดเตียงด้วยจิตอาสา",
    ),
    (
        "community",
        "สภาเด็กและเยาวชนตำบลท่าข้าม",
        "Tha Kham Children and Youth Council",
        "children-youth",
        "เยาวชนที่รวมกลุ่มทำความดีและสอนการบ้านน้อง ๆ หลังเลิกเรียน",
    ),
    (
        "district",
        "อำเภอคุณธรรมพุนพิน",
        "Phunphin Moral District",
        "government",
        "อำเภอที่ทุกส่วนราชการประกาศเจตนารมณ์ต่อต้านการทุจริต",
    ),
    ("temple", "วัดป่าร่อน", "Wat Pa Ron", "religion", "วัดที่ทำโรงทานและธนาคารข้าวเพื่อครอบครัวที่ขาดแคลน"),
    (
        "organisation",
        "กลุ่มวิสาหกิจชุมชนผ้าทอเลม็ด",
        "Lamet Weaving Enterprise Group",
        "private-sector",
        "กลุ่มอาชีพที่แบ่งปันรายได้อย่างเป็นธรรมและสืบทอดลายผ้าท้องถิ่น",
    ),
    (
        "community",
        "ชุมชนบ้านตะกุกใต้",
        "Ban Takuk Tai Community",
        "civil-society",
        "ชุมชนต้นน้ำที่ร่วมกันดูแลป่าและแหล่งน้ำด้วยกฎกติกาของชุมชน",
    ),
    ("school", "โรงเรียนบ้านช้างซ้าย", "Ban Chang Sai School", "education", "โรงเรียนที่ฝึกวินัยด้วยร้านค้าซื่อสัตย์ไร้ผู้ขาย"),
    (
        "organisation",
        "สำนักข่าวท้องถิ่นกรูด",
        "Krut Local News",
        "media",
        "สื่อท้องถิ่นที่ตรวจสอบข่าวก่อนเผยแพร่และไม่รับเงินจากการเสนอข่าว",
    ),
    (
        "community",
        "กลุ่มเยาวชนจิตอาสาพลายวาส",
        "Phlai Wat Youth Volunteers",
        "children-youth",
        "เยาวชนที่ดูแลผู้สูงอายุและเก็บขยะชายหาดทุกเดือน",
    ),
    (
        "organisation",
        "อาสาสมัครกู้ภัยทุ่งกง",
        "Thung Kong Rescue Volunteers",
        "health-volunteers",
        "อาสาสมัครที่ออกช่วยเหลือผู้ประสบภัยตลอด 24 ชั่วโมงโดยไม่รับค่าตอบแทน",
    ),
    (
        "organisation",
        "ที่ว่าการอำเภอดอนยาง",
        "Don Yang District Office",
        "government",
        "หน่วยงานที่ให้บริการประชาชนด้วยความซื่อตรงและตรงเวลา",
    ),
    (
        "community",
        "ชุมชนคุณธรรมน้ำพุ",
        "Nam Phu Moral Community",
        "civil-society",
        "ชุมชนที่ทำสัจจะออมทรัพย์และดูแลกันเองยามเจ็บป่วย",
    ),
    (
        "school",
        "วิทยาลัยการอาชีพท่าทอง",
        "Tha Thong Industrial and Community College",
        "education",
        "สถานศึกษาที่นักศึกษาออกซ่อมเครื่องมือการเกษตรให้ชาวบ้านฟรี",
    ),
    ("temple", "มัสยิดบ้านคลองน้อย", "Ban Khlong Noi Mosque", "religion", "ศาสนสถานที่เป็นศูนย์กลางความสามัคคีของชาวพุทธและมุสลิม"),
    (
        "organisation",
        "บริษัทสวนปาล์มพอเพียง จำกัด",
        "Suan Palm Pho Phiang Co., Ltd.",
        "private-sector",
        "ธุรกิจที่จ้างงานคนในชุมชนอย่างเป็นธรรมและดูแลสิ่งแวดล้อม",
    ),
    (
        "community",
        "ชุมชนบ้านมะขามเตี้ย",
        "Ban Makham Tia Community",
        "civil-society",
        "ชุมชนเมืองที่ปลูกผักกินเองและแบ่งปันให้เพื่อนบ้าน",
    ),
    (
        "organisation",
        "ชมรมผู้สูงอายุตำบลบางกุ้ง",
        "Bang Kung Elderly Club",
        "health-volunteers",
        "ผู้สูงอายุที่ถ่ายทอดภูมิปัญญาและดูแลสุขภาพกันเอง",
    ),
    (
        "organisation",
        "ศูนย์เยาวชนอำเภอคีรีรัฐนิคม",
        "Khiri Rat Nikhom Youth Centre",
        "children-youth",
        "ศูนย์ที่เปิดให้เยาวชนเล่นกีฬาและทำกิจกรรมสร้างสรรค์ห่างไกลยาเสพติด",
    ),
    ("organisation", "สถานีโทรทัศน์ชุมชนสมุย", "Samui Community Television", "media", "สื่อชุมชนที่เผยแพร่เรื่องราวคนดีของเกาะสมุย"),
    (
        "organisation",
        "สำนักงานเทศบาลตำบลพนม",
        "Phanom Subdistrict Municipality",
        "government",
        "เทศบาลที่เปิดให้ประชาชนร่วมตัดสินใจโครงการผ่านเวทีประชาคม",
    ),
]
# The level history each organisation follows over the three years (None: not assessed that year).
LEVEL_PATHS = [
    (Level.PROMOTING, Level.MORAL, Level.MODEL),
    (Level.MORAL, Level.MODEL, Level.OUTSTANDING),
    (None, Level.PROMOTING, Level.MORAL),
    (Level.PROMOTING, Level.PROMOTING, Level.MORAL),
    (Level.MODEL, Level.MODEL, Level.MODEL),
    (None, None, Level.PROMOTING),
    (Level.MORAL, Level.MORAL, Level.MODEL),
]
LEARNING_SOURCES = [
    (
        "ฟาร์มเศรษฐกิจพอเพียงบ้านบางใบไม้",
        "Bang Bai Mai Sufficiency Farm",
        "การทำเกษตรผสมผสาน การทำบัญชีครัวเรือน และการแปรรูปผลผลิตตามหลักปรัชญาของเศรษฐกิจพอเพียง",
    ),
    ("ลานธรรมวัดคลองน้อย", "Wat Khlong Noi Dhamma Ground", "การฝึกสมาธิ การรักษาศีลห้า และกิจกรรมจิตอาสาของวัดร่วมกับชุมชน"),
    (
        "ธนาคารขยะโรงเรียนบ้านท่าทอง",
        "Ban Tha Thong School Waste Bank",
        "การคัดแยกขยะ การออมจากขยะรีไซเคิล และวินัยในการดูแลสิ่งแวดล้อม",
    ),
    ("ห้องเรียนป่าชายเลนบ้านลีเล็ด", "Ban Li Let Mangrove Classroom", "ระบบนิเวศป่าชายเลน การปลูกป่า และการใช้ทรัพยากรอย่างพอเพียง"),
    ("ศูนย์เรียนรู้ผ้าทอเลม็ด", "Lamet Weaving Learning Centre", "การทอผ้าลายท้องถิ่น การบริหารกลุ่มอาชีพอย่างซื่อตรง และการแบ่งปันรายได้"),
    ("ร้านค้าซื่อสัตย์โรงเรียนบ้านช้างซ้าย", "Ban Chang Sai Honesty Shop", "ร้านค้าไร้ผู้ขายที่ฝึกความซื่อสัตย์และวินัยของนักเรียน"),
    ("ธนาคารข้าววัดป่าร่อน", "Wat Pa Ron Rice Bank", "การจัดการธนาคารข้าวและโรงทานเพื่อช่วยเหลือผู้ขาดแคลน"),
    ("ป่าต้นน้ำชุมชนตะกุกใต้", "Takuk Tai Community Watershed Forest", "การจัดการป่าต้นน้ำโดยชุมชนและกฎกติกาที่ชุมชนร่วมกันตั้ง"),
    ("สวนผักคนเมืองมะขามเตี้ย", "Makham Tia Urban Vegetable Garden", "การปลูกผักในพื้นที่จำกัดและการแบ่งปันผลผลิตในชุมชน"),
    ("ศูนย์อาสากู้ภัยทุ่งกง", "Thung Kong Rescue Volunteer Centre", "การปฐมพยาบาลเบื้องต้นและการเป็นอาสาสมัครช่วยเหลือผู้ประสบภัย"),
    ("บ้านภูมิปัญญาผู้สูงอายุบางกุ้ง", "Bang Kung Elders' Wisdom House", "ภูมิปัญญาการทำขนมพื้นบ้านและการดูแลสุขภาพแบบพึ่งตนเอง"),
    ("สัจจะออมทรัพย์ชุมชนน้ำพุ", "Nam Phu Community Savings Group", "การออมด้วยสัจจะ การบริหารกองทุนอย่างโปร่งใส และสวัสดิการชุมชน"),
]
LESSON_BODY = """## จุดเริ่มต้น
{network}เริ่มจากการชวนสมาชิกมาคุยกันว่า "ปัญหาที่อยากแก้" ของพื้นที่คืออะไร และ "ความดีที่อยากทำ" ร่วมกันคืออะไร แล้วเลือกคุณธรรมเป้าหมายที่ทุกคนทำได้จริง

## วิธีขับเคลื่อน
ตั้งกติกาของกลุ่มให้ชัด มีผู้รับผิดชอบแต่ละเรื่อง และรายงานผลต่อที่ประชุมทุกเดือน องค์กรที่ทำได้ดีเป็นพี่เลี้ยงให้องค์กรใหม่ โดยมีโค้ชที่ผ่านการอบรมช่วยติดตาม

[รูป 1]

## สิ่งที่ได้เรียนรู้
ความดีเริ่มจากเรื่องเล็กที่ทำทุกวัน เมื่อทำต่อเนื่องและมีคนเห็น คนอื่นก็อยากทำตาม จึงขยายผลไปยังหน่วยงานและอำเภออื่นได้"""
COACH_ROLES = [
    "โค้ชการประเมินตนเองตามเกณฑ์ชุมชนคุณธรรม",
    "พี่เลี้ยงการถอดบทเรียนและการเขียนแผนคุณธรรม",
    "โค้ชการขับเคลื่อนเครือข่ายเยาวชนคุณธรรม",
    "ที่ปรึกษาการจัดตั้งแหล่งเรียนรู้",
]


def point_inside(district_code: str, rng: random.Random) -> tuple[float, float]:
    """A point (lon, lat) inside the district's boundary, found by sampling its bounding box."""
    polygons = [polygon for code, polygon in district_map._district_polygons() if code == district_code]
    outer = max(polygons, key=lambda p: len(p[0]))[0]
    lons, lats = [p[0] for p in outer], [p[1] for p in outer]
    while True:
        lon, lat = round(rng.uniform(min(lons), max(lons)), 5), round(rng.uniform(min(lats), max(lats)), 5)
        if district_map.district_code_at(lon, lat) == district_code:
            return lon, lat


def _photo(record, seed: int, kind: str) -> None:
    record.photo.save("photo.jpg", ContentFile(honoree_demo.portrait_jpeg(seed, kind)), save=False)


@transaction.atomic
def programme_demo_load() -> dict:
    rng = random.Random(2569)
    districts = list(District.objects.order_by("code"))
    networks = {n.slug: n for n in Network.objects.all()}
    virtues = list(Virtue.objects.order_by("order"))
    now = timezone.now()
    organisations = []
    for index, (kind, name, name_en, network, summary) in enumerate(ORGANISATIONS):
        district = districts[index % len(districts)]
        organisation = ModelOrganisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = ModelOrganisation(
                kind=kind,
                name=name,
                name_en=name_en,
                district=district,
                network=networks[network],
                summary=summary,
                description=f"{summary}\n\nเริ่มดำเนินการตั้งแต่ปี {FISCAL_YEARS[0] - 3} โดยความร่วมมือของบ้าน วัด โรงเรียน และหน่วยงานในอำเภอ{district.name_th}",
                problems_to_solve="การใช้จ่ายเกินตัว ขยะในชุมชน และเยาวชนขาดพื้นที่ทำกิจกรรมสร้างสรรค์",
                goodness_to_do="ออมก่อนใช้ คัดแยกขยะ และเปิดพื้นที่ให้เด็กและเยาวชนทำความดีร่วมกัน",
                contact_is_public=index % 3 != 2,
                contact_person=f"ผู้ประสานงาน{name}",
                contact_phone=f"077-{200000 + index * 137:06d}"[:11],
                status=Status.PUBLISHED if index < len(ORGANISATIONS) - 2 else Status.PROPOSED,
                published_at=now,
            )
            _photo(organisation, 20_000 + index, "organization")
            organisation.full_clean()
            organisation.save()
            organisation.target_virtues.set(rng.sample(virtues, 2))
            for year, level in zip(FISCAL_YEARS, LEVEL_PATHS[index % len(LEVEL_PATHS)], strict=True):
                if level:
                    Assessment.objects.create(organisation=organisation, fiscal_year=year, level=level)
        organisations.append(organisation)
    _link_honorees(organisations)
    sources = _learning_sources(organisations, networks, rng, now)
    lessons = _lessons(organisations, networks, now)
    coaches = _coaches(organisations, now)
    return {"organisations": len(organisations), "learning_sources": sources, "lessons": lessons, "coaches": coaches}


def _link_honorees(organisations) -> None:
    """Each organisation gets the public honorees of its district and network that have none yet (one or two)."""
    for organisation in organisations:
        if organisation.honorees.exists():
            continue
        ids = list(
            Honoree.objects.public()
            .filter(district=organisation.district, network=organisation.network, model_organisation__isnull=True)
            .order_by("pk")
            .values_list("pk", flat=True)[:2]
        )
        Honoree.objects.filter(pk__in=ids).update(model_organisation=organisation)


def _learning_sources(organisations, networks, rng, now) -> int:
    for index, (name, name_en, what) in enumerate(LEARNING_SOURCES):
        if LearningSource.objects.filter(name=name).exists():
            continue
        organisation = organisations[[2, 1, 0, 7, 12, 14, 11, 13, 23, 17, 24, 19][index]]
        lon, lat = point_inside(organisation.district.code, rng)
        source = LearningSource(
            name=name,
            name_en=name_en,
            organisation=organisation,
            district=organisation.district,
            network=organisation.network,
            what_you_learn=what,
            address=f"หมู่ {index % 9 + 1} ตำบล{organisation.district.name_th} อำเภอ{organisation.district.name_th} จังหวัดสุราษฎร์ธานี",
            opening_hours="จันทร์–ศุกร์ 08.30–16.30 น." if index % 2 else "ทุกวัน 09.00–17.00 น.",
            how_to_book=f"โทรนัดล่วงหน้า 3 วัน {organisation.contact_phone} (คณะละไม่เกิน 40 คน)",
            latitude=f"{lat:.5f}",
            longitude=f"{lon:.5f}",
            status=Status.PUBLISHED,
            published_at=now,
        )
        _photo(source, 30_000 + index, "community")
        source.full_clean()
        source.save()
    return LearningSource.objects.count()


def _lessons(organisations, networks, now) -> int:
    for network in networks.values():
        if Lesson.objects.filter(network=network).exists():
            continue
        lesson = Lesson(
            network=network,
            name=f"ถอดบทเรียนโมเดล{network.name_th}",
            name_en=f"Lessons from the {network.name_en} network model",
            slug=f"lessons-{network.slug}",
            summary=f"วิธีที่{network.name_th}ขับเคลื่อนจังหวัดคุณธรรมสุราษฎร์ธานี และสิ่งที่หน่วยงานอื่นนำไปใช้ได้",
            body=LESSON_BODY.format(network=network.name_th),
            status=Status.PUBLISHED,
            published_at=now,
        )
        lesson.full_clean()
        lesson.save()
        image = lesson.images.model(lesson=lesson, order=1, caption=f"เวทีถอดบทเรียนของ{network.name_th}")
        _photo(image, 40_000 + network.order, "group")
        image.save()
        lesson.organisations.set([o for o in organisations if o.network_id == network.pk][:3])
        lesson.honorees.set(Honoree.objects.public().filter(network=network).order_by("pk")[:2])
    return Lesson.objects.count()


def _coaches(organisations, now) -> int:
    people = honoree_demo.FIRST_NAMES
    for index, organisation in enumerate(organisations[:8]):
        first, first_en = people[(index * 5) % len(people)]
        last, last_en = honoree_demo.SURNAMES[(index * 3) % len(honoree_demo.SURNAMES)]
        name = f"{'นาย' if index % 2 == 0 else 'นาง'}{first} {last}"
        if Coach.objects.filter(name=name).exists():
            continue
        coach = Coach(
            name=name,
            name_en=f"{first_en} {last_en}",
            organisation=organisation,
            network=organisation.network,
            district=organisation.district,
            role=COACH_ROLES[index % len(COACH_ROLES)],
            story="ผ่านการอบรมโค้ชคุณธรรมของศูนย์คุณธรรม และเป็นพี่เลี้ยงให้องค์กรในอำเภอ",
            consent_given_on=date(2025, 11, 1),
            consent_method=Coach.ConsentMethod.WRITTEN,
            consent_covers_name=True,
            consent_covers_photo=True,
            consent_covers_story=True,
            status=Status.PUBLISHED,
            published_at=now,
        )
        coach.full_clean()
        coach.save()
    return Coach.objects.count()
