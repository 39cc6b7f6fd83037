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


# The charts of /statistics/ on the narrowest phone and on a desktop, checked as drawn and printed.
CHART_SIZES = {"320": (320, 640), "1280": (1280, 800)}


def test_statistics_charts_at_320_and_1280_px(open_page, live_server):
    from datetime import date

    from networks.models import District, Network
    from tests.factories import make_honoree, make_meeting

    districts, networks = list(District.objects.order_by("code")), list(Network.objects.order_by("order"))
    for i, day in enumerate([date(2024, 10, 28), date(2025, 3, 24), date(2025, 10, 27), date(2025, 11, 24)]):
        meeting = make_meeting(day=day)
        for d, district in enumerate(districts[: 10 + 3 * i]):
            make_honoree(meeting=meeting, district=district, network=networks[(d + i) % 3 * 2])
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    problems = []
    for size, viewport in CHART_SIZES.items():
        page = open_page(viewport)
        for name, path in [("statistics", "/statistics/"), ("statistics-en", "/en/statistics/?fiscal_year=2569")]:
            assert page.goto(path).status == 200
            page.evaluate(SETTLE)
            page.screenshot(path=str(SCREENSHOT_DIR / f"charts-{size}-{name}.png"), full_page=True)
            try:
                assert_no_sideways_scroll(page)
            except AssertionError as error:
                problems.append(f"{size} {path}: {error}")
            charts = page.locator("svg.column-chart")
            assert charts.count() == 2
            for i in range(charts.count()):
                box = charts.nth(i).bounding_box()
                assert box["width"] >= 250 and box["height"] >= 120, (size, path, box)
                assert box["x"] >= 0 and box["x"] + box["width"] <= viewport[0], (size, path, box)
                # the tallest column and the labels under the columns are inside the drawing
                bars = charts.nth(i).locator("rect.column-chart__bar")
                labels = charts.nth(i).locator("text.column-chart__label")
                for j in range(labels.count()):
                    label = labels.nth(j).bounding_box()
                    assert box["y"] <= label["y"] and label["y"] + label["height"] <= box["y"] + box["height"] + 1
                assert bars.count() == labels.count()
            bars = page.locator(".bar-chart__fill")
            assert bars.count() == 8 + 4 + 5
            assert page.locator(".bar-chart__bar").first.bounding_box()["width"] > 60
            problems += [f"{size} {path}: {line}" for line in page.problems.lines()]
            page.problems.clear()
        page.emulate_media(media="print")
        page.goto("/statistics/")
        assert page.locator("svg.column-chart").first.is_visible()
        assert page.locator(".heat-table").is_visible() and not page.locator("form.filters").is_visible()
        page.screenshot(path=str(SCREENSHOT_DIR / f"charts-{size}-statistics-print.png"), full_page=True)
    assert not problems, "\n".join(problems)
