"""Issue 19 point 7 on the server's side: active filters each with a way out, meetings linked to
their neighbours, and one breadcrumb trail, in the main menu's words, on every page but home."""

import re
from datetime import date
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from networks.models import District, Network
from tests.e2e.sitedata import build_public_site, public_pages
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def remove_links(body: str) -> dict[str, str]:
    """The active-filter chips: their text → their link."""
    block = re.search(r'<div class="active-filters">(.*?)</div>', body, re.S)
    if not block:
        return {}
    return {
        unescape(re.sub(r"<[^>]+>", "", text)).strip(): unescape(href)
        for href, text in re.findall(r'<a class="chip chip--active" href="([^"]+)">(.*?)</a>', block.group(1), re.S)
    }


def test_each_active_filter_is_shown_above_the_results_with_a_link_that_removes_only_it(client):
    samui = District.objects.get(code="8404")
    education = Network.objects.get(slug="education")
    make_honoree(district=samui, network=education, name="นางครู เกาะ", citation="สอนเด็กอ่านหนังสือ")
    body = client.get("/honorees/", {"district": "ko-samui", "network": "education", "q": "ครู", "sort": "name"})
    body = body.content.decode()
    chips = remove_links(body)
    assert set(chips) == {
        "ค้นหา: ครู — เอาตัวกรองนี้ออก×",
        "อำเภอ: เกาะสมุย — เอาตัวกรองนี้ออก×",
        "เครือข่าย: เครือข่ายภาคการศึกษา — เอาตัวกรองนี้ออก×",
    }
    district_chip = next(href for text, href in chips.items() if text.startswith("อำเภอ"))
    query = parse_qs(urlsplit(district_chip).query)
    assert urlsplit(district_chip).path == "/honorees/"
    assert query == {"network": ["education"], "q": ["ครู"], "sort": ["name"]}
    assert body.index('class="active-filters"') < body.index('id="results-title"')
    # Following it, the district filter is gone and the others stay.
    after = client.get(district_chip).content.decode()
    assert "อำเภอ: เกาะสมุย" not in after and "เครือข่าย: เครือข่ายภาคการศึกษา" in after


def test_no_active_filter_block_without_filters_and_the_last_chip_leads_to_the_whole_list(client):
    make_honoree()
    assert remove_links(client.get("/honorees/").content.decode()) == {}
    assert 'class="active-filters"' not in client.get("/honorees/?sort=name").content.decode()
    chips = remove_links(client.get("/honorees/?kind=person").content.decode())
    assert list(chips.values()) == ["/honorees/"]


def meeting_pager(client, meeting) -> dict[str, str]:
    body = client.get(meeting.get_absolute_url()).content.decode()
    nav = re.search(r'<nav class="meeting-pager".*?</nav>', body, re.S).group(0)
    return dict(re.findall(r'rel="(prev|next)" href="([^"]+)"', nav))


def test_meeting_pages_link_to_the_previous_and_next_published_meeting(client):
    first = make_meeting(day=date(2024, 1, 23))
    make_meeting(day=date(2024, 2, 27), published=False)
    second = make_meeting(day=date(2024, 3, 26))
    third = make_meeting(day=date(2024, 10, 22))  # the next fiscal year
    assert meeting_pager(client, first) == {"next": second.get_absolute_url()}
    assert meeting_pager(client, second) == {"prev": first.get_absolute_url(), "next": third.get_absolute_url()}
    assert meeting_pager(client, third) == {"prev": second.get_absolute_url()}
    body = client.get(second.get_absolute_url()).content.decode()
    assert "ประจำเดือนมกราคม 2567" in body and "ประจำเดือนตุลาคม 2567" in body
    english = client.get(f"/en/meetings/{second.slug}/").content.decode()
    assert f'rel="prev" href="/en/meetings/{first.slug}/"' in english


def breadcrumbs(body: str) -> list[str]:
    trails = re.findall(r'<nav class="breadcrumbs"[^>]*>(.*?)</nav>', body, re.S)
    assert len(trails) == 1, f"{len(trails)} breadcrumb trails"
    return [unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in re.findall(r"<li>(.*?)</li>", trails[0], re.S)]


def test_every_page_but_home_has_one_breadcrumb_trail_in_the_menus_words(client):
    site = build_public_site()
    menu = {
        "/honorees/": "ผู้ได้รับการยกย่อง",
        "/districts/": "อำเภอ",
        "/networks/": "เครือข่าย",
        "/meetings/": "ประกาศประจำเดือน",
    }
    pages = public_pages(honoree=site.honoree, meeting=site.meeting, district=site.district, network=site.network)
    pages += [
        ("contact", "/contact/"),
        ("cookies", "/cookies/"),
        ("accessibility", "/accessibility/"),
        ("site-map", "/site-map/"),
    ]
    for name, path in pages:
        if name.startswith(("home", "not-found", "slide")) or path.startswith("/en/"):  # slides: full screen
            continue
        body = client.get(path).content.decode()
        trail = breadcrumbs(body)
        assert trail[0] == "หน้าแรก", (path, trail)
        section = next((label for prefix, label in menu.items() if path.startswith(prefix)), None)
        if section:
            assert trail[1] == section, (path, trail)
            # The trail's section is the menu item marked as the current one.
            current_menu = re.search(r'<a href="[^"]+" aria-current="page">([^<]+)</a>', body).group(1)
            assert current_menu == section, (path, current_menu)
            if path.rstrip("/").count("/") > 1 and "?" not in path:
                assert len(trail) == 3, (path, trail)
    english = breadcrumbs(client.get("/en" + site.district.get_absolute_url()).content.decode())
    assert english[0] == "Home"
