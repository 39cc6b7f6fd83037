"""The admin's lists at a 1280 px office screen show every column without scrolling sideways:
below 1500 px the menu sidebar gives way (the dashboard lists every menu); wider, it is there."""

import pytest
from django.urls import reverse

from tests.e2e.staff import log_in, make_staff
from tests.factories import make_honoree
from tests.programme.factories import make_learning_source, make_organisation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LISTS = ["admin:honorees_honoree_changelist", "admin:meetings_meeting_changelist",
         "admin:programme_modelorganisation_changelist", "admin:programme_learningsource_changelist"]  # fmt: skip


def overflow(page) -> int:
    return page.evaluate(
        "(() => { const r = document.querySelector('.results'); return r.scrollWidth - r.clientWidth })()"
    )


def test_every_column_of_the_lists_fits_a_1280_px_screen(open_page):
    make_staff("secretary", role="secretariat")
    make_honoree(name="องค์การบริหารส่วนตำบลเขาหัวควายพัฒนาชุมชน", kind="organization")
    make_learning_source(organisation=make_organisation())
    page = open_page((1280, 800))
    log_in(page, "secretary")
    for name in LISTS:
        page.goto(reverse(name))
        assert overflow(page) <= 0, name
        assert page.locator("#nav-sidebar").is_hidden()
    page.goto(reverse("admin:honorees_honoree_changelist"))
    status = page.locator("th.column-status")
    assert status.is_visible() and status.bounding_box()["x"] + status.bounding_box()["width"] <= 1280
    page.problems.assert_none()


def test_a_wide_screen_keeps_the_menu_sidebar(open_page):
    make_staff("secretary", role="secretariat")
    page = open_page((1600, 900))
    log_in(page, "secretary")
    page.goto(reverse("admin:honorees_honoree_changelist"))
    assert page.locator("#nav-sidebar").is_visible()
    page.problems.assert_none()
