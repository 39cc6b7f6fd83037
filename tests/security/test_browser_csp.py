"""In real Chromium, the public pages and the admin work under the Content-Security-Policy:
not one violation and no JavaScript error."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import make_honoree

pytestmark = pytest.mark.e2e
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "csp-ทดสอบ-รหัสผ่าน-2569"
REPORT_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', e =>
  console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI
                + ' at ' + e.sourceFile + ':' + e.lineNumber));
"""


@pytest.fixture
def page():
    if not os.path.exists(CHROMIUM):
        message = "Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH)"
        if os.environ.get("CI"):
            pytest.fail(message + " — CI must run the browser tests, not skip them")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_context(locale="th-TH").new_page()
        page.add_init_script(REPORT_VIOLATIONS)
        page.problems = []
        # Failed loads are checked by their responses below (the console does not name the URL).
        page.on(
            "console",
            lambda m: (
                m.type == "error"
                and not m.text.startswith("Failed to load resource")
                and page.problems.append(f"{page.url}: {m.text}")
            ),
        )
        page.on(
            "response",
            lambda r: (
                r.status >= 400
                and not r.url.endswith("/favicon.ico")
                and page.problems.append(f"{r.status} for {r.url}")
            ),
        )
        page.on("pageerror", lambda error: page.problems.append(f"{page.url}: {error}"))
        yield page
        browser.close()


def visit(page, url):
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response.status < 400, f"{response.status} for {url}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_pages_and_admin_run_without_a_policy_violation(page, live_server):
    honoree = make_honoree(name="นางสาวนโยบาย เข้มงวด", name_en="Miss Strict Policy")
    get_user_model().objects.create_superuser("cspadmin", "csp@example.org", PASSWORD)
    base = live_server.url
    public = ["/", "/honorees/", "/honorees/?q=นโยบาย", honoree.get_absolute_url(), "/districts/",
              honoree.district.get_absolute_url(), "/networks/", "/meetings/", honoree.meeting.get_absolute_url(),
              "/privacy/", "/en/", "/en/privacy/"]  # fmt: skip
    for url in public:
        visit(page, base + url)

    visit(page, base + reverse("admin:login"))
    page.fill("#id_username", "cspadmin")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(base + reverse("admin:index"))
    admin_pages = [
        reverse("admin:index"),
        reverse("admin:honorees_honoree_changelist"),
        reverse("admin:honorees_honoree_add"),
        reverse("admin:honorees_honoree_change", args=[honoree.pk]),
        reverse("admin:honorees_honoree_history", args=[honoree.pk]),
        reverse("admin:meetings_meeting_add"),
        reverse("admin:meetings_meeting_change", args=[honoree.meeting.pk]),
        reverse("admin:honorees_privacyrequest_changelist"),
        reverse("admin:honorees_privacyrequest_add"),
    ]
    for url in admin_pages:
        visit(page, base + url)
    # The admin's own scripts ran: the autocomplete boxes (select2) exist only through JS. (Date
    # fields are B.E. text boxes now, without Django's Gregorian calendar shortcut.)
    visit(page, base + reverse("admin:honorees_honoree_add"))
    assert page.locator(".select2-container").count() >= 1
    assert page.problems == []
