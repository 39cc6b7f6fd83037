from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation

from honorees.models import Honoree
from networks.models import District, Network
from tests.factories import make_honoree, make_meeting
from tests.meetings_day import pdftools

# Stacked vowels and tone marks (น้ำผึ้ง, พึ่ง), so shaping and text extraction are both tested.
THAI_NAME = "นางสาวน้ำผึ้ง พึ่งบุญ"
LONG_CITATION = (
    "ครูผู้สอนเด็กบนเกาะให้รักการอ่านมากว่าสามสิบปี เปิดบ้านเป็นห้องสมุดชุมชนทุกเย็น "
    "และชักชวนผู้ปกครองร่วมกันดูแลเด็กและเยาวชนในพื้นที่ห่างไกลอย่างต่อเนื่องโดยไม่หวังสิ่งตอบแทนใด ๆ"
)


@pytest.fixture
def pdf_tools():
    pdftools.require_tools()
    return pdftools


@pytest.fixture
def meeting(db):
    """ครั้งที่ 1/2569, 28 ตุลาคม 2568, published."""
    return make_meeting(day=date(2025, 10, 28))


@pytest.fixture
def honorees(meeting):
    """Three honorees of the meeting, made out of district order."""
    return [
        make_honoree(
            meeting=meeting,
            district=District.objects.get(code="8417"),
            network=Network.objects.get(slug="civil-society"),
            kind=Honoree.Kind.COMMUNITY,
            name="ชุมชนบ้านท่าข้าม",
            citation="ชุมชนที่ร่วมกันดูแลแม่น้ำตาปี",
        ),
        make_honoree(
            meeting=meeting,
            district=District.objects.get(code="8404"),
            network=Network.objects.get(slug="education"),
            name=THAI_NAME,
            name_en="Ms. Namphueng Phuengboon",
            citation=LONG_CITATION,
        ),
        make_honoree(
            meeting=meeting,
            district=District.objects.get(code="8401"),
            network=Network.objects.get(slug="religion"),
            name="พระครูสุวรรณธรรมโชติ",
            citation="พัฒนาวัดเป็นศูนย์เรียนรู้ของชุมชน",
        ),
    ]


@pytest.fixture
def samui_honoree(honorees):
    return honorees[1]


@pytest.fixture
def secretariat(db):
    return get_user_model().objects.create_superuser("secretary", "secretary@example.org", "x")


@pytest.fixture
def secretariat_client(secretariat):
    client = Client()
    client.force_login(secretariat)
    return client


@pytest.fixture(autouse=True)
def _thai_urls():
    """reverse() gives the Thai (unprefixed) address whatever an earlier request left active."""
    with translation.override("th"):
        yield
