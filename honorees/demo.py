# ruff: noqa: E501 -- a table of demo texts, one sentence a line
"""Believable Thai demo content, made up here: nothing is fetched from anywhere.

People are drawn from archetypes (a village health volunteer, an abbot, an imam, a teacher …)
whose title, name, religion and role agree; each archetype brings whole-sentence citations and
the facts of a story in Thai and English, and the story is told in one of several shapes.
"""

import io
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from halloffame import thai

MEN = [
    ("สมชาย", "Somchai"), ("ประเสริฐ", "Prasert"), ("วิชัย", "Wichai"), ("บุญมี", "Boonmee"),
    ("ธีระ", "Thira"), ("เฉลิม", "Chaloem"), ("สุรชัย", "Surachai"), ("ไพโรจน์", "Pairoj"),
    ("เกษม", "Kasem"), ("สมพงษ์", "Sompong"), ("ชูชาติ", "Chuchat"), ("โชคชัย", "Chokchai"),
    ("ณรงค์", "Narong"), ("อนันต์", "Anan"), ("เอกชัย", "Ekkachai"), ("ไพศาล", "Paisan"),
]  # fmt: skip
WOMEN = [
    ("สมศรี", "Somsri"), ("มาลี", "Malee"), ("สุนีย์", "Sunee"), ("อรุณี", "Arunee"),
    ("กาญจนา", "Kanchana"), ("นงลักษณ์", "Nongluck"), ("ปราณี", "Pranee"), ("อำไพ", "Ampai"),
    ("วันเพ็ญ", "Wanpen"), ("ละเอียด", "La-iad"), ("จันทร์เพ็ญ", "Chanpen"), ("บุษบา", "Butsaba"),
    ("พรทิพย์", "Pornthip"), ("ศิริพร", "Siriporn"), ("รัตนา", "Rattana"), ("ยุพิน", "Yupin"),
]  # fmt: skip
FIRST_NAMES = MEN + WOMEN
SURNAMES = [
    ("ใจดี", "Jaidee"), ("ศรีสุข", "Srisuk"), ("ทองคำ", "Thongkham"), ("แก้วมณี", "Kaewmanee"),
    ("บุญเรือง", "Boonrueang"), ("รักษ์ไทย", "Rakthai"), ("เพชรรัตน์", "Phetcharat"), ("สุวรรณรัตน์", "Suwannarat"),
    ("ชูช่วย", "Chuchuay"), ("นาคสวัสดิ์", "Naksawat"), ("ขุนทอง", "Khunthong"), ("ทิพย์มณี", "Thipmanee"),
    ("ปานแก้ว", "Pankaew"), ("เอียดแก้ว", "Iadkaew"), ("ไชยรัตน์", "Chaiyarat"), ("แสงอรุณ", "Saeng-arun"),
]  # fmt: skip
MUSLIM_MEN = [("อับดุลเลาะ", "Abdullah"), ("มะหมัด", "Mahamad"), ("สมาน", "Saman"), ("อิสมาแอ", "Ismae")]
MUSLIM_SURNAMES = [("หมัดหลี", "Madlee"), ("เหล็มปาน", "Lempan"), ("สาและ", "Sale"), ("บินหมาน", "Binman")]
# Monks are known by title and monastic name (chaya), not by a lay name and surname.
MONKS = [
    ("พระครูสุวรรณธรรมโกศล", "Phra Khru Suwan Thammakoson"),
    ("พระครูปลัดสมชาย ฐิตธมฺโม", "Phra Khru Palat Somchai Thitadhammo"),
    ("พระมหาประเสริฐ ปญฺญาวโร", "Phra Maha Prasert Panyawaro"),
    ("พระครูสังฆรักษ์บุญมี ปุญฺญกาโม", "Phra Khru Sangkharak Boonmee Punyakamo"),
    ("พระอธิการวิชัย จนฺทสโร", "Phra Athikan Wichai Chantasaro"),
    ("พระครูวิมลธรรมรักษ์", "Phra Khru Wimon Thammarak"),
    ("พระมหาสุรชัย สุรชโย", "Phra Maha Surachai Surachayo"),
    ("พระครูโสภณปัญญาวุธ", "Phra Khru Sophon Panyawut"),
    ("พระครูใบฎีกาเกษม เขมจาโร", "Phra Khru Baidika Kasem Khemacharo"),
    ("พระปลัดณรงค์ ธมฺมทีโป", "Phra Palat Narong Thammathipo"),
]
PLACES = [
    ("ท่าทอง", "Tha Thong"), ("คลองน้อย", "Khlong Noi"), ("บางใบไม้", "Bang Bai Mai"), ("ขุนทะเล", "Khun Thale"),
    ("มะขามเตี้ย", "Makham Tia"), ("ตลาด", "Talat"), ("บางกุ้ง", "Bang Kung"), ("วัดประดู่", "Wat Pradu"),
    ("ลีเล็ด", "Li Let"), ("เขาหัวควาย", "Khao Hua Khwai"), ("ท่าข้าม", "Tha Kham"), ("ป่าร่อน", "Pa Ron"),
    ("เลม็ด", "Lamet"), ("ตะกุกใต้", "Takuk Tai"), ("ช้างซ้าย", "Chang Sai"), ("กรูด", "Krut"),
    ("พลายวาส", "Phlai Wat"), ("ทุ่งกง", "Thung Kong"), ("ดอนยาง", "Don Yang"), ("น้ำพุ", "Nam Phu"),
]  # fmt: skip
VENUE = "ห้องประชุมศาลากลางจังหวัดสุราษฎร์ธานี"
DEMO_FISCAL_YEAR = 2569
VIRTUE_SLUGS = ["sufficiency", "discipline", "honesty", "volunteer-spirit", "gratitude"]

