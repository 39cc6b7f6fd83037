"""The public summary's search in memory finds exactly what HonoreeQuerySet.search finds in the
database (titles, spacing, digit forms, SARA AM, English case, the citation), public rows only."""

from datetime import date

import pytest

from honorees.models import Honoree
from honorees.summary import public_summary
from tests.factories import make_honoree, make_meeting

NAMES = [
    ("พระครูสมุห์สมชาย ใจดี", "Phra Khru Somchai", "พัฒนาวัดเป็นศูนย์เรียนรู้ของชุมชน"),
    ("นางสาวสมศรี มีสุข", "Miss Somsri Meesuk", "ครูอาสาสอนหนังสือเด็กบนเกาะ"),
    ("ดร.วิชัย รักป่า", "Dr. Wichai Rakpa", "ปลูกป่าชายเลนหมู่ ๗ ตำบลท่าทอง"),
    ("ผู้ใหญ่บ้านน้ำใจ งามดี", "", "อาสาดับไฟป่า หมู่ 7"),
    ("โรงเรียนบ้านทุ่งสง", "BAN THUNG SONG SCHOOL", "ธนาคารขยะรีไซเคิล"),
    ("วิสาหกิจชุมชนน้ำ  ตาลโตนด", "Toddy Palm Group", "แปรรูปน้ำตาลโตนดสร้างรายได้"),
    # Letters beyond ASCII: SQLite's LIKE keeps their case, PostgreSQL's UPPER() folds them one for one.
    ("นายฮันส์ ชเตราส์", "Hans Strauß", "ครูสอนภาษาเยอรมันแก่เด็กเกาะสมุย École"),
]
TERMS = [
    "สม",
    "สมชาย",
    "พระครูสมชาย",
    "นายสมชาย",  # a title the honoree does not have
    "นางสาว สมศรี",
    "น.ส.สมศรี",
    "ดร. วิชัย",
    "หมู่ 7",
    "หมู่ ๗",
    "somsri",
    "SCHOOL",
    "school",
    "Toddy palm",
    "école",
    "STRAUß",
    "strauss",
    "น้ำ ตาล",
    "ป่า",
    "ไม่มีใครชื่อนี้",
    "นาย",
    "   ",
]


@pytest.fixture
def honorees(db):
    meeting = make_meeting(day=date(2024, 5, 20))
    public = [make_honoree(meeting=meeting, name=n, name_en=e, citation=c) for n, e, c in NAMES]
    make_honoree(meeting=None, status=Honoree.Status.DRAFT, name="นายสมชาย ร่างไว้", citation="ป่า")
    return public


@pytest.mark.parametrize("term", TERMS)
def test_the_in_memory_search_finds_what_the_database_finds(honorees, term):
    in_memory = {row[0] for row in public_summary().search(term)}
    in_database = set(Honoree.objects.public().search(term).values_list("pk", flat=True))
    assert in_memory == in_database


def test_the_in_memory_search_carries_each_match_facet_columns(honorees):
    (row,) = public_summary().search("วิชัย")
    honoree = Honoree.objects.get(pk=row[0])
    assert row == (honoree.pk, honoree.district_id, honoree.network_id, honoree.kind, honoree.meeting_id)


def test_a_search_for_something_finds_some_and_not_all(honorees):
    # Guards the parametrised test above against both sides finding everything or nothing.
    assert 0 < len(public_summary().search("สม")) < len(honorees)
    assert public_summary().search("ไม่มีใครชื่อนี้") == []
