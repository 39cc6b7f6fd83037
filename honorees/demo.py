"""Believable Thai demo content, made up here: nothing is fetched from anywhere."""

import io
import random
from datetime import date, timedelta

from PIL import Image, ImageDraw

from halloffame import thai

FIRST_NAMES = [
    ("สมชาย", "Somchai"), ("สมศรี", "Somsri"), ("ประเสริฐ", "Prasert"), ("มาลี", "Malee"),
    ("วิชัย", "Wichai"), ("สุนีย์", "Sunee"), ("บุญมี", "Boonmee"), ("อรุณี", "Arunee"),
    ("ธีระ", "Thira"), ("กาญจนา", "Kanchana"), ("เฉลิม", "Chaloem"), ("นงลักษณ์", "Nongluck"),
    ("สุรชัย", "Surachai"), ("ปราณี", "Pranee"), ("ไพโรจน์", "Pairoj"), ("อำไพ", "Ampai"),
    ("เกษม", "Kasem"), ("วันเพ็ญ", "Wanpen"), ("สมพงษ์", "Sompong"), ("ละเอียด", "La-iad"),
    ("ชูชาติ", "Chuchat"), ("จันทร์เพ็ญ", "Chanpen"), ("โชคชัย", "Chokchai"), ("บุษบา", "Butsaba"),
    ("ณรงค์", "Narong"), ("พรทิพย์", "Pornthip"), ("อนันต์", "Anan"), ("ศิริพร", "Siriporn"),
    ("เอกชัย", "Ekkachai"), ("รัตนา", "Rattana"), ("ไพศาล", "Paisan"), ("ยุพิน", "Yupin"),
]  # fmt: skip
SURNAMES = [
    ("ใจดี", "Jaidee"), ("ศรีสุข", "Srisuk"), ("ทองคำ", "Thongkham"), ("แก้วมณี", "Kaewmanee"),
    ("บุญเรือง", "Boonrueang"), ("รักษ์ไทย", "Rakthai"), ("เพชรรัตน์", "Phetcharat"), ("สุวรรณรัตน์", "Suwannarat"),
    ("ชูช่วย", "Chuchuay"), ("นาคสวัสดิ์", "Naksawat"), ("ขุนทอง", "Khunthong"), ("ทิพย์มณี", "Thipmanee"),
    ("ปานแก้ว", "Pankaew"), ("เอียดแก้ว", "Iadkaew"), ("ไชยรัตน์", "Chaiyarat"), ("แสงอรุณ", "Saeng-arun"),
]  # fmt: skip
ORGANIZATIONS = [
    ("โรงเรียนบ้าน{place}", "Ban {place_en} School", "education"),
    ("วัด{place}", "Wat {place_en}", "religion"),
    ("โรงพยาบาลส่งเสริมสุขภาพตำบล{place}", "{place_en} Health Promoting Hospital", "health-volunteers"),
    ("องค์การบริหารส่วนตำบล{place}", "{place_en} Subdistrict Administrative Organization", "government"),
    ("สหกรณ์การเกษตร{place} จำกัด", "{place_en} Agricultural Cooperative", "private-sector"),
    ("สถานีวิทยุชุมชนคนรัก{place}", "{place_en} Community Radio", "media"),
]
GROUPS = [
    ("กลุ่มอาสาสมัครกู้ภัย{place}", "{place_en} Rescue Volunteers", "health-volunteers"),
    ("กลุ่มเยาวชนจิตอาสา{place}", "{place_en} Youth Volunteers", "children-youth"),
    ("กลุ่มวิสาหกิจชุมชนผ้าทอ{place}", "{place_en} Weaving Enterprise Group", "private-sector"),
    ("สภาเด็กและเยาวชน{place}", "{place_en} Children and Youth Council", "children-youth"),
    ("กลุ่มอนุรักษ์ป่าชายเลน{place}", "{place_en} Mangrove Conservation Group", "civil-society"),
]
COMMUNITIES = [
    ("ชุมชนคุณธรรม{place}", "{place_en} Moral Community", "civil-society"),
    ("ชุมชนบ้าน{place}", "Ban {place_en} Community", "civil-society"),
]
PLACES = [
    ("ท่าทอง", "Tha Thong"), ("คลองน้อย", "Khlong Noi"), ("บางใบไม้", "Bang Bai Mai"), ("ขุนทะเล", "Khun Thale"),
    ("มะขามเตี้ย", "Makham Tia"), ("ตลาด", "Talat"), ("บางกุ้ง", "Bang Kung"), ("วัดประดู่", "Wat Pradu"),
    ("ลีเล็ด", "Li Let"), ("เขาหัวควาย", "Khao Hua Khwai"), ("ท่าข้าม", "Tha Kham"), ("ป่าร่อน", "Pa Ron"),
    ("เลม็ด", "Lamet"), ("ตะกุกใต้", "Takuk Tai"), ("ช้างซ้าย", "Chang Sai"), ("กรูด", "Krut"),
    ("พลายวาส", "Phlai Wat"), ("ทุ่งกง", "Thung Kong"), ("ดอนยาง", "Don Yang"), ("น้ำพุ", "Nam Phu"),
]  # fmt: skip
PERSON_ROLES = {
    "government": ("ปลัดอำเภอ", "ผู้ใหญ่บ้าน", "กำนัน"),
    "private-sector": ("เจ้าของร้านค้าชุมชน", "ผู้ประกอบการสวนปาล์ม", "ประธานกลุ่มออมทรัพย์"),
    "education": ("ครูโรงเรียนประจำตำบล", "ครูภูมิปัญญาไทย", "ผู้อำนวยการโรงเรียน"),
    "religion": ("มัคนายกวัด", "อิหม่ามประจำมัสยิด", "ผู้นำศาสนาในชุมชน"),
    "media": ("ผู้ประกาศวิทยุชุมชน", "ช่างภาพสื่อท้องถิ่น", "นักเขียนสารคดีท้องถิ่น"),
    "civil-society": ("ประธานชุมชน", "แกนนำกลุ่มแม่บ้าน", "ปราชญ์ชาวบ้าน"),
    "children-youth": ("ประธานสภาเด็กและเยาวชน", "นักเรียนจิตอาสา", "แกนนำเยาวชน"),
    "health-volunteers": ("อาสาสมัครสาธารณสุขประจำหมู่บ้าน", "อาสาสมัครกู้ภัย", "พยาบาลวิชาชีพ"),
}
DEEDS = {
    "government": "ทำงานรับใช้ประชาชนด้วยความซื่อสัตย์ ไกล่เกลี่ยข้อพิพาทในหมู่บ้านจนเกิดความสามัคคี",
    "private-sector": "ประกอบธุรกิจอย่างซื่อตรง แบ่งปันรายได้ส่วนหนึ่งเป็นทุนการศึกษาแก่เด็กในชุมชน",
    "education": "อุทิศตนสอนหนังสือและปลูกฝังคุณธรรมแก่นักเรียน ทั้งในและนอกเวลาราชการ",
    "religion": "เป็นที่พึ่งทางใจของชาวบ้าน ฟื้นฟูประเพณีชักพระและงานบุญของชุมชน",
    "media": "เผยแพร่เรื่องราวคนดีและข่าวสารที่เป็นประโยชน์แก่ชุมชนอย่างต่อเนื่อง",
    "civil-society": "รวมพลังชาวบ้านดูแลสิ่งแวดล้อมและผู้สูงอายุ จนชุมชนเข้มแข็งพึ่งพาตนเองได้",
    "children-youth": "ชักชวนเพื่อนเยาวชนทำความดี เก็บขยะชายหาดและช่วยงานวัดทุกเดือน",
    "health-volunteers": "ดูแลสุขภาพผู้ป่วยติดเตียงและผู้สูงอายุในหมู่บ้านโดยไม่หวังสิ่งตอบแทน",
}
STORY_CLOSINGS = [
    "ชาวบ้านต่างยกย่องว่าเป็นแบบอย่างของความเพียรและความเสียสละ",
    "ผลงานดังกล่าวได้รับการขยายผลไปยังหมู่บ้านใกล้เคียงอีกหลายแห่ง",
    "แม้ในช่วงน้ำท่วมใหญ่ก็ยังออกช่วยเหลือผู้ประสบภัยจนถึงวันสุดท้าย",
    "เป็นแรงบันดาลใจให้คนรุ่นใหม่ในอำเภอหันมาทำความดีเพื่อส่วนรวม",
]
VIRTUE_SLUGS = ["sufficiency", "discipline", "honesty", "volunteer-spirit", "gratitude"]
VENUE = "ห้องประชุมศาลากลางจังหวัดสุราษฎร์ธานี"
DEMO_FISCAL_YEAR = 2569
PALETTE = [(122, 31, 31), (31, 78, 122), (36, 104, 70), (150, 96, 22), (88, 52, 122), (22, 110, 120)]
SKIN = [(224, 186, 150), (198, 150, 110), (170, 120, 85)]


