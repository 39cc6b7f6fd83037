"""Search and the duplicate warning find a name however it is typed, on the public page and in
the admin alike, and add no false hits (halloffame/thai.py: one normaliser)."""

import re

import pytest
from django.urls import reverse

from honorees.models import Honoree
from networks.models import Network
from tests.admin.conftest import honoree_form, messages_of
from tests.admin.test_spreadsheets import CONFIRM, HEADER, IMPORT, csv_file
from tests.factories import make_honoree

pytestmark = pytest.mark.django_db

NAMES = {
    "somchai": "นายสมชาย ใจดี",
    "malee": "น.ส.มาลี ศรีสุข",
    "savings": "กลุ่มออมทรัพย์หมู่ ๑๑",
    "police": "ร้อยตำรวจโท วีระ กล้าหาญ",
    "honey": "นางน้ำผึ้ง หวานใจ",
    "untitled": "สมศรี มีสุข",
    "somchai_woman": "นางสมชาย ใจงาม",
}
FOUND = [
    ("สมชาย", {"somchai", "somchai_woman"}),
    ("นายสมชาย", {"somchai"}),
    ("นาย สมชาย", {"somchai"}),
    ("นายสมชายใจดี", {"somchai"}),
    ("สมชาย  ใจดี", {"somchai"}),
    ("สมชาย\u200bใจดี", {"somchai"}),
    ("นางสมชาย", {"somchai_woman"}),
    ("น.ส.มาลี", {"malee"}),
    ("นางสาวมาลี", {"malee"}),
    ("นางสาว มาลี ศรีสุข", {"malee"}),
    ("มาลีศรีสุข", {"malee"}),
    ("หมู่ 11", {"savings"}),
    ("หมู่๑๑", {"savings"}),
    ("กลุ่มออมทรัพย์ หมู่ 11", {"savings"}),
    ("ร.ต.ท.วีระ", {"police"}),
    ("ร.ต.ท. วีระ กล้าหาญ", {"police"}),
    ("ร้อยตำรวจโทวีระ", {"police"}),
    ("น\u0e49\u0e4d\u0e32ผึ้ง", {"honey"}),  # SARA AM typed as NIKHAHIT + SARA AA
    ("นางน้ำผึ้ง", {"honey"}),
    ("นางสมศรี", {"untitled"}),  # the record has no title to contradict the one typed
    # no false hits: another title, another name, another number
    ("นางมาลี", set()),
    ("ร.ต.อ. วีระ", set()),
    ("สมชาย ใจร้าย", set()),
    ("หมู่ 12", set()),
    ("น้ำตาล", set()),
]


@pytest.fixture
def honorees():
    return {key: make_honoree(name=name) for key, name in NAMES.items()}


def public_names(client, query):
    body = client.get("/honorees/", {"q": query}).content.decode()
    return set(re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', body))


def admin_names(admin_client, query, honorees):
    body = admin_client.get(reverse("admin:honorees_honoree_changelist"), {"q": query}).content.decode()
    return {h.name for h in honorees.values() if reverse("admin:honorees_honoree_change", args=[h.pk]) in body}


@pytest.mark.parametrize("query, keys", FOUND)
def test_the_page_and_the_admin_find_the_same_honorees(client, secretariat_client, honorees, query, keys):
    expected = {honorees[key].name for key in keys}
    assert public_names(client, query) == expected
    assert admin_names(secretariat_client, query, honorees) == expected


def test_a_record_typed_with_variants_is_found_by_its_plain_spelling(client):
    typed = make_honoree(name="นาง\u00a0น\u0e49\u0e4d\u0e32ฝน\u200b  ใจ๑")
    assert typed.name == "นาง น้ำฝน ใจ๑"
    assert public_names(client, "น้ำฝน ใจ1") == {typed.name}


DUPLICATES = [
    ("นายสมชาย ใจดี", "สมชาย\u200b ใจดี"),
    ("น.ส.มาลี ศรีสุข", "นางสาวมาลี  ศรีสุข"),
    ("กลุ่มหมู่ ๑๑", "กลุ่มหมู่ 11"),
    ("นางน้ำผึ้ง หวานใจ", "น\u0e49\u0e4d\u0e32ผึ้ง หวานใจ"),
    ("ว่าที่ ร.ต. สมหมาย ดี", "ว่าที่ร้อยตรีสมหมาย ดี"),
]


@pytest.mark.parametrize("existing, typed", DUPLICATES)
def test_the_duplicate_warning_catches_every_variant_in_both_directions(
    secretariat_client, samui, phangan, existing, typed
):
    network = Network.objects.first()
    for first, second in ((existing, typed), (typed, existing)):
        Honoree.objects.all().delete()
        make_honoree(district=phangan, name=first)
        response = secretariat_client.post(
            reverse("admin:honorees_honoree_add"), honoree_form(samui, network, name=second), follow=True
        )
        assert any("อาจซ้ำ" in m for m in messages_of(response)), (first, second)
        assert Honoree.objects.count() == 2  # a warning, never a merge


@pytest.mark.parametrize(
    "existing, typed", [("นางสาวิตรี ใจดี", "นางวิตรี ใจดี"), ("นายสมชาย ใจดี", "นายสมชาย ใจดีมาก"), ("กลุ่มหมู่ 1", "กลุ่มหมู่ 11")]
)
def test_two_different_people_are_not_called_duplicates(secretariat_client, samui, phangan, existing, typed):
    make_honoree(district=phangan, name=existing)
    response = secretariat_client.post(
        reverse("admin:honorees_honoree_add"), honoree_form(samui, Network.objects.first(), name=typed), follow=True
    )
    assert not any("อาจซ้ำ" in m for m in messages_of(response))
    assert Honoree.objects.count() == 2


def test_the_import_finds_the_same_duplicates(secretariat_client, samui):
    make_honoree(district=samui, name="นางสาวมาลี ศรีสุข")
    text = HEADER + "8404,น.ส. มาลี\u00a0ศรีสุข,education,เหตุผล,,,,\n8404,ด.ญ.ขวัญ ใจ,education,เหตุผล,,,,\n"
    text += "8404,เด็กหญิงขวัญ  ใจ,education,เหตุผล,,,,\n"
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(text)})
    problems = {row.line: " ".join(row.problems) for row in response.context["checked"]}
    assert "นางสาวมาลี ศรีสุข" in problems[2]
    assert problems[3] == ""
    assert "ชื่อซ้ำกับแถวที่ 3" in problems[4]
    assert secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"]}).status_code == 400