# The networks' colours on generated portraits.
NETWORK_COLOURS = {
    "government": (122, 31, 31), "private-sector": (150, 96, 22), "education": (31, 78, 122),
    "religion": (166, 110, 20), "media": (88, 52, 122), "civil-society": (36, 104, 70),
    "children-youth": (22, 110, 120), "health-volunteers": (150, 40, 70),
}  # fmt: skip
# Not every network puts forward as many people: the province's mix, roughly.
NETWORK_WEIGHTS = {
    "government": 14, "private-sector": 8, "education": 16, "religion": 12,
    "media": 4, "civil-society": 18, "children-youth": 9, "health-volunteers": 19,
}  # fmt: skip


@dataclass(frozen=True)
class Archetype:
    """Who someone is (and so their title and name) and the facts of their story, in Thai and English.

    `who`: man, woman, muslim_man, monk or youth. Texts take {place}, {place_en}, {years} and {count}.
    """

    network: str
    who: str
    role: tuple[str, str]
    citation: tuple[str, str]
    problem: tuple[str, str]
    action: tuple[str, str]
    result: tuple[str, str]
    quote: tuple[str, str]
    witness: tuple[str, str]
    virtues: tuple[str, ...] = ()


def _a(network, who, role, citation, problem, action, result, quote, witness, virtues):
    return Archetype(network, who, role, citation, problem, action, result, quote, witness, virtues)


