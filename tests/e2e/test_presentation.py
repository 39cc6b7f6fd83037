"""Presentation mode in Chromium at projector sizes: keyboard, click and swipe, offline once loaded,
nothing from another origin, every slide fitting the screen and set large enough for a hall."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from networks.models import District
from tests.e2e.sitedata import build_public_site
from tests.factories import make_honoree

# The longest a citation may be (300 characters) and a long organisation's name.
LONG_NAME = "กลุ่มอาสาสมัครพิทักษ์ป่าต้นน้ำและสิ่งแวดล้อมชุมชนบ้านเขาพระนิมิตรร่วมใจ"
LONG_CITATION = (
    "รวมพลังชาวบ้านกว่าสองร้อยครัวเรือนลาดตระเวนป้องกันไฟป่าและการลักลอบตัดไม้ในเขตต้นน้ำตลอดสิบห้าปี "
    "ฟื้นฟูป่าชุมชนกว่าสามพันไร่ สร้างฝายชะลอน้ำกว่าหนึ่งร้อยแห่ง จัดค่ายเยาวชนรักษ์ป่าทุกปี "
    "ถ่ายทอดความรู้การใช้สมุนไพรและการเกษตรยั่งยืนให้โรงเรียนในพื้นที่ และเป็นแบบอย่างของการอยู่ร่วมกับป่าอย่างพอเพียง"
)[:300]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROJECTORS = {"1080p": (1920, 1080), "720p": (1280, 720)}

CURRENT = "() => [...document.querySelectorAll('.slide')].findIndex(s => !s.hidden)"
FITS = """() => {
  const slide = [...document.querySelectorAll('.slide')].find(s => !s.hidden);
  const box = slide.getBoundingClientRect();
  const inside = [...slide.querySelectorAll('h1, h2, p, img')].every(el => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.left >= -1 && r.bottom <= innerHeight + 1 && r.right <= innerWidth + 1;
  });
  return {width: box.width, height: box.height, inside, overflow: slide.scrollHeight > slide.clientHeight + 1};
}"""
SWIPE_LEFT = """() => {
  const deck = document.querySelector('[data-deck]');
  const touch = x => [new Touch({identifier: 1, target: deck, clientX: x, clientY: 300})];
  deck.dispatchEvent(new TouchEvent('touchstart', {changedTouches: touch(900), bubbles: true}));
  deck.dispatchEvent(new TouchEvent('touchend', {changedTouches: touch(300), bubbles: true}));
}"""


def font_px(page, selector):
    return page.evaluate(
        "s => parseFloat(getComputedStyle([...document.querySelectorAll(s)].find(e => e.offsetParent)).fontSize)",
        selector,
    )


@pytest.mark.parametrize("screen", PROJECTORS)
def test_slides_move_with_keys_click_and_swipe_and_fit_the_projector(screen, open_page):
    site = build_public_site()
    longest = make_honoree(
        meeting=site.meeting, district=District.objects.get(code="8419"), name=LONG_NAME, citation=LONG_CITATION
    )
    site.others.append(longest)
    page = open_page(PROJECTORS[screen])
    other_origins = []
    page.on("request", lambda r: other_origins.append(r.url) if not r.url.startswith(page.problems.origin) else None)
    response = page.goto(reverse("meetings:present", args=[site.meeting.slug]))
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "fullscreen=(self)" in response.headers["permissions-policy"]
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    slides = page.locator(".slide")
    count = slides.count()
    public = [h for h in site.all_honorees if h.meeting_id == site.meeting.pk]
    assert count == len(public) + 2, "a title slide, one per honoree, a closing slide"

    assert page.evaluate(CURRENT) == 0
    assert page.get_by_role("heading", level=1).is_visible()
    names_in_order = []
    for index in range(1, count):
        page.keyboard.press("ArrowRight")
        assert page.evaluate(CURRENT) == index
        fit = page.evaluate(FITS)
        assert (fit["width"], fit["height"]) == PROJECTORS[screen], f"slide {index + 1} fills the screen"
        assert fit["inside"] and not fit["overflow"], f"slide {index + 1} fits the screen"
        if index < count - 1:
            names_in_order.append(page.locator(".slide:not([hidden]) .slide__name").inner_text())
            height, long = PROJECTORS[screen][1], names_in_order[-1] == LONG_NAME
            assert font_px(page, ".slide__name") >= height * (0.06 if long else 0.075)
            assert font_px(page, ".slide__citation") >= height * (0.033 if long else 0.04)
    expected = sorted(public, key=lambda h: h.district.code)
    assert names_in_order == [h.name for h in expected], "one slide per honoree in district order"
    assert page.locator(".slide:not([hidden])").get_attribute("class").endswith("slide--closing")

    page.keyboard.press("ArrowRight")  # past the end it stays on the last slide
    assert page.evaluate(CURRENT) == count - 1
    page.keyboard.press("Home")
    assert page.evaluate(CURRENT) == 0
    page.keyboard.press("End")
    assert page.evaluate(CURRENT) == count - 1
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(CURRENT) == count - 2
    page.mouse.click(PROJECTORS[screen][0] * 0.1, 300)  # the left third goes back
    assert page.evaluate(CURRENT) == count - 3
    page.mouse.click(PROJECTORS[screen][0] * 0.8, 300)
    assert page.evaluate(CURRENT) == count - 2
    page.evaluate(SWIPE_LEFT)
    assert page.evaluate(CURRENT) == count - 1
    assert page.url.endswith(f"#{count}"), "the address names the slide, so a reload stays there"

    assert not other_origins, f"requests to other origins: {other_origins}"
    page.problems.assert_none()


def test_slides_work_offline_once_loaded(open_page):
    site = build_public_site()
    page = open_page(PROJECTORS["720p"])
    page.goto(reverse("meetings:present", args=[site.meeting.slug]))
    page.wait_for_load_state("networkidle")
    page.context.set_offline(True)
    count = page.locator(".slide").count()
    for index in range(1, count):
        page.keyboard.press("PageDown")
        assert page.evaluate(CURRENT) == index
    broken = page.evaluate("() => [...document.images].filter(i => !i.complete || !i.naturalWidth).map(i => i.src)")
    assert not broken, f"images not loaded before going offline: {broken}"
    page.context.set_offline(False)
    page.problems.assert_none()


def test_without_javascript_the_slides_follow_one_another(browser, live_server):
    site = build_public_site()
    context = browser.new_context(viewport={"width": 1280, "height": 720}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + reverse("meetings:present", args=[site.meeting.slug]))
    visible = page.locator(".slide:visible").count()
    assert visible == page.locator(".slide").count() > 2
    context.close()


def test_print_hides_the_site_chrome_on_profile_and_meeting_pages(open_page):
    site = build_public_site()
    page = open_page("desktop")
    page.emulate_media(media="print")
    for path in (site.honoree.get_absolute_url(), site.meeting.get_absolute_url()):
        page.goto(path)
        for selector in (".site-header", ".site-footer", ".share", ".meeting-documents"):
            for element in page.locator(selector).all():
                assert not element.is_visible(), f"{selector} printed on {path}"
        assert page.locator("h1").first.is_visible()
    page.goto(reverse("meetings:announcement", args=[site.meeting.slug]))
    assert not page.locator(".gov-doc-tools").is_visible()
    assert page.get_by_text("ประกาศจังหวัดสุราษฎร์ธานี", exact=True).is_visible()
    page.problems.assert_none()


def test_secretariat_previews_slides_and_prints_certificates_from_the_honour_board(open_page, tmp_path):
    import os

    from honorees.models import Honoree
    from tests.e2e.staff import log_in, make_staff
    from tests.factories import make_meeting

    make_staff("secretary", role="secretariat")
    meeting = make_meeting(published=False)
    make_honoree(meeting=meeting, status=Honoree.Status.APPROVED, name="นางสาวน้ำผึ้ง พึ่งบุญ")
    page = open_page("desktop")
    log_in(page, "secretary")
    page.goto(reverse("admin:meetings_meeting_board", args=[meeting.pk]))
    if os.environ.get("MEETING_DAY_SHOTS"):
        page.screenshot(path=os.path.join(os.environ["MEETING_DAY_SHOTS"], "board.png"), full_page=True)
    whole = page.get_by_role("link", name="เกียรติบัตรทั้งการประชุม (PDF)").get_attribute("href")
    single = page.get_by_role("link", name="เกียรติบัตร (PDF)", exact=True).get_attribute("href")
    for href in (whole, single):
        response = page.request.get(href)
        assert response.status == 200 and response.body().startswith(b"%PDF-")
    page.get_by_role("link", name="นำเสนอบนจอ").click()
    expect(page.locator(".slide__preview")).to_be_visible()
    page.keyboard.press("ArrowRight")
    assert page.locator(".slide:not([hidden]) .slide__name").inner_text() == "นางสาวน้ำผึ้ง พึ่งบุญ"
    page.problems.assert_none()
