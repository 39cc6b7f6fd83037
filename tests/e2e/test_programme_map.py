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


def test_programme_pages_with_content_have_no_serious_accessibility_violation(live_server, open_page):
    from networks.programme.models import Level
    from tests.e2e.axe import BLOCKING_IMPACTS, axe_violations, format_violations
    from tests.e2e.sitedata import programme_pages
    from tests.factories import make_honoree, uploaded_jpeg
    from tests.programme.factories import make_coach, make_lesson

    organisation = make_organisation(levels=[(2568, Level.MORAL), (2569, Level.OUTSTANDING)], contact_is_public=True)
    organisation.photo = uploaded_jpeg(size=(800, 600))
    organisation.save()
    make_learning_source(organisation=organisation)
    lesson = make_lesson(network=organisation.network, body="## หัวข้อ\nย่อหน้า\n\n[รูป 1]\n\nท้าย")
    lesson.organisations.add(organisation)
    make_coach(organisation=organisation, network=organisation.network)
    make_honoree(model_organisation=organisation)
    failures = []
    for size in ("phone", "desktop"):
        page = open_page(size)
        for name, path in programme_pages():
            assert page.goto(path).status == 200, path
            failures += [f"[{size} {name}] {line}" for line in page.problems.lines()]
            blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING_IMPACTS]
            if blocking:
                failures.append(f"[{size} {name}] " + format_violations(blocking, url=page.url))
            page.problems.clear()
    assert not failures, "\n\n".join(failures)
