"""Every state of the staff dashboards (the admin's landing page), at phone and desktop size:
`make screenshots` saves them beside the public pages as `<size>-dashboard-<NN>-<state>.png`,
and checks each for sideways scrolling on a phone and for serious accessibility violations."""

from datetime import timedelta

import pytest
from django.utils import timezone

from honorees.models import PrivacyRequest
from networks.models import District
from tests.e2e.axe import BLOCKING_IMPACTS, axe_violations, format_violations
from tests.e2e.checks import assert_no_sideways_scroll
from tests.e2e.conftest import SIZES
from tests.e2e.staff import log_in, make_staff
from tests.e2e.test_screenshots import SCREENSHOT_DIR, SETTLE
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _busy_month():
    today = timezone.localdate()
    samui, phangan = District.objects.get(code="8404"), District.objects.get(code="8405")
    meeting = make_meeting(
        published=False, day=today + timedelta(days=12), nomination_deadline=today + timedelta(days=4)
    )
    make_honoree(status="approved", meeting=meeting, district=phangan, name="นางสาวพะงัน รักษ์ทะเล", name_en="")
    make_honoree(status="draft", meeting=None, district=samui, name="นายร่าง ยังไม่เสนอ", name_en="")
    make_honoree(
        status="rejected", meeting=None, district=samui, name="นางส่งกลับ แก้ไขก่อน", name_en="",
        rejection_reason="ยังไม่มีหนังสือยินยอมที่ลงลายมือชื่อ โปรดแนบแล้วเสนอชื่ออีกครั้ง",
    )  # fmt: skip
    for n, district in enumerate([samui, phangan, phangan, District.objects.get(code="8401")]):
        make_honoree(status="nominated", meeting=None, district=district, name=f"นายรอพิจารณา คนที่{n + 1}", name_en="")
    for days_ago in (35, 20, 1):
        request = PrivacyRequest.objects.create(
            kind="removal", requester_name="นางสมใจ ขอลบ", requester_contact="0811111111", message="ขอให้ลบรูป"
        )
        PrivacyRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(days=days_ago))


def test_screenshots_of_every_dashboard_state(open_page):
    make_staff("officer_samui", role="district_officer", districts=["8404"])
    make_staff("secretariat1", role="secretariat")
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    states = [("officer-fresh-install", "officer_samui"), ("secretariat-fresh-install", "secretariat1")]
    problems, written, number = [], [], 0

    def shoot(state, username):
        nonlocal number
        number += 1
        for size in SIZES:
            page = open_page(size)
            log_in(page, username)
            page.evaluate(SETTLE)
            target = SCREENSHOT_DIR / f"{size}-dashboard-{number:02d}-{state}.png"
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
            if size == "phone":
                try:
                    assert_no_sideways_scroll(page)
                except AssertionError as error:
                    problems.append(f"{size} {state}: {error}")
            blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
            if blocking:
                problems.append(format_violations(blocking, url=f"{size} {state}"))
            problems.extend(f"{size} {state}: {line}" for line in page.problems.lines())

    for state, username in states:
        shoot(state, username)
    _busy_month()
    shoot("officer-month-under-way", "officer_samui")
    shoot("secretariat-month-under-way", "secretariat1")
    meeting = make_meeting(published=False, day=timezone.localdate() + timedelta(days=1))
    meeting.nomination_deadline = timezone.localdate() - timedelta(days=2)
    meeting.save()
    shoot("officer-deadline-passed", "officer_samui")
    assert all(path.stat().st_size > 5_000 for path in written), "every screenshot holds a picture"
    print(f"\n{len(written)} dashboard screenshots in {SCREENSHOT_DIR}")
    assert not problems, "\n".join(problems)
