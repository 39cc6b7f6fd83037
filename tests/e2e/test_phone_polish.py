"""Issue 19 point 7 in the browser, on a 320 px and a 375 px phone: chips and counts stay on one
line (no lone character, no split number), the sort control shows its whole choice, an active
filter's chip removes it."""

import pytest

from tests.e2e.checks import assert_no_sideways_scroll
from tests.e2e.sitedata import build_public_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# What breaks the rule: a chip's count on more than one line or on another line than its name's
# end, or a line of a name with a lone character (a line fragment narrower than 1.2 em).
CHIP_PROBLEMS = """() => {
  const fragments = (el) => {
    const range = document.createRange(); range.selectNodeContents(el);
    return [...range.getClientRects()].filter(r => r.width > 0);
  };
  const lines = (rects, size) => rects.map(r => r.bottom).sort((a, b) => a - b)
    .filter((b, i, all) => i === 0 || b - all[i - 1] > size * 0.8).length;
  const problems = [];
  for (const chip of document.querySelectorAll('.chip')) {
    const size = parseFloat(getComputedStyle(chip).fontSize);
    const name = chip.querySelector('.chip__text');
    const text = chip.textContent.trim();
    const count = chip.querySelector('.chip__count');
    if (count && lines(fragments(count), size) > 1) problems.push(`count split: ${text}`);
    if (name) {
      const parts = fragments(name);
      if (parts.length > 1 && parts.some(r => r.width < size * 1.2)) problems.push(`lone character: ${text}`);
      if (count && count.getBoundingClientRect().top > parts.at(-1).bottom) problems.push(`count alone: ${text}`);
    }
  }
  return problems;
}"""
# Whether the sort control's chosen text fits inside it (the text's width against the room
# the select leaves for it once its padding and arrow are taken off).
SORT_FITS = """() => {
  const select = document.querySelector('#filter-sort');
  const style = getComputedStyle(select);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = canvas.measureText(select.options[select.selectedIndex].text).width;
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20;
  return [text, room];
}"""


@pytest.mark.parametrize("width", [320, 375])
def test_chips_stay_on_one_line_and_the_sort_choice_is_not_clipped(open_page, width):
    build_public_site()
    page = open_page((width, 800))
    for path in ["/", "/districts/", "/honorees/?district=ko-samui&network=education&kind=person"]:
        page.goto(path)
        page.evaluate("document.fonts.ready")
        assert page.evaluate(CHIP_PROBLEMS) == [], path
        assert_no_sideways_scroll(page)
    for sort in ["newest", "name"]:
        page.goto(f"/honorees/?sort={sort}")
        page.evaluate("document.fonts.ready")
        text, room = page.evaluate(SORT_FITS)
        assert text <= room, f"sort choice {text:.0f}px in {room:.0f}px at {width}px"
    page.problems.assert_none()


def test_desktop_sort_choice_is_not_clipped_and_a_filter_chip_removes_its_filter(open_page):
    build_public_site()
    page = open_page("desktop")
    page.goto("/honorees/?district=ko-samui&network=education")
    page.evaluate("document.fonts.ready")
    text, room = page.evaluate(SORT_FITS)
    assert text <= room
    chips = page.locator(".active-filters .chip")
    assert chips.count() == 2
    page.get_by_role("link", name="อำเภอ: เกาะสมุย").click()
    page.wait_for_url("**/honorees/?network=education")
    assert page.locator("#filter-district").input_value() == ""
    assert page.locator("#filter-network").input_value() == "education"
    assert page.locator(".active-filters .chip").count() == 1
    page.problems.assert_none()
