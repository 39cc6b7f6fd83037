"""A citizen suggests a good person of their district from a phone (375 px), fixes what the form
refused without losing the text, gets a reference and its status; the district's officer turns
the suggestion into a draft candidate in the admin."""

import re

import pytest
from django.core import mail

from honorees.models import Honoree
from honorees.suggestions.models import Suggestion
from tests.e2e.axe import assert_accessible
from tests.e2e.checks import assert_no_sideways_scroll
from tests.e2e.staff import log_in, make_staff

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STORY = "ลุงชัยพายเรือเก็บขยะในคลองทุกเช้ามาสิบห้าปี\n\nและสอนเด็ก ๆ ในหมู่บ้านให้แยกขยะ"


def test_a_citizen_suggests_a_good_person_on_a_phone_and_the_officer_forwards_it(open_page, live_server, settings):
    settings.SITE_URL = live_server.url
    page = open_page("phone")

    # From the district page, the link to suggest someone of that district.
    page.goto("/districts/ko-samui/")
    page.get_by_role("link", name=re.compile("เสนอชื่อคนดีของอำเภอเกาะสมุย")).click()
    page.wait_for_url(re.compile(r"/suggest/\?district=ko-samui$"))
    assert page.get_by_label("อำเภอ", exact=True).input_value() == "ko-samui"
    assert_no_sideways_scroll(page)
    assert_accessible(page)

    page.get_by_label("ชื่อบุคคล องค์กร กลุ่ม หรือชุมชนที่ท่านเสนอ").fill("นายชัย รักษ์คลอง")
    page.get_by_label("ทำความดีอะไร เพื่อใคร มานานเท่าใด").fill(STORY)
    page.get_by_label("ชื่อของท่าน").fill("นางสาวมณี ใกล้บ้าน")
    page.get_by_label(re.compile("^อีเมล")).fill("manee@example.org")
    page.get_by_label("ท่านเกี่ยวข้องกับผู้ที่เสนออย่างไร").fill("เพื่อนบ้าน")
    # Forgot the consent: refused with a Thai message, and everything typed is still there.
    page.get_by_role("button", name="ส่งข้อเสนอ").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "ยังส่งไม่ได้" in alert.inner_text() and "กรุณาให้ความยินยอมก่อนส่ง" in page.content()
    assert page.get_by_label("ทำความดีอะไร เพื่อใคร มานานเท่าใด").input_value() == STORY
    assert page.get_by_label("ชื่อของท่าน").input_value() == "นางสาวมณี ใกล้บ้าน"
    assert_no_sideways_scroll(page)
    page.problems.forget(page.url)  # the 400 of the refused form is what this step is about

    page.get_by_label(re.compile("^ข้าพเจ้ายินยอม")).check()
    page.get_by_role("button", name="ส่งข้อเสนอ").click()
    page.wait_for_url(re.compile(r"/suggest/sent/\?ref="))
    reference = page.locator("#reference").inner_text().strip()
    assert re.fullmatch(r"ส-25\d\d-\d{6}", reference)
    assert_no_sideways_scroll(page)
    assert_accessible(page)
    suggestion = Suggestion.objects.get(reference=reference)
    assert suggestion.district.code == "8404" and suggestion.name == "นายชัย รักษ์คลอง"
    assert any(reference in message.body for message in mail.outbox)

    page.get_by_role("link", name="ดูสถานะข้อเสนอนี้").click()
    assert page.get_by_role("status").filter(has_text="ได้รับข้อเสนอแล้ว").is_visible()
    assert "นายชัย" not in page.content()
    assert_no_sideways_scroll(page)
    page.problems.assert_none("while suggesting")

    # The Ko Samui officer finds it in the queue and forwards it as a draft candidate.
    make_staff("officer_samui", role="district_officer", districts=["8404"])
    staff = open_page("phone")
    log_in(staff, "officer_samui")
    staff.goto("/admin/suggestions/suggestion/")
    assert "ข้อเสนอใหม่รายอำเภอ" in staff.content()
    staff.get_by_role("link", name=reference).click()
    staff.get_by_label("ส่งต่อเป็นฉบับร่างผู้ได้รับการเสนอชื่อ เครือข่าย:").select_option(label="เครือข่ายประชาสังคม")
    staff.get_by_role("button", name="สร้างฉบับร่างผู้ได้รับการเสนอชื่อ").click()
    staff.wait_for_url(re.compile(r"/admin/honorees/honoree/\d+/change/"))
    honoree = Honoree.objects.get(name="นายชัย รักษ์คลอง")
    assert honoree.status == Honoree.Status.DRAFT and honoree.network.slug == "civil-society"
    staff.problems.assert_none("in the officer's queue")

    page.reload()
    assert page.get_by_role("status").filter(has_text="ส่งต่อเป็นผู้ได้รับการเสนอชื่อแล้ว").is_visible()
