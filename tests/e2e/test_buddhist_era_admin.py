"""The admin in B.E. as a district officer sees it in Chromium: a date typed with Thai digits and
a Thai month is read, a C.E.-looking year is refused in Thai with the spelling to type, and the
meeting list and its date hierarchy read B.E. Screenshots go with `make screenshots`'s."""

import re
from datetime import date

import pytest
from django.urls import reverse

from honorees.models import Honoree
from networks.models import District
from tests.e2e.staff import log_in, make_staff
from tests.e2e.test_screenshots import SCREENSHOT_DIR
from tests.e2e.test_staff_journey import choose, field
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_an_officer_types_dates_in_be_and_is_told_when_a_year_looks_like_ce(open_page):
    make_staff("officer-be", role="district_officer", districts=["8404"])
    make_staff("secretary-be", role="secretariat")
    make_meeting(day=date(2024, 2, 27), published=True)
    make_meeting(day=date(2025, 3, 25), published=False)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)

    page = open_page("desktop")
    log_in(page, "officer-be")
    page.goto(reverse("admin:honorees_honoree_add"))
    field(page, "ชื่อ").fill("นางสาวทดลอง วันที่ไทย")
    choose(page, "อำเภอ", "เกาะสมุย")
    choose(page, "เครือข่าย", "เครือข่ายประชาสังคม")
    field(page, "เหตุผลการยกย่อง").fill("ทดสอบวันที่แบบพุทธศักราช")
    field(page, "วันที่ให้ความยินยอม").fill("15/12/2025")
    field(page, "วิธีให้ความยินยอม").select_option(value=Honoree.ConsentMethod.WRITTEN)
    field(page, "ยินยอมเผยแพร่ชื่อ").check()
    page.get_by_role("button", name=re.compile("บันทึกและกลับมาแก้ไข")).click()
    error = page.locator(".errorlist").first.inner_text()
    assert "ดูเหมือนเป็นปี ค.ศ. (ตรงกับ พ.ศ. 2568)" in error and "15/12/2568" in error
    page.screenshot(path=str(SCREENSHOT_DIR / "admin-01-be-date-refused.png"), full_page=True)
    assert not Honoree.objects.exists()

    field(page, "วันที่ให้ความยินยอม").fill("๑๕ ธ.ค. ๒๕๖๘")
    page.get_by_role("button", name=re.compile("บันทึกและกลับมาแก้ไข")).click()
    page.wait_for_url(re.compile(r"/honorees/honoree/\d+/change/"))
    assert Honoree.objects.get().consent_given_on == date(2025, 12, 15)
    assert field(page, "วันที่ให้ความยินยอม").input_value() == "15/12/2568"
    page.screenshot(path=str(SCREENSHOT_DIR / "admin-02-be-date-saved.png"), full_page=True)
    page.problems.assert_none()

    secretary = open_page("desktop")
    log_in(secretary, "secretary-be")
    secretary.goto(reverse("admin:meetings_meeting_changelist"))
    hierarchy = secretary.locator("nav.toplinks").inner_text()
    assert "2567" in hierarchy and "2568" in hierarchy and "2024" not in hierarchy
    assert "27 กุมภาพันธ์ 2567" in secretary.locator("#result_list").inner_text()
    secretary.screenshot(path=str(SCREENSHOT_DIR / "admin-03-meetings-be.png"), full_page=True)
    assert District.objects.count() == 19
    secretary.problems.assert_none()
