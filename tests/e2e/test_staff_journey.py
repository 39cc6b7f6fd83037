"""One month's cycle in the admin, in the browser: a district officer puts a candidate forward
with a photo and consent, the secretariat approves, fills the place on the next meeting's honour
board and publishes; the public sees the honoree; after consent is withdrawn they are gone."""

import re
from datetime import date

import pytest
from django.urls import reverse
from PIL import Image

from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District
from tests.e2e.checks import contains
from tests.e2e.staff import log_in, make_staff
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CANDIDATE = "นางสาวสายใจ รักษ์ทะเล"
CANDIDATE_EN = "Ms. Saijai Rakthale"


def real_jpeg(path) -> str:
    """A phone-sized photo, as a file on disk for the upload field."""
    image = Image.new("RGB", (1200, 1600), (120, 160, 200))
    for x in range(0, 1200, 40):
        for y in range(0, 1600, 40):
            image.putpixel((x, y), (250, 250, 250))
    image.save(path, "JPEG", quality=85)
    return str(path)


def field(page, label):
    """A form field by its visible label (Django's admin writes "ชื่อ:" with a colon)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))


def choose(page, label, text):
    """Pick an option of a select by its text: a plain <select>, or Django's autocomplete
    (select2) the way a person uses it: open it, type, pick the option."""
    select = field(page, label).and_(page.locator("select"))
    if "admin-autocomplete" not in (select.get_attribute("class") or ""):
        select.select_option(label=text)
        return
    select_id = select.get_attribute("id")
    page.locator(f'[aria-labelledby="select2-{select_id}-container"]').click()
    page.locator(".select2-container--open").get_by_role("searchbox").fill(text)
    page.get_by_role("option", name=re.compile(re.escape(text))).first.click()


def message(page):
    return page.locator(".messagelist").inner_text()


def test_month_cycle_from_nomination_to_publication_and_consent_withdrawal(open_page, live_server, tmp_path):
    samui = District.objects.get(code="8404")
    officer = make_staff("officer-samui", role="district_officer", districts=["8404"])
    make_staff("secretary", role="secretariat")
    next_meeting = make_meeting(day=date(2026, 1, 27), published=False)
    elsewhere = make_honoree(
        district=District.objects.get(code="8401"), status=Honoree.Status.NOMINATED, name="นายอื่น ต่างอำเภอ"
    )
    photo = real_jpeg(tmp_path / "IMG_2041.jpg")

    # --- The district officer of Ko Samui: a new candidate with a photo and recorded consent.
    officer_page = open_page("desktop")
    log_in(officer_page, "officer-samui")
    officer_page.goto(reverse("admin:honorees_honoree_add"))
    field(officer_page, "ประเภท").select_option(label="บุคคล")
    field(officer_page, "ชื่อ").fill(CANDIDATE)
    field(officer_page, "ชื่อภาษาอังกฤษ").fill(CANDIDATE_EN)
    choose(officer_page, "อำเภอ", samui.name_th)
    choose(officer_page, "เครือข่าย", "เครือข่ายประชาสังคม")
    officer_page.get_by_role("checkbox", name="จิตอาสา").check()
    field(officer_page, "เหตุผลการยกย่อง").fill("อาสาเก็บขยะชายหาดเกาะสมุยทุกสัปดาห์มาสิบปี")
    field(officer_page, "เรื่องราว").fill("เริ่มจากเก็บขยะคนเดียว\n\nวันนี้มีอาสาสมัครกว่าสองร้อยคน")
    field(officer_page, "รูปภาพ").set_input_files(photo)
    field(officer_page, "คำบรรยายรูปภาพ").fill("สายใจกับถุงขยะบนชายหาด")
    field(officer_page, "วันที่ให้ความยินยอม").fill("15 ธ.ค. 2568")  # typed in B.E., as the box asks
    field(officer_page, "วิธีให้ความยินยอม").select_option(value=Honoree.ConsentMethod.WRITTEN)
    for label in ("ยินยอมเผยแพร่ชื่อ", "ยินยอมเผยแพร่รูปภาพ", "ยินยอมเผยแพร่เรื่องราว"):
        field(officer_page, label).check()
    officer_page.get_by_role("button", name=re.compile("บันทึกและกลับมาแก้ไข|Save and continue")).click()
    officer_page.wait_for_url(re.compile(r"/honorees/honoree/\d+/change/"))
    candidate = Honoree.objects.get(name=CANDIDATE)
    assert candidate.district == samui and candidate.created_by == officer
    assert candidate.status == Honoree.Status.DRAFT and candidate.consent_given_on == date(2025, 12, 15)
    assert field(officer_page, "วันที่ให้ความยินยอม").input_value() == "15/12/2568"
    assert candidate.photo and "saijai" not in candidate.photo.name.lower() and "IMG_2041" not in candidate.photo.name

    # An officer nominates, and is offered no approval.
    assert officer_page.get_by_role("button", name="อนุมัติ", exact=True).count() == 0
    officer_page.get_by_role("button", name="เสนอชื่อ", exact=True).click()
    assert "เสนอชื่อ" in message(officer_page)
    candidate.refresh_from_db()
    assert candidate.status == Honoree.Status.NOMINATED

    # Another district's honoree is refused, by its admin address too.
    other_url = reverse("admin:honorees_honoree_change", args=[elsewhere.pk])
    response = officer_page.goto(other_url)
    assert response.status in (403, 404)
    assert elsewhere.name not in officer_page.content()
    officer_page.problems.forget(other_url)
    officer_page.problems.assert_none("in the district officer's admin")

    # --- The secretariat: approve, fill the Ko Samui place on the next meeting, publish.
    secretary_page = open_page("desktop")
    log_in(secretary_page, "secretary")
    secretary_page.goto(reverse("admin:honorees_honoree_changelist") + "?status__exact=nominated")
    secretary_page.get_by_role("link", name=CANDIDATE, exact=True).click()
    secretary_page.get_by_role("button", name="อนุมัติ", exact=True).click()
    assert "อนุมัติ" in message(secretary_page)

    secretary_page.goto(reverse("admin:meetings_meeting_changelist"))
    secretary_page.get_by_role("row", name=contains(next_meeting.fiscal_number)).get_by_role(
        "link", name=re.compile("ทำเนียบ")
    ).click()
    samui_row = secretary_page.get_by_role("row", name=re.compile(samui.name_th))
    samui_row.get_by_role("combobox").select_option(label=CANDIDATE)
    samui_row.get_by_role("button", name="บรรจุ").click()
    assert "บรรจุ" in message(secretary_page)
    assert CANDIDATE in secretary_page.get_by_role("row", name=re.compile(samui.name_th)).inner_text()

    secretary_page.get_by_role("button", name=re.compile("เผยแพร่การประชุมนี้")).click()
    # 18 places are still vacant: publishing asks first.
    secretary_page.get_by_role("button", name=re.compile("ยืนยัน")).click()
    assert "เผยแพร่" in message(secretary_page)
    next_meeting.refresh_from_db()
    candidate.refresh_from_db()
    assert next_meeting.is_published and candidate.status == Honoree.Status.PUBLISHED
    secretary_page.problems.assert_none("in the secretariat's admin")

    # --- The public sees the new honoree: profile, list and the meeting's announcement.
    public = open_page("phone")
    profile_url = candidate.get_absolute_url()
    assert public.goto(profile_url).status == 200
    assert public.get_by_role("heading", level=1).inner_text().strip() == CANDIDATE
    photo_sources = (
        public.get_by_role("main")
        .get_by_role("img")
        .evaluate_all("images => images.map(img => img.currentSrc || img.src)")
    )
    photo_urls = [src for src in photo_sources if "/media/" in src or "/photos/" in src]
    assert photo_urls, f"the profile shows the uploaded photo (images: {photo_sources})"
    public.goto("/honorees/")
    assert public.get_by_role("main").get_by_role("link", name=re.compile(re.escape(CANDIDATE))).count() >= 1
    public.goto(Meeting.objects.get(pk=next_meeting.pk).get_absolute_url())
    assert public.get_by_role("main").get_by_role("link", name=re.compile(re.escape(CANDIDATE))).count() >= 1
    public.problems.assert_none("on the public site after publication")

    # --- Consent withdrawn: one confirmed step takes the honoree off every public page.
    secretary_page.goto(reverse("admin:honorees_honoree_change", args=[candidate.pk]))
    secretary_page.get_by_role("link", name=re.compile("บันทึกการถอนความยินยอม")).click()
    assert "ย้อนกลับในระบบไม่ได้" in secretary_page.get_by_role("main").inner_text()  # its own page first
    secretary_page.get_by_role("button", name=re.compile("ยืนยัน")).click()
    assert "ถอนความยินยอม" in message(secretary_page)
    candidate.refresh_from_db()
    assert candidate.consent_withdrawn_at and candidate.consent_withdrawn_by.username == "secretary"

    assert public.goto(profile_url).status == 404
    public.problems.forget(profile_url)
    for photo_url in photo_urls:
        assert public.request.get(photo_url).status == 404, f"{photo_url} is still served"
    public.goto("/honorees/")
    assert public.get_by_role("main").get_by_text(CANDIDATE).count() == 0
    public.goto("/")
    assert CANDIDATE not in public.content()
    public.problems.assert_none("on the public site after withdrawal")
