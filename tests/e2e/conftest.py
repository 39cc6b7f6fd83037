"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

One Chromium for all the tests of this folder; each test opens cheap contexts with `open_page`.
Every page collects what a person would never notice but a broken site shows: console errors,
uncaught exceptions, failed requests and same-origin responses of 400 and above. Journeys end with
`page.problems.assert_none()`.

Test modules mark themselves `django_db(transaction=True, serialized_rollback=True)`: the live
server runs in another thread, so rows must be committed, and the serialized rollback puts the
reference data (districts, networks, virtues, role groups; loaded by migrations) back after the
flush that ends every transactional test.
"""

import os
import shutil

import pytest

from tests.e2e.checks import BrowserProblems

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there (setting up rows) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

SIZES = {"phone": (375, 812), "desktop": (1280, 800)}
# Playwright waits at most this long for a page or an element; a healthy local page takes well
# under a second, and a slow CI machine still finishes long before it.
TIMEOUT_MS = 15_000


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Under CI a browser test that skips, for whatever reason, counts as failed."""
    report = yield
    if os.environ.get("CI") and report.skipped and item.get_closest_marker("e2e") and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"CI must run the browser tests, but this one skipped: {reason}"
    return report


@pytest.fixture(scope="package", autouse=True)
def _media_through_the_site():
    """Django's live server answers /media/ itself, straight from MEDIA_ROOT, before the site's
    URLs are asked. The site serves honoree photos through a view that applies the public rule
    (a withdrawn honoree's photos are a 404); let the browser tests see that view, as visitors do."""
    from django.test.testcases import _MediaFilesHandler

    patch = pytest.MonkeyPatch()
    patch.setattr(_MediaFilesHandler, "_should_handle", lambda self, path: False)
    yield
    patch.undo()


# One Chromium for all the tests of this folder; "package" rather than "session" so that it
# stops when they are done and browser tests elsewhere can start Playwright themselves.
@pytest.fixture(scope="package")
def browser(django_db_setup, django_db_blocker):
    if not os.path.exists(CHROMIUM):
        message = "Chromium not found: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH)"
        if os.environ.get("CI"):
            pytest.fail(message + " — CI must run the browser tests, not skip them")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    serialized = _serialized_test_databases()
    with sync_playwright() as playwright:
        _keep_serialized_test_databases(serialized)
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, live_server):
    """`open_page("phone")` or `open_page("desktop")` (or a (width, height) pair): a fresh page
    in its own context with Thai as the browser's language. `page.problems` collects errors."""
    contexts = []

    def _open(size="phone", *, permissions=None, locale="th-TH", **context_options):
        width, height = SIZES[size] if isinstance(size, str) else size
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale=locale, base_url=live_server.url, **context_options
        )
        contexts.append(context)
        context.set_default_timeout(TIMEOUT_MS)
        if permissions:
            context.grant_permissions(permissions, origin=live_server.url)
        page = context.new_page()
        page.problems = BrowserProblems(origin=live_server.url)
        page.problems.attach(page)
        return page

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture
def phone(open_page):
    return open_page("phone")


@pytest.fixture
def desktop(open_page):
    return open_page("desktop")


# Once Playwright's sync API has started, the test code runs under other context variables
# (Playwright switches greenlets), so Django's `connections` hands it new connection objects. The copy of the
# test database that `serialized_rollback` restores after each test's flush lives on the old
# objects; carry it over, or every browser test after the first finds no districts.
def _serialized_test_databases() -> dict:
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


def _keep_serialized_test_databases(serialized: dict):
    from django.db import connections

    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents
