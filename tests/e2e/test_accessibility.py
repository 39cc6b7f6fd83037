"""axe-core on every public page type at both sizes, and on the admin's honoree form and honour board."""

import pytest
from django.urls import reverse

from tests.e2e.axe import BLOCKING_IMPACTS, axe_violations, format_violations
from tests.e2e.sitedata import build_public_site, public_pages
from tests.e2e.staff import log_in, make_staff
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def check(page, label: str, failures: list[str]):
    """axe on the page as it is; the browser's own complaints are collected first, because axe
    trips the site's CSP itself (it sets style attributes while it measures) and they are cleared after."""
    failures += [f"[{label}] {line}" for line in page.problems.lines()]
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
    if blocking:
        failures.append(f"[{label}] " + format_violations(blocking, url=page.url))
    page.problems.clear()


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_every_public_page_type_has_no_serious_accessibility_violation(size, open_page):
    site = build_public_site()
    page = open_page(size)
    failures = []
    for name, path in public_pages(
        honoree=site.honoree, meeting=site.meeting, district=site.district, network=site.network
    ):
        response = page.goto(path)
        expected = 404 if name == "not-found" else 200
        assert response.status == expected, f"{path} answered {response.status}, expected {expected}"
        if name == "not-found":
            page.problems.forget(page.url)  # the 404 is what this page is for
        check(page, name, failures)
    assert not failures, "\n\n".join(failures)


def test_admin_honoree_form_and_honour_board_have_no_serious_accessibility_violation(open_page):
    make_staff("secretary", role="secretariat")
    make_staff("officer-samui", role="district_officer", districts=["8404"])
    meeting = make_meeting(published=False)
    pages = {
        "secretary": [
            reverse("admin:honorees_honoree_add"),
            reverse("admin:meetings_meeting_board", args=[meeting.pk]),
        ],
        "officer-samui": [reverse("admin:honorees_honoree_add")],
    }
    failures = []
    for username, paths in pages.items():
        page = open_page("desktop")
        log_in(page, username)
        for path in paths:
            assert page.goto(path).status == 200
            assert page.get_by_role("heading", level=1).count() == 1
            check(page, f"{path} as {username}", failures)
    assert not failures, "\n\n".join(failures)
