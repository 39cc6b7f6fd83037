"""No layout shift while the fonts arrive late (issue 19 point 8): every public page type on a
phone over a slow network, where Sarabun comes after the first paint, shifts by 0.02 at most
(Cumulative Layout Shift, as Lighthouse counts it); on a fast one, Sarabun is the font used."""

import re
import time

import pytest

from tests.e2e.sitedata import build_public_site, public_pages

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RECORD_SHIFTS = """() => {
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }).observe({type: "layout-shift", buffered: true});
}"""
FONT_DELAY_S = 1.0


def late(route):
    # The browser goes on painting meanwhile; only this font's answer waits (a routed page skips the cache).
    time.sleep(FONT_DELAY_S)
    route.continue_()


def test_no_page_type_shifts_when_the_fonts_arrive_late(open_page):
    site = build_public_site()
    page = open_page("phone")
    page.add_init_script(f"({RECORD_SHIFTS})()")
    page.route(re.compile(r"\.woff2$"), late)
    shifts = {}
    for name, path in public_pages(
        honoree=site.honoree, meeting=site.meeting, district=site.district, network=site.network
    ):
        if name in {"not-found", "honoree-search", "honoree-list-filtered"}:
            continue
        page.goto(path, wait_until="load")
        page.wait_for_timeout(500)
        shifts[name] = page.evaluate("window.__layoutShift")
    too_much = {name: round(value, 3) for name, value in shifts.items() if value > 0.02}
    assert not too_much, f"layout shift over 0.02 with late fonts: {too_much}"


def test_on_a_fast_network_the_page_is_set_in_sarabun(open_page):
    build_public_site()
    page = open_page("phone")
    page.goto("/", wait_until="load")
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        """[...document.fonts].filter(f => f.family.replaceAll('"', '') === 'Sarabun' && f.status === 'loaded')
           .map(f => f.weight)"""
    )
    assert "400" in loaded and "700" in loaded, loaded
    assert page.evaluate("document.fonts.check('700 20px Sarabun', 'หอเกียรติยศ')")
