"""Every public page type, with the demo data, at phone and desktop size: saved as PNG files to
look at (`make screenshots`; CI makes them on every run), and checked on the way.

The files go to $SCREENSHOT_DIR, or screenshots/ at the top of the project (git-ignored), named
`<size>-<NN>-<page>.png`.
"""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from honorees.models import Honoree
from meetings.models import Meeting
from tests.e2e.checks import assert_no_sideways_scroll
from tests.e2e.conftest import SIZES
from tests.e2e.sitedata import public_pages
from tests.meetings_day.pdftools import certificate_png

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOT_DIR = Path(os.environ.get("SCREENSHOT_DIR") or django_settings.BASE_DIR / "screenshots")

# Scroll through the page so that lazy images load, then wait until every image has arrived
# and the webfont is in use: the picture must show what a visitor sees after a moment.
SETTLE = """async () => {
  for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight) {
    window.scrollTo(0, y);
    await new Promise(requestAnimationFrame);
  }
  window.scrollTo(0, 0);
  await Promise.all([...document.images].map(img => img.complete ? null
    : new Promise(done => { img.addEventListener('load', done); img.addEventListener('error', done); })));
  await document.fonts.ready;
}"""


def test_screenshots_of_every_public_page_type_at_phone_and_desktop_size(open_page, settings, live_server):
    settings.SITE_URL = live_server.url
    call_command("load_demo_data", stdout=io.StringIO())
    public = Honoree.objects.public()
    people_with_photos = public.filter(kind=Honoree.Kind.PERSON).exclude(photo="")
    honoree = people_with_photos.order_by("-meeting__date", "district__code").first() or public.first()
    assert honoree, "the demo data has public honorees"
    meeting = Meeting.objects.published().order_by("-date").first()
    pages = public_pages(honoree=honoree, meeting=meeting, district=honoree.district, network=honoree.network)
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    problems, written = [], []
    for size in SIZES:
        page = open_page(size)
        for number, (name, path) in enumerate(pages, start=1):
            response = page.goto(path)
            expected = 404 if name == "not-found" else 200
            if response.status != expected:
                problems.append(f"{size} {path}: status {response.status}, expected {expected}")
            page.evaluate(SETTLE)
            target = SCREENSHOT_DIR / f"{size}-{number:02d}-{name}.png"
            page.screenshot(path=str(target), full_page=True)
            written.append(target)
            if size == "phone":
                try:
                    assert_no_sideways_scroll(page)
                except AssertionError as error:
                    problems.append(f"{size} {path}: {error}")
            if name == "not-found":
                page.problems.forget(page.url)  # the 404 is what this page is for
            problems += [f"{size} {path}: {line}" for line in page.problems.lines()]
            page.problems.clear()
    written.append(certificate_png(honoree, SCREENSHOT_DIR / "print-01-certificate.png"))
    assert all(path.stat().st_size > 5_000 for path in written), "every screenshot holds a picture"
    print(f"\n{len(written)} screenshots in {SCREENSHOT_DIR}")
    assert not problems, "\n".join(problems)