PEOPLE = [
    _a("government", "man", ("กำนันตำบล{place}", "the kamnan of {place_en} subdistrict"),
       ("ไกล่เกลี่ยข้อพิพาทในตำบลจนยุติได้กว่า {count} เรื่อง โดยไม่มีเรื่องใดต้องขึ้นศาล",
        "Settled over {count} disputes in his subdistrict without a single one going to court"),
       ("ตำบล{place}เคยมีเรื่องพิพาทเรื่องแนวเขตที่ดินและทางสาธารณะจนเพื่อนบ้านไม่มองหน้ากัน",
        "{place_en} was once split by quarrels over land boundaries and public paths, neighbours no longer speaking"),
       ("ตั้งศูนย์ไกล่เกลี่ยประจำตำบล เปิดให้ชาวบ้านมาคุยกันทุกวันพุธ และลงพื้นที่วัดแนวเขตด้วยตนเอง",
        "set up a mediation centre open every Wednesday and walked the boundaries himself"),
       ("ข้อพิพาทกว่า {count} เรื่องยุติลงด้วยการพูดคุย และตำบลได้รับรางวัลหมู่บ้านสันติสุข",
        "more than {count} disputes ended in agreement and the subdistrict was named a peaceful community"),
       ("กำนันฟังทุกฝ่ายจนจบ ไม่เคยเข้าข้างใคร", "He listens to everyone to the end and never takes sides"),
       ("ผู้ใหญ่บ้านในตำบล", "a village headman of the subdistrict"), ("honesty", "discipline")),
    _a("government", "woman", ("ผู้ใหญ่บ้านหมู่ที่ {village} ตำบล{place}", "the headwoman of village {village}, {place_en}"),
       ("นำลูกบ้านตั้งกองทุนหมู่บ้านที่ช่วยให้ครัวเรือนปลดหนี้นอกระบบได้ทั้งหมู่บ้าน",
        "Led her village to a savings fund that freed every household from loan sharks"),
       ("ครัวเรือนจำนวนมากในหมู่บ้านติดหนี้นอกระบบดอกเบี้ยสูงจากการลงทุนสวนยางและปาล์ม",
        "many households owed money at crushing interest after investing in rubber and oil palm"),
       ("ชวนลูกบ้านออมวันละสิบบาท ตั้งกองทุนให้กู้ดอกเบี้ยต่ำ และสอนทำบัญชีครัวเรือนทุกบ้าน",
        "got everyone to save ten baht a day, lent the fund at low interest and taught household accounts door to door"),
       ("ภายใน {years} ปี ครัวเรือนทุกหลังปลดหนี้นอกระบบ และกองทุนมีเงินหมุนเวียนกว่าล้านบาท",
        "within {years} years every household was out of informal debt and the fund turns over a million baht"),
       ("แม่ผู้ใหญ่ไม่เคยให้ใครกู้โดยไม่สอนให้ออมก่อน", "She never lends without teaching people to save first"),
       ("สมาชิกกองทุน", "a member of the fund"), ("sufficiency", "honesty")),
    _a("private-sector", "man", ("เจ้าของเรือประมงพื้นบ้านบ้าน{place}", "a small-boat fisherman of Ban {place_en}"),
       ("รวมกลุ่มชาวประมงพื้นบ้านทำธนาคารปูม้า คืนลูกปูสู่ทะเลอ่าวบ้านดอนปีละหลายล้านตัว",
        "Brought local fishermen together in a crab bank that returns millions of young crabs to the bay each year"),
       ("ปูม้าในอ่าวบ้านดอนลดลงจนชาวประมงหลายครอบครัวต้องเลิกอาชีพ",
        "blue crabs in Bandon Bay had dwindled until many fishing families gave up"),
       ("ขอให้เพื่อนชาวประมงนำแม่ปูไข่นอกกระดองมาฝากไว้ที่ธนาคารปูจนวางไข่ แล้วปล่อยลูกปูคืนทะเล",
        "asked fellow fishermen to leave egg-bearing crabs at the crab bank until they spawned, then released the young"),
       ("ปริมาณปูที่จับได้กลับมาเพิ่มขึ้น และธนาคารปูขยายไปอีก {few} หมู่บ้านริมอ่าว",
        "catches have recovered and the crab bank has spread to {few} more villages on the bay"),
       ("ทะเลให้เรามาทั้งชีวิต ถึงเวลาที่เราต้องคืนให้ทะเลบ้าง", "The sea gave us our whole lives; it is time we gave back"),
       ("ชาวประมงรุ่นน้อง", "a younger fisherman"), ("sufficiency", "gratitude")),
    _a("private-sector", "woman", ("เจ้าของร้านอาหารในตลาด{place}", "a restaurant owner at {place_en} market"),
       ("ทำอาหารกลางวันแจกผู้สูงอายุที่อยู่ลำพังในตลาด{place}ทุกวันมานานกว่า {years} ปี",
        "Has cooked lunch every day for {years} years for the elderly who live alone around {place_en} market"),
       ("ผู้สูงอายุหลายคนรอบตลาดอยู่ลำพัง ลูกหลานไปทำงานต่างจังหวัด และมักไม่ได้กินอาหารครบมื้อ",
        "many old people around the market live alone, their children working far away, and often skip meals"),
       ("ตั้งโต๊ะอาหารหน้าร้านทุกเที่ยง และให้ลูกจ้างนำปิ่นโตไปส่งผู้ที่เดินไม่ไหว",
        "set a table outside her shop every noon and sends her staff with food carriers to those who cannot walk"),
       ("มีผู้สูงอายุได้กินอาหารร้อนทุกวันกว่า {count} คน และร้านค้าในตลาดร่วมสมทบวัตถุดิบ",
        "over {count} people now eat a hot meal every day, and other stalls chip in the ingredients"),
       ("ข้าวจานเดียวทำให้คนแก่คนหนึ่งรู้ว่ายังมีคนคิดถึง", "One plate of rice tells an old person that someone still cares"),
       ("แม่ค้าในตลาด", "a market trader"), ("volunteer-spirit", "gratitude")),
    _a("education", "woman", ("ครูโรงเรียนบ้าน{place}", "a teacher at Ban {place_en} School"),
       ("สอนอ่านเขียนภาษาไทยให้เด็กที่อ่านไม่คล่องจนอ่านออกเขียนได้ทุกคน โดยสอนเพิ่มหลังเลิกเรียนทุกวัน",
        "Stays after school every day until every child who struggled can read and write Thai"),
       ("เด็กชั้นประถมหลายคนในโรงเรียนยังอ่านหนังสือไม่คล่อง ส่วนหนึ่งเพราะพูดภาษาถิ่นที่บ้าน",
        "many primary pupils could not read fluently, partly because they speak the local dialect at home"),
       ("เปิดห้องเรียนเสริมหลังเลิกเรียน ทำบัตรคำจากนิทานพื้นบ้าน และไปเยี่ยมบ้านเด็กทุกคน",
        "opened an after-school class, made word cards from local folk tales and visited every child's home"),
       ("ภายใน {years} ปี นักเรียนทุกคนอ่านออกเขียนได้ และโรงเรียนใกล้เคียงนำวิธีสอนไปใช้",
        "within {years} years every pupil could read and write, and nearby schools adopted her method"),
       ("ครูไม่เคยปล่อยให้เด็กคนไหนกลับบ้านโดยไม่ได้อ่านอะไรสักบรรทัด", "She never lets a child go home without reading a line"),
       ("ผู้ปกครองนักเรียน", "a parent"), ("discipline", "volunteer-spirit")),
    _a("education", "man", ("ครูภูมิปัญญาไทยด้านหนังตะลุง", "a master of southern shadow puppetry"),
       ("ถ่ายทอดศิลปะหนังตะลุงให้เยาวชนกว่า {count} คน และใช้การแสดงสอนเรื่องคุณธรรมในชุมชน",
        "Has taught shadow puppetry to over {count} young people and uses his shows to teach values"),
       ("หนังตะลุงคณะเก่าแก่ในอำเภอเหลือน้อยลง เพราะไม่มีคนรุ่นใหม่สืบทอด",
        "the district's old shadow-puppet troupes were dying out with no one young to carry them on"),
       ("เปิดบ้านสอนแกะรูปหนัง เชิดหนัง และขับบทกลอนให้เด็กทุกวันเสาร์โดยไม่เก็บค่าเรียน",
        "opened his home every Saturday to teach carving, puppeteering and verse, free of charge"),
       ("ลูกศิษย์ตั้งคณะหนังตะลุงเยาวชนได้ {few} คณะ และแสดงในงานบุญของอำเภอเป็นประจำ",
        "his pupils have formed {few} youth troupes that play at the district's festivals"),
       ("หนังตะลุงคือห้องเรียนคุณธรรมที่สนุกที่สุด", "Shadow puppetry is the most fun classroom for values there is"),
       ("ลูกศิษย์คนแรก", "his first pupil"), ("gratitude", "discipline")),
    _a("religion", "monk", ("เจ้าอาวาสวัด{place}", "the abbot of Wat {place_en}"),
       ("เปิดวัดเป็นศูนย์เรียนรู้เศรษฐกิจพอเพียงและโรงเรียนพระปริยัติธรรมสำหรับเด็กในชุมชน",
        "Has made his temple a centre for the sufficiency economy and a Dhamma school for local children"),
       ("เด็กในชุมชนจำนวนมากว่างงานช่วงปิดภาคเรียน และบางคนเริ่มเข้าไปยุ่งเกี่ยวกับยาเสพติด",
        "many local children were idle in the holidays and some had begun to drift towards drugs"),
       ("จัดบวชสามเณรภาคฤดูร้อน ปลูกผักปลอดสารในเขตวัด และชวนชาวบ้านมาเรียนทำปุ๋ยหมัก",
        "ran summer novice ordinations, grew chemical-free vegetables on temple land and taught compost making"),
       ("มีเด็กเข้าร่วมกว่า {count} คนทุกปี และแปลงผักของวัดเป็นแหล่งเรียนรู้ของอำเภอ",
        "over {count} children take part each year, and the temple's gardens are a learning site for the district"),
       ("วัดต้องเป็นที่พึ่งของชาวบ้านทั้งทางใจและทางปากท้อง", "A temple must feed both the mind and the stomach"),
       ("ไวยาวัจกรของวัด", "the temple's lay steward"), ("sufficiency", "gratitude")),
    _a("religion", "muslim_man", ("อิหม่ามประจำมัสยิดบ้าน{place}", "the imam of Ban {place_en} mosque"),
       ("ร่วมกับวัดในตำบลจัดกองทุนช่วยเหลือผู้ยากไร้ทุกศาสนา และเป็นแกนนำสร้างความสามัคคีในชุมชน",
        "Runs a relief fund for the poor of every faith with the subdistrict's temple, holding the community together"),
       ("ชุมชนไทยพุทธและไทยมุสลิมในตำบลเคยต่างคนต่างอยู่ แม้จะเป็นเพื่อนบ้านกันมาหลายชั่วคน",
        "Buddhist and Muslim families had lived side by side for generations yet kept apart"),
       ("ชวนเจ้าอาวาสวัดตั้งกองทุนร่วม แจกข้าวสารในเดือนรอมฎอนและช่วงเข้าพรรษา และจัดกีฬาสัมพันธ์",
        "asked the abbot to start a joint fund, handing out rice in Ramadan and in Buddhist Lent, and organised games"),
       ("กองทุนช่วยครอบครัวยากไร้แล้วกว่า {count} ครอบครัว และงานประเพณีของทั้งสองศาสนามีคนมาร่วมกันเต็ม",
        "the fund has helped over {count} families, and both faiths' festivals now fill with neighbours of the other"),
       ("ความดีไม่มีศาสนา เพื่อนบ้านลำบากเราต้องช่วย", "Goodness has no religion; when a neighbour struggles, we help"),
       ("เจ้าอาวาสวัดในตำบล", "the abbot of the subdistrict's temple"), ("volunteer-spirit", "gratitude")),
    _a("media", "woman", ("ผู้จัดรายการวิทยุชุมชน", "a community radio host"),
       ("เผยแพร่ข่าวเตือนภัยและเรื่องราวคนดีในอำเภอทางวิทยุชุมชนทุกเช้ามานานกว่า {years} ปี",
        "Has broadcast warnings and stories of good people in the district every morning for {years} years"),
       ("ช่วงมรสุมชาวบ้านริมคลองมักได้รับข่าวน้ำป่าช้าเกินไป", "in the monsoon, families by the canals often heard of flash floods too late"),
       ("อ่านประกาศเตือนภัยจากอำเภอทุกชั่วโมงในฤดูฝน และเปิดสายให้ชาวบ้านโทรแจ้งเหตุ",
        "reads the district's warnings every hour in the rainy season and opens the line for callers to report"),
       ("ในน้ำท่วมครั้งใหญ่ ชาวบ้านกว่า {count} ครัวเรือนอพยพทันเวลา", "in the great flood more than {count} households got out in time"),
       ("เสียงของเธอคือเสียงแรกที่ชาวบ้านได้ยินทุกเช้า", "Hers is the first voice the villages hear every morning"),
       ("ผู้ฟังประจำรายการ", "a regular listener"), ("volunteer-spirit", "honesty")),
    _a("civil-society", "woman", ("ประธานกลุ่มแม่บ้านบ้าน{place}", "the chair of the Ban {place_en} women's group"),
       ("รวมกลุ่มแม่บ้านแปรรูปผลผลิตในชุมชนจนเป็นรายได้เสริมของ {count} ครอบครัว",
        "Turned her village's produce into a women's business that supports {count} families"),
       ("ผลไม้ในหมู่บ้านล้นตลาดทุกปี ราคาตกจนเกษตรกรขาดทุน",
        "every year the village's fruit flooded the market and prices fell below cost"),
       ("ชวนแม่บ้านทำกล้วยเล็บมือนางอบและทุเรียนกวน ขอมาตรฐานผลิตภัณฑ์ชุมชน และขายทางออนไลน์",
        "got the women drying bananas and making durian paste, earned the community product standard and sold online"),
       ("กลุ่มมีรายได้ปีละหลายแสนบาท และแบ่งกำไรส่วนหนึ่งเป็นทุนการศึกษาเด็กในหมู่บ้าน",
        "the group earns several hundred thousand baht a year and gives part of its profit as scholarships"),
       ("เราไม่ได้ขายแค่ขนม เราขายความภูมิใจของหมู่บ้าน", "We do not just sell sweets; we sell our village's pride"),
       ("สมาชิกกลุ่ม", "a member of the group"), ("sufficiency", "discipline")),
    _a("civil-society", "man", ("ปราชญ์ชาวบ้านด้านเกษตรผสมผสาน", "a village sage of mixed farming"),
       ("เปลี่ยนสวนยางเชิงเดี่ยวเป็นสวนเกษตรผสมผสานที่เปิดให้ผู้คนมาเรียนรู้ได้ทุกวัน",
        "Turned a rubber monoculture into a mixed farm where anyone can come and learn, any day"),
       ("เมื่อราคายางตก ครอบครัวที่ปลูกยางอย่างเดียวขาดรายได้จนต้องกู้หนี้",
        "when rubber prices fell, families who grew nothing else were left without income and in debt"),
       ("ปลูกผัก ไม้ผล และเลี้ยงปลาแซมในสวนยาง ทำบัญชีรายรับรายจ่าย และสอนเพื่อนเกษตรกรโดยไม่คิดเงิน",
        "planted vegetables and fruit and raised fish among the rubber trees, kept accounts and taught others for free"),
       ("มีเกษตรกรกว่า {count} รายนำไปทำตาม และสวนเป็นศูนย์เรียนรู้เศรษฐกิจพอเพียงของอำเภอ",
        "over {count} farmers have followed, and the farm is the district's sufficiency-economy learning centre"),
       ("ปลูกทุกอย่างที่กิน กินทุกอย่างที่ปลูก เหลือจึงขาย", "Grow what you eat, eat what you grow, and sell what is left"),
       ("เกษตรกรที่มาเรียนรู้", "a farmer who came to learn"), ("sufficiency",)),
    _a("children-youth", "youth", ("นักเรียนแกนนำจิตอาสา", "a student volunteer leader"),
       ("ชวนเพื่อนนักเรียนเก็บขยะชายหาดและคัดแยกขยะขาย นำรายได้มอบให้ผู้ป่วยติดเตียงในตำบล",
        "Gets classmates cleaning the beach and selling sorted waste, giving the money to bedridden patients"),
       ("ชายหาดใกล้โรงเรียนมีขยะพลาสติกเกยตื้นทุกเช้า", "plastic washed up every morning on the beach near school"),
       ("ตั้งชมรมจิตอาสาในโรงเรียน เก็บขยะทุกเย็นวันศุกร์ และตั้งธนาคารขยะให้เพื่อนนำขวดมาฝาก",
        "started a volunteer club, cleans the beach every Friday evening and set up a waste bank for bottles"),
       ("ชมรมมีสมาชิกกว่า {count} คน และมอบเงินช่วยผู้ป่วยติดเตียงทุกเดือน",
        "the club has over {count} members and gives money to bedridden patients every month"),
       ("ตัวเล็กก็ทำความดีได้ ถ้าชวนเพื่อนมาช่วยกัน", "Even small people can do good if they bring their friends"),
       ("ครูที่ปรึกษาชมรม", "the club's teacher"), ("volunteer-spirit", "discipline")),
    _a("children-youth", "woman", ("ประธานสภาเด็กและเยาวชนอำเภอ", "the chair of the district children and youth council"),
       ("เป็นแกนนำเยาวชนรณรงค์ต้านยาเสพติดและสอนการบ้านน้อง ๆ ในชุมชนทุกวันหยุด",
        "Leads young people against drugs and tutors younger children in her community every weekend"),
       ("เยาวชนในชุมชนขาดพื้นที่สร้างสรรค์ บางคนหลงไปกับยาเสพติด", "young people had nowhere to go, and some fell into drugs"),
       ("เปิดลานกีฬาและมุมอ่านหนังสือในศาลาหมู่บ้าน และชวนรุ่นพี่มาสอนการบ้าน",
        "opened a sports ground and a reading corner in the village hall, with older students tutoring"),
       ("มีเด็กและเยาวชนมาร่วมกิจกรรมกว่า {count} คน และไม่มีเยาวชนในกลุ่มข้องเกี่ยวกับยาเสพติด",
        "over {count} children take part and none of them has touched drugs"),
       ("พื้นที่ดี ๆ ทำให้เด็กเลือกทางที่ดี", "A good place to be helps children choose the good path"),
       ("นายกองค์การบริหารส่วนตำบล", "the subdistrict council's chief"), ("discipline", "volunteer-spirit")),
    _a("health-volunteers", "woman", ("อาสาสมัครสาธารณสุขประจำหมู่บ้าน", "a village health volunteer"),
       ("ดูแลผู้ป่วยติดเตียงและผู้สูงอายุในหมู่บ้านกว่า {count} คน โดยไม่รับค่าตอบแทนมานานกว่า {years} ปี",
        "Has cared for over {count} bedridden and elderly villagers, unpaid, for {years} years"),
       ("ผู้ป่วยติดเตียงหลายคนอยู่ไกลโรงพยาบาลและไม่มีคนพาไปพบแพทย์",
        "many bedridden patients live far from the hospital with no one to take them"),
       ("เยี่ยมบ้านทุกสัปดาห์ วัดความดัน ทำแผล และประสานรถพยาบาลของตำบลเมื่อมีอาการหนัก",
        "visits every week, checks blood pressure, dresses wounds and calls the subdistrict ambulance when needed"),
       ("ไม่มีผู้ป่วยในความดูแลคนใดเกิดแผลกดทับ และ อสม. รุ่นใหม่นำวิธีดูแลไปใช้ทั้งตำบล",
        "none of her patients has had a bedsore, and new volunteers use her methods across the subdistrict"),
       ("ถ้าวันไหนป้าไม่มา ยายจะรู้สึกเหมือนขาดลูกหลานไปคน", "On days she does not come, grandma feels a child is missing"),
       ("ลูกหลานของผู้ป่วย", "a patient's grandchild"), ("volunteer-spirit", "gratitude")),
    _a("health-volunteers", "man", ("อาสาสมัครกู้ภัย", "a rescue volunteer"),
       ("ออกช่วยเหลือผู้ประสบเหตุบนถนนสายเอเชียทั้งกลางวันและกลางคืนมากว่า {years} ปี",
        "Has answered calls to crashes on the Asian Highway day and night for {years} years"),
       ("ถนนสายหลักผ่านอำเภอมีอุบัติเหตุบ่อย และรถพยาบาลมาถึงช้า", "the main highway through the district sees frequent crashes and slow ambulances"),
       ("ตั้งจุดอาสากู้ภัยประจำตำบล ฝึกปฐมพยาบาลให้อาสารุ่นใหม่ และออกเหตุทุกครั้งที่มีคนแจ้ง",
        "set up a rescue post in the subdistrict, trained new volunteers in first aid and answers every call"),
       ("ช่วยชีวิตผู้บาดเจ็บแล้วกว่า {count} ราย และเวลารอรถพยาบาลในตำบลลดลงครึ่งหนึ่ง",
        "has helped save over {count} injured people, and waiting times for help have halved"),
       ("เสียงวิทยุดังเมื่อไร พี่ไปถึงก่อนเสมอ", "Whenever the radio crackles, he is always first there"),
       ("เจ้าหน้าที่โรงพยาบาลอำเภอ", "a nurse at the district hospital"), ("volunteer-spirit", "discipline")),
]  # fmt: skip

# (Thai name template, English template, network, kind, citation (th, en), action (th, en))
BODIES = [
    ("โรงเรียนบ้าน{place}", "Ban {place_en} School", "education", "organization",
     ("ปลูกฝังวินัยและความซื่อสัตย์ผ่านร้านค้าไร้คนขายที่นักเรียนดูแลเองมาตลอด {years} ปี",
      "Teaches discipline and honesty through an unattended shop its pupils have run for {years} years"),
     ("ให้นักเรียนดูแลร้านค้าไร้คนขายและธนาคารโรงเรียน และจัดค่ายคุณธรรมทุกภาคเรียน",
      "has pupils run an unattended shop and a school bank, with a values camp every term")),
    ("วัด{place}", "Wat {place_en}", "religion", "organization",
     ("เป็นศูนย์กลางชุมชนคุณธรรมที่ชวนชาวบ้านถือศีลห้าและออมเงินวันพระมาต่อเนื่อง",
      "Is the heart of a moral community where villagers keep the five precepts and save on holy days"),
     ("จัดตักบาตรวันพระ ชวนชาวบ้านถือศีลห้า และตั้งกองทุนออมวันพระ",
      "holds alms-giving on holy days, encourages the five precepts and runs a holy-day savings fund")),
    ("โรงพยาบาลส่งเสริมสุขภาพตำบล{place}", "{place_en} Health Promoting Hospital", "health-volunteers", "organization",
     ("ดูแลผู้สูงอายุที่บ้านร่วมกับ อสม. จนผู้ป่วยติดเตียงทุกคนในตำบลได้รับการเยี่ยมทุกสัปดาห์",
      "Cares for the elderly at home with the village volunteers, so every bedridden patient is visited weekly"),
     ("จัดทีมหมอครอบครัวร่วมกับ อสม. เยี่ยมบ้าน และยืมอุปกรณ์การแพทย์ให้ผู้ป่วยโดยไม่คิดค่าใช้จ่าย",
      "sends family-care teams with volunteers on home visits and lends medical equipment free of charge")),
    ("องค์การบริหารส่วนตำบล{place}", "{place_en} Subdistrict Administrative Organization", "government", "organization",
     ("เปิดข้อมูลการใช้งบประมาณทุกโครงการให้ประชาชนตรวจสอบได้ และให้ชาวบ้านร่วมตัดสินใจโครงการ",
      "Publishes the spending of every project for citizens to check and lets villagers choose its projects"),
     ("ติดประกาศงบประมาณทุกโครงการในหมู่บ้าน จัดเวทีประชาคม และเปิดช่องทางร้องเรียน",
      "posts every project's budget in the villages, holds public forums and keeps a complaints line open")),
    ("สหกรณ์การเกษตร{place} จำกัด", "{place_en} Agricultural Cooperative", "private-sector", "organization",
     ("รับซื้อผลผลิตจากสมาชิกในราคาเป็นธรรม และคืนกำไรเป็นทุนการศึกษาให้ลูกหลานเกษตรกร",
      "Buys its members' produce at fair prices and returns profits as scholarships for farmers' children"),
     ("รับซื้อยางและปาล์มด้วยตาชั่งที่ตรวจสอบได้ และแบ่งกำไรเป็นทุนการศึกษาทุกปี",
      "buys rubber and palm on scales anyone can check and sets aside profit for scholarships each year")),
    ("สถานีวิทยุชุมชนคนรัก{place}", "{place_en} Community Radio", "media", "organization",
     ("เป็นสื่อกลางเตือนภัยและเผยแพร่เรื่องราวดี ๆ ของชุมชนโดยไม่มีโฆษณาการพนันหรือแอลกอฮอล์",
      "Broadcasts warnings and good news for its community, with no gambling or alcohol advertising"),
     ("ออกอากาศข่าวเตือนภัยและรายการคนดีของชุมชนทุกวัน", "broadcasts warnings and a programme about good people daily")),
    ("กลุ่มอาสาสมัครกู้ภัย{place}", "{place_en} Rescue Volunteers", "health-volunteers", "group",
     ("ออกช่วยเหลือผู้ประสบภัยตลอด 24 ชั่วโมงโดยไม่รับค่าตอบแทน ทั้งอุบัติเหตุและน้ำท่วม",
      "Answers road crashes and floods around the clock without pay"),
     ("ตั้งศูนย์วิทยุ ฝึกอาสาใหม่ทุกปี และออกเหตุตลอด 24 ชั่วโมง", "runs a radio post, trains new volunteers every year and answers calls day and night")),
    ("กลุ่มเยาวชนจิตอาสา{place}", "{place_en} Youth Volunteers", "children-youth", "group",
     ("ชวนเยาวชนทำความดีทุกเดือน ทั้งเก็บขยะ ซ่อมบ้านผู้สูงอายุ และช่วยงานวัดงานมัสยิด",
      "Gets young people doing good every month: cleaning up, repairing old people's homes, helping at temple and mosque"),
     ("ชวนเยาวชนลงแรงทุกวันอาทิตย์สุดท้ายของเดือน", "brings young people out on the last Sunday of every month")),
    ("กลุ่มวิสาหกิจชุมชนผ้าทอ{place}", "{place_en} Weaving Enterprise Group", "private-sector", "group",
     ("ฟื้นลายผ้าทอพุมเรียงให้เป็นรายได้ของผู้หญิงในชุมชน และสอนคนรุ่นใหม่ให้สืบทอด",
      "Revived Phum Riang weaving patterns as an income for local women and teaches them to the young"),
     ("สอนทอผ้าให้คนรุ่นใหม่และขายผ้าทอทางออนไลน์", "teaches weaving to the young and sells the cloth online")),
    ("กลุ่มอนุรักษ์ป่าชายเลน{place}", "{place_en} Mangrove Conservation Group", "civil-society", "group",
     ("ปลูกและดูแลป่าชายเลนริมอ่าวบ้านดอนจนสัตว์น้ำวัยอ่อนกลับมาเป็นแหล่งอาหารของชุมชน",
      "Replanted and guards the Bandon Bay mangroves until young fish returned to feed the community"),
     ("ปลูกป่าชายเลนทุกปี ลาดตระเวนกันการบุกรุก และสอนเด็กเรื่องระบบนิเวศ",
      "plants mangroves every year, patrols against encroachment and teaches children about the ecosystem")),
    ("ชุมชนคุณธรรมบ้าน{place}", "Ban {place_en} Moral Community", "civil-society", "community",
     ("เป็นชุมชนต้นแบบที่ครัวเรือนทุกหลังทำบัญชีครัวเรือน ปลูกผักกินเอง และช่วยกันดูแลผู้สูงอายุ",
      "Is a model community where every household keeps accounts, grows its own vegetables and looks after the elderly"),
     ("ทำธรรมนูญชุมชนร่วมกัน ตั้งกองทุนสวัสดิการ และจัดเวรดูแลผู้สูงอายุ",
      "wrote a community charter together, set up a welfare fund and takes turns caring for the elderly")),
]  # fmt: skip
# Kept for callers that want the plain (Thai, English, network) templates.
ORGANIZATIONS = [(t, e, n) for t, e, n, kind, *_ in BODIES if kind == "organization"]
GROUPS = [(t, e, n) for t, e, n, kind, *_ in BODIES if kind == "group"]
COMMUNITIES = [(t, e, n) for t, e, n, kind, *_ in BODIES if kind == "community"]
DEEDS = {a.network: a.citation[0].format(place="", years=10, count=20, few=3, village=1) for a in PEOPLE}
STORY_CLOSINGS = [
    "ชาวบ้านต่างยกย่องว่าเป็นแบบอย่างของความเพียรและความเสียสละ",
    "ผลงานดังกล่าวได้รับการขยายผลไปยังหมู่บ้านใกล้เคียงอีกหลายแห่ง",
    "เป็นแรงบันดาลใจให้คนรุ่นใหม่ในอำเภอหันมาทำความดีเพื่อส่วนรวม",
]
STORY_CLOSINGS_EN = [
    "Neighbours hold this up as an example of perseverance and sacrifice.",
    "The work has since spread to several nearby villages.",
    "It has inspired a new generation in the district to do good for everyone.",
]


@dataclass
class HonoreePlan:
    """Everything load_demo_data needs to create one honoree."""

    district: object
    name: str
    name_en: str
    kind: str
    network: str
    citation: str
    citation_en: str
    story: str
    story_en: str
    virtues: list[str] = field(default_factory=list)
    initial: str = ""
    is_minor: bool = False


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


def next_meeting_date(today: date) -> date:
    """The demo's unpublished next meeting: the first meeting day after the demo's last published
    one that is still ahead of today, so that a fresh install's dashboards show a meeting to fill."""
    fiscal_year = max(DEMO_FISCAL_YEAR + 1, thai.fiscal_year(today))
    return next(day for fy in (fiscal_year, fiscal_year + 1) for day in meeting_dates(fy) if day > today)


def _initial(thai_name: str) -> str:
    """The first consonant of a Thai name (a leading vowel such as เ or ไ is written before it)."""
    for char in thai_name:
        if "\u0e01" <= char <= "\u0e2e":
            return char
    return thai_name[:1]


_FONT = Path(__file__).resolve().parent / "fonts" / "Sarabun-Bold.ttf"


def portrait_jpeg(seed: int, kind: str, *, initial: str = "", colour=None) -> bytes:
    """A dignified placeholder portrait: the initial on a patterned field of the network's colour."""
    rng = random.Random(seed)
    size = 800
    colour = colour or rng.choice(list(NETWORK_COLOURS.values()))
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    light = tuple(min(255, c + 28) for c in colour)
    step = rng.choice([40, 56, 72])
    if kind == "person":  # diagonal lines for people, a lattice of diamonds for organisations
        for offset in range(-size, size, step):
            draw.line([(offset, 0), (offset + size, size)], fill=light, width=6)
    else:
        for x in range(0, size + step, step):
            for y in range(0, size + step, step):
                draw.polygon([(x, y - 14), (x + 14, y), (x, y + 14), (x - 14, y)], fill=light)
    draw.ellipse([150, 150, 650, 650], fill=tuple(max(0, c - 30) for c in colour), outline=(246, 226, 170), width=10)
    if initial:
        font = ImageFont.truetype(str(_FONT), 300, layout_engine=ImageFont.Layout.RAQM)
        draw.text((size / 2, size / 2), initial, font=font, fill=(255, 248, 232), anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def _person(rng, archetype: Archetype, people_used: set):
    """(name, name_en, initial, is_minor) agreeing with the archetype's who."""
    while True:
        if archetype.who == "monk":
            name, name_en = rng.choice(MONKS)
            initial = _initial(name.split()[-1]) if " " in name else "ธ"
        else:
            if archetype.who == "muslim_man":
                (first, first_en), (last, last_en) = rng.choice(MUSLIM_MEN), rng.choice(MUSLIM_SURNAMES)
            else:
                pool = (
                    MEN if archetype.who == "man" else WOMEN if archetype.who == "woman" else rng.choice([MEN, WOMEN])
                )
                (first, first_en), (last, last_en) = rng.choice(pool), rng.choice(SURNAMES)
            is_man = archetype.who in ("man", "muslim_man") or (archetype.who == "youth" and (first, first_en) in MEN)
            if archetype.who == "youth":
                title, title_en = ("เด็กชาย", "Master") if is_man else ("เด็กหญิง", "Miss")
            elif is_man:
                title, title_en = "นาย", "Mr."
            else:
                title, title_en = rng.choice([("นาง", "Mrs."), ("นางสาว", "Ms.")])
            name, name_en, initial = f"{title}{first} {last}", f"{title_en} {first_en} {last_en}", _initial(first)
        if name not in people_used:
            people_used.add(name)
            return name, name_en, initial, archetype.who == "youth"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _story(rng, short: tuple[str, str], facts: dict, shape: int) -> list[tuple[str, str]]:
    """Paragraphs (Thai, English) in one of four shapes: a timeline, a quote first, problem and
    answer, or a short note."""
    th, en = {k: v[0] for k, v in facts.items()}, {k: v[1] for k, v in facts.items()}
    start = rng.randint(2545, 2562)
    closing = rng.randrange(len(STORY_CLOSINGS))
    if shape == 0:
        return [
            (f"เมื่อปี พ.ศ. {start} {short[0]} เริ่ม{th['action']}", f"In {start} B.E., {short[1]} {en['action']}."),
            (f"ตลอดเวลาที่ผ่านมา {th['result']}", f"Since then, {en['result']}."),
            (STORY_CLOSINGS[closing], STORY_CLOSINGS_EN[closing]),
        ]
    if shape == 1:
        return [
            (f"“{th['quote']}” {th['witness']}เล่าถึง{short[0]}", f"“{en['quote']},” says {en['witness']}."),
            (f"{th['problem']} {short[0]} จึง{th['action']}", f"{_cap(en['problem'])}, so {short[1]} {en['action']}."),
            (f"วันนี้ {th['result']}", f"Today {en['result']}."),
        ]
    if shape == 2:
        return [
            (
                f"{th['problem']} {short[0]} จึงลงมือ{th['action']}",
                f"{_cap(en['problem'])}. {_cap(short[1])} {en['action']}.",
            ),
            (
                f"ผลที่ได้คือ {th['result']} {STORY_CLOSINGS[closing]}",
                f"As a result, {en['result']}. {STORY_CLOSINGS_EN[closing]}",
            ),
        ]
    return [(f"{short[0]} {th['action']} {th['result']}", f"{_cap(short[1])} {en['action']}; {en['result']}.")]


def _fill(pair, **values):
    return tuple(text.format(**values) for text in pair)


def plan_honoree(rng, district, *, people_used: set, bodies_used: set) -> HonoreePlan:
    """A believable honoree of `district`: a person 60% of the time, else an organisation, group or community."""
    place, place_en = rng.choice(PLACES)
    values = {
        "place": place, "place_en": place_en, "years": rng.randint(5, 25),
        "count": rng.randint(3, 12) * 10, "few": rng.randint(3, 9), "village": rng.randint(1, 12),
    }  # fmt: skip
    if rng.random() < 0.6:
        weights = [NETWORK_WEIGHTS[a.network] for a in PEOPLE]
        archetype = rng.choices(PEOPLE, weights=weights)[0]
        if archetype.who == "monk" and all(monk in people_used for monk, _ in MONKS):
            archetype = next(a for a in PEOPLE if a.network == "religion" and a.who != "monk")
        name, name_en, initial, is_minor = _person(rng, archetype, people_used)
        role = _fill(archetype.role, **values)
        facts = {
            key: _fill(getattr(archetype, key), **values) for key in ("problem", "action", "result", "quote", "witness")
        }
        short = (name.split()[0] if archetype.who == "monk" else name, name_en)
        shape = rng.randrange(4)
        paragraphs = _story(rng, short, facts, shape)
        introduction = (
            f"{name} เป็น{role[0]} อำเภอ{district.name_th}",
            f"{name_en} is {role[1]} in {district.name_en}.",
        )
        paragraphs.insert(1 if shape == 1 else 0, introduction)
        story, story_en = ("\n\n".join(p[i] for p in paragraphs) for i in (0, 1))
        citation, citation_en = _fill(archetype.citation, **values)
        return HonoreePlan(
            district, name, name_en, "person", archetype.network, citation, citation_en, story, story_en,
            list(archetype.virtues), initial, is_minor,
        )  # fmt: skip
    while True:
        template, template_en, network, kind, citation, action = rng.choice(BODIES)
        name, name_en = template.format(place=place), template_en.format(place_en=place_en)
        if name not in bodies_used:
            bodies_used.add(name)
            break
        place, place_en = rng.choice(PLACES)
        values.update(place=place, place_en=place_en)
    citation, citation_en = _fill(citation, **values)
    action = _fill(action, **values)
    story = f"{name} อำเภอ{district.name_th} {action[0]} {STORY_CLOSINGS[values['years'] % 3]}"
    story_en = f"{name_en}, {district.name_en}, {action[1]}. {STORY_CLOSINGS_EN[values['years'] % 3]}"
    return HonoreePlan(
        district, name, name_en, kind, network, citation, citation_en, story, story_en,
        rng.sample(VIRTUE_SLUGS, rng.randint(1, 2)), _initial(place),
    )  # fmt: skip


def build_honorees(districts, networks_by_slug, rng, count):
    """`count` plans, cycling through the districts in order (one per district per meeting)."""
    people_used, bodies_used = set(), set()
    plans = []
    for index in range(count):
        plan = plan_honoree(rng, districts[index % len(districts)], people_used=people_used, bodies_used=bodies_used)
        if rng.random() < 0.15:  # the office has not translated every honoree yet
            plan.citation_en = plan.story_en = ""
        plans.append(plan)
    return plans


def joining_calendar(districts, rng, fiscal_year: int):
    """The programme's first year: districts join month by month, so some have fewer honours.

    Returns [(meeting date, [districts taking part])].
    """
    joins = {d.code: (0 if d.code == "8401" else rng.randint(0, 10)) for d in districts}
    calendar = []
    for month, day in enumerate(meeting_dates(fiscal_year)):
        taking_part = [d for d in districts if joins[d.code] <= month and rng.random() < 0.85]
        calendar.append((day, taking_part))
    return calendar
