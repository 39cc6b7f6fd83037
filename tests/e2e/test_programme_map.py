"""Learning sources as points on the server-drawn district map, on a 375 px phone."""

import pytest

from networks.models import District
from tests.e2e.checks import assert_no_sideways_scroll
from tests.programme.factories import make_learning_source, make_organisation

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_learning_sources_are_points_inside_the_map_and_lead_to_their_page(live_server, open_page):
    sources = [
        make_learning_source(organisation=make_organisation(district=District.objects.get(code=code)))
        for code in ("8401", "8404", "8416")
    ]
    page = open_page("phone")
    page.goto("/learning/")
    assert_no_sideways_scroll(page)
    svg = page.locator("svg.map__svg")
    map_box = svg.bounding_box()
    assert map_box["width"] <= 375
    points = page.locator("a.map__point")
    assert points.count() == len(sources)
    for i in range(points.count()):
        box = points.nth(i).bounding_box()
        assert box["width"] > 0 and box["height"] > 0
        assert map_box["x"] <= box["x"] and box["x"] + box["width"] <= map_box["x"] + map_box["width"] + 1
        assert map_box["y"] <= box["y"] and box["y"] + box["height"] <= map_box["y"] + map_box["height"] + 1
    # The list beside the map names the same places, for people who do not use maps.
    for source in sources:
        assert page.locator(".learning-list").get_by_role("link", name=source.name).is_visible()
    first = points.first
    first.scroll_into_view_if_needed()
    box = first.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/learning/*/")
    assert page.locator("h1").inner_text() in {s.name for s in sources}
    assert page.locator("circle.map__point-dot").count() == 1
    assert_no_sideways_scroll(page)
    page.problems.assert_none()