def meeting_dates(fiscal_year: int) -> list[date]:
    """The fourth Tuesday of each month of the fiscal year (B.E.), October to September."""
    start_year = thai.fiscal_year_bounds(fiscal_year)[0].year
    dates = []
    for i in range(12):
        year, month = start_year + (9 + i) // 12, (9 + i) % 12 + 1
        first = date(year, month, 1)
        first_tuesday = first + timedelta(days=(1 - first.weekday()) % 7)
        dates.append(first_tuesday + timedelta(weeks=3))
    return dates


def portrait_jpeg(seed: int, kind: str) -> bytes:
    """A simple, friendly illustrated portrait (or an emblem for organisations), drawn with Pillow."""
    rng = random.Random(seed)
    size = 800
    background = rng.choice(PALETTE)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)
    for y in range(size):  # a soft vertical gradient
        shade = tuple(min(255, c + y // 8) for c in background)
        draw.line([(0, y), (size, y)], fill=shade)
    if kind == "person":
        skin = rng.choice(SKIN)
        shirt = rng.choice([(250, 250, 245), (40, 60, 90), (230, 200, 80), (200, 90, 60)])
        draw.ellipse([170, 520, 630, 980], fill=shirt)
        draw.rectangle([350, 430, 450, 560], fill=skin)
        draw.ellipse([260, 170, 540, 480], fill=skin)
        hair = rng.choice([(30, 25, 20), (60, 50, 40), (200, 200, 200)])
        draw.chord([250, 150, 550, 420], 180, 360, fill=hair)
        draw.ellipse([330, 300, 360, 330], fill=(40, 30, 25))
        draw.ellipse([440, 300, 470, 330], fill=(40, 30, 25))
        draw.arc([350, 340, 450, 420], 20, 160, fill=(120, 50, 40), width=8)
    else:
        draw.polygon([(400, 150), (150, 330), (650, 330)], fill=(250, 240, 220))
        draw.rectangle([200, 330, 600, 640], fill=(250, 240, 220))
        for x in (240, 340, 440, 540):
            draw.rectangle([x, 380, x + 40, 600], fill=background)
        draw.rectangle([150, 640, 650, 690], fill=(250, 240, 220))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def build_honorees(districts, networks_by_slug, rng, count):
    """One plan per district per month: (name, name_en, kind, network slug, citation, story, virtues)."""
    people = [(f, s) for f in FIRST_NAMES for s in SURNAMES]
    rng.shuffle(people)
    places = list(PLACES)
    plans = []
    organisations_used = set()
    for index in range(count):
        district = districts[index % len(districts)]
        roll = rng.random()
        if roll < 0.6 and people:
            (first, first_en), (last, last_en) = people.pop()
            network = rng.choice(list(networks_by_slug))
            title, title_en = rng.choice([("นาย", "Mr."), ("นาง", "Mrs."), ("นางสาว", "Ms.")])
            if network == "religion" and rng.random() < 0.4:
                title, title_en = "พระครู", "Phra Khru"
            role = rng.choice(PERSON_ROLES[network])
            name, name_en, kind = f"{title}{first} {last}", f"{title_en} {first_en} {last_en}", "person"
            citation = f"{role}อำเภอ{district.name_th} ผู้{DEEDS[network][:60].rstrip()}"
        else:
            table, kind = (
                (ORGANIZATIONS, "organization")
                if roll < 0.75
                else (GROUPS, "group")
                if roll < 0.9
                else (COMMUNITIES, "community")
            )
            while True:
                template, template_en, network = rng.choice(table)
                place, place_en = rng.choice(places)
                name = template.format(place=place)
                if name not in organisations_used:
                    organisations_used.add(name)
                    break
            name_en = template_en.format(place_en=place_en)
            citation = f"{name} อำเภอ{district.name_th} {DEEDS[network][:70].rstrip()}"
        story = "\n\n".join(
            [
                f"{name} {DEEDS[network]} มาเป็นเวลากว่า {rng.randint(5, 30)} ปี ในพื้นที่อำเภอ{district.name_th}",
                f"ได้รับการเสนอชื่อผ่าน{networks_by_slug[network].name_th} เพราะเป็นแบบอย่างที่ดีของคนในชุมชน",
                rng.choice(STORY_CLOSINGS),
            ]
        )
        virtues = rng.sample(VIRTUE_SLUGS, rng.randint(1, 3))
        plans.append((district, name, name_en, kind, network, citation[:300], story, virtues))
    return plans
