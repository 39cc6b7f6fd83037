"""A citizen's journey through the public site on a phone and on a desktop."""

import re

import pytest

from tests.e2e.checks import assert_no_sideways_scroll, contains
from tests.e2e.sitedata import build_public_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def link_or_button(scope, name):
    return scope.get_by_role("link", name=name).or_(scope.get_by_role("button", name=name))


def tap_map_area(page, link):
    """Tap a district on the map where the district itself is drawn: the middle of its box may
    be sea (islands) or a neighbour, so look for a point whose topmost element is inside the link."""
    link.scroll_into_view_if_needed()
    point = link.evaluate(
        """(link) => {
          const box = link.getBoundingClientRect();
          for (let step = 8; step <= 64; step *= 2) {
            for (let i = 1; i < step; i++) for (let j = 1; j < step; j++) {
              const x = box.left + box.width * i / step, y = box.top + box.height * j / step;
              const hit = document.elementFromPoint(x, y);
              if (hit && link.contains(hit)) return [x, y];
            }
          }
          return null;
        }"""
    )
    assert point, "no visible point of the district's shape can be tapped"
    page.mouse.click(*point)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_citizen_goes_from_the_map_to_a_profile_shares_it_and_reads_it_in_english(
    size, live_server, open_page, settings
):
    settings.SITE_URL = live_server.url
    site = build_public_site()
    honoree, meeting, district = site.honoree, site.meeting, site.district
    page = open_page(size, permissions=["clipboard-read", "clipboard-write"])

    def looks_right():
        if size == "phone":
            assert_no_sideways_scroll(page)

    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "th"
    looks_right()

    # Home → the districts map, through the site's navigation.
    page.get_by_role("navigation").first.get_by_role("link", name=re.compile("^อำเภอ")).first.click()
    page.wait_for_url("**/districts/")
    looks_right()

    # The map is an inline SVG whose districts are links named after the district.
    map_link = page.locator("svg").get_by_role("link", name=re.compile(district.name_th))
    assert map_link.count() == 1, "the map has one link for Ko Samui"
    tap_map_area(page, map_link)
    page.wait_for_url(f"**{district.get_absolute_url()}")
    assert district.name_th in page.get_by_role("heading", level=1).inner_text()
    looks_right()

    # The district's page → the honoree's profile.
    page.get_by_role("main").get_by_role("link", name=re.compile(honoree.name)).first.click()
    page.wait_for_url(f"**{honoree.get_absolute_url()}")
    assert page.get_by_role("heading", level=1).inner_text().strip() == honoree.name
    assert page.get_by_role("main").get_by_text(honoree.citation).count() >= 1
    profile_url = page.url
    looks_right()
    # The portrait shows whole, in its own proportions (900 × 1200), not cut to a square.
    shown = page.locator(".profile__photo img").evaluate("img => img.clientHeight / img.clientWidth")
    assert abs(shown - 1200 / 900) < 0.02

    # Share: LINE and Facebook links, and a button that copies the profile's address.
    main = page.get_by_role("main")
    assert main.get_by_role("link", name=re.compile("LINE", re.I)).count() >= 1
    assert main.get_by_role("link", name=re.compile("Facebook", re.I)).count() >= 1
    page.evaluate("navigator.clipboard.writeText('')")
    main.get_by_role("button", name=re.compile("คัดลอก")).first.click()
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == profile_url

    # The profile → the meeting that honoured them: its announcement page.
    # The link names the month ("ประจำเดือนตุลาคม 2568") or the number ("1/2569").
    meeting_name = re.compile(f"{contains(meeting.month_label).pattern}|{contains(meeting.fiscal_number).pattern}")
    main.get_by_role("link", name=meeting_name).first.click()
    page.wait_for_url(f"**{meeting.get_absolute_url()}")
    assert "ประกาศยกย่องเชิดชูคนดี" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_role("main").get_by_role("link", name=re.compile(honoree.name)).count() >= 1
    looks_right()

    # The language switcher: the same announcement in English.
    link_or_button(page, re.compile("^(English|EN)$", re.I)).first.click()
    page.wait_for_url(f"**/en{meeting.get_absolute_url()}")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("main").get_by_role("link", name=re.compile(re.escape(honoree.name_en))).count() >= 1
    looks_right()

    page.problems.assert_none(f"at {size} size")


def test_site_icon_loads_so_no_page_asks_for_a_missing_favicon(open_page):
    # A page that names no icon makes the browser fetch /favicon.ico, whose 404 lands in the
    # console of every first visit; the collector leaves that request out, so check it here.
    page = open_page("phone")
    page.goto("/")
    icons = page.locator("link[rel~='icon']").evaluate_all("links => links.map(link => link.href)")
    for url in icons or [page.url.rstrip("/") + "/favicon.ico"]:
        assert page.request.get(url).status == 200, f"the site icon {url} does not load"
