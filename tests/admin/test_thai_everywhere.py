"""Every admin page, as each role, is in Thai: Django's and the libraries' own strings included.

The walk opens, for every model the role may see, its list (plain, filtered with counts, searched
with no result), its add form, an object's change form, history, a historical version and delete
confirmation; the login, logout, password change and its done page; the dashboards; the import page
and its preview; the honour board and the publish confirmation; the reject page; and the pages
after a save, a form error and a deletion (their messages). It fails on any word of Latin letters
that a person reads (text, and the title, placeholder, aria-label, alt and button texts), apart
from an allow-list of proper names and file formats, and from what staff typed or the reference
data holds (form values, English names of districts and networks, user names).
"""

import io
import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from openpyxl import Workbook

from honorees.models import Honoree, PrivacyRequest
from networks.models import District, Network, Virtue
from tests.admin.conftest import PASSWORD, honoree_form, make_staff
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db

# Proper names, standards and file formats, written the same in Thai text.
ALLOWED_WORDS = {
    "PDPA", "PDF", "QR", "CSV", "csv", "Excel", "xlsx", "xls", "JPEG", "PNG", "WebP", "MB", "GPS", "UTF", "TIS", "ISO",
    "LINE", "Facebook", "ID", "URL", "Control", "Command", "Mac", "Google", "Maps",
}  # fmt: skip
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")
# Attributes a person reads (or hears from a screen reader).
READ_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "aria-description"}
BUTTON_INPUTS = {"submit", "button", "reset"}
# What libraries write in English outside any catalogue, on pages only the IT officer (superuser)
# opens: django-axes names each log "Access Log for <username>"; Django names the rows of a group's
# permissions "Group-permission relationship" on the group's delete page.
LIBRARY_WORDS = {
    "/admin/axes/accesslog/": {"Access", "Log", "for", "unknown"},
    "/admin/auth/group/": {"Group", "group", "permission", "permissions", "object"},
}


class _ReadText(HTMLParser):
    """The text of a page a person reads; skips scripts, styles, what was typed into fields, and
    SVG symbol data."""

    SKIP = {"script", "style", "textarea", "svg", "code", "bdi"}  # bdi: Django isolates stored values

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.SKIP:
            self.skipping.append(tag)
        for name in READ_ATTRIBUTES & attrs.keys():
            self.parts.append(attrs[name] or "")
        if tag == "input" and (attrs.get("type") or "").lower() in BUTTON_INPUTS:
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def english_words(html: str, allowed: set[str]) -> list[str]:
    parser = _ReadText()
    parser.feed(html)
    found = []
    for part in parser.parts:
        part = re.sub(r"\S+@\S+|https?://\S+|/\S*", " ", part)  # addresses and paths are not words
        found += [w for w in LATIN_WORD.findall(part) if w not in allowed and w.strip("'’") not in allowed]
    return found


def data_words() -> set[str]:
    """Words that come from the data, not the interface: English names of the reference data, slugs, user names."""
    words = set()
    for model, fields in (
        (District, ["name_en", "slug"]),
        (Network, ["name_en", "slug"]),
        (Virtue, ["name_en", "slug"]),
    ):
        for row in model.objects.values_list(*fields):
            for value in row:
                words.update(LATIN_WORD.findall(value or ""))
    for value in get_user_model().objects.values_list("username", flat=True):
        words.update(LATIN_WORD.findall(value))
    for value in Network.objects.values_list("description_en", flat=True):
        words.update(LATIN_WORD.findall(value or ""))
    for value in Group.objects.values_list("name", flat=True):  # role codes, as add_staff --role takes them
        words.update(LATIN_WORD.findall(value))
    for value in Honoree.objects.values_list("slug", flat=True):
        words.update(LATIN_WORD.findall(value))
    return words


@pytest.fixture
def site(samui):
    """A month's worth of rows in every state, all in Thai (as staff type them)."""
    today = timezone.localdate()
    meeting = make_meeting(
        published=False, day=today + timedelta(days=20), nomination_deadline=today + timedelta(days=5)
    )
    past = make_meeting(published=True, day=today - timedelta(days=40))
    network = Network.objects.first()
    rows = {
        "draft": make_honoree(status="draft", meeting=None, district=samui, name_en=""),
        "nominated": make_honoree(status="nominated", meeting=None, district=samui, name_en=""),
        "approved": make_honoree(status="approved", meeting=meeting, district=samui, name_en=""),
        "rejected": make_honoree(
            status="rejected", meeting=None, district=samui, name_en="", rejection_reason="ขาดหลักฐานความยินยอม"
        ),
        "published": make_honoree(meeting=past, district=samui, network=network, name_en=""),
    }
    PrivacyRequest.objects.create(
        honoree=rows["published"],
        kind="removal",
        requester_name="นางสมใจ",
        requester_contact="0811111111",
        message="ขอลบ",
    )
    # A change, so that history pages list one.
    rows["draft"].citation = "แก้ไขเหตุผลแล้ว"
    rows["draft"].save()
    return {"meeting": meeting, "honorees": rows}


def _object_for(model, site):
    if model is Honoree:
        return site["honorees"]["draft"]
    return model._default_manager.order_by("pk").first()


def _model_pages(client, user, site) -> list[str]:
    request = type("R", (), {"user": user})()
    pages = []
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_permission(request):
            continue
        info = model._meta.app_label, model._meta.model_name
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        pages += [changelist, changelist + "?_facets=True", changelist + "?q=ไม่มีชื่อนี้แน่นอน"]
        pages.append(reverse("admin:app_list", args=[info[0]]))
        if model_admin.has_add_permission(request):
            pages.append(reverse("admin:{}_{}_add".format(*info)))
        obj = _object_for(model, site)
        try:
            change = reverse("admin:{}_{}_change".format(*info), args=[obj.pk]) if obj else None
        except NoReverseMatch:  # a report (e.g. the coverage report) has only its own pages
            change = None
        if change is None:
            continue
        pages.append(change)
        pages.append(reverse("admin:{}_{}_history".format(*info), args=[obj.pk]))
        if hasattr(model, "history"):
            version = obj.history.order_by("history_id").first()
            if version:
                try:
                    pages.append(reverse("admin:{}_{}_simple_history".format(*info), args=[obj.pk, version.pk]))
                except NoReverseMatch:
                    pass
        if model_admin.has_delete_permission(request, obj):
            pages.append(reverse("admin:{}_{}_delete".format(*info), args=[obj.pk]))
    return pages


def _workflow_pages(site, role) -> list[str]:
    honorees, meeting = site["honorees"], site["meeting"]
    secretariat_only = [reverse("admin:honorees_honoree_reject", args=[honorees["nominated"].pk])]
    return (secretariat_only if role != "district_officer" else []) + [
        reverse("admin:index"),
        reverse("admin:password_change"),
        reverse("admin:password_change_done"),
        reverse("admin:honorees_honoree_import"),
        reverse("admin:meetings_meeting_board", args=[meeting.pk]),
        reverse("admin:honorees_honoree_change", args=[honorees["rejected"].pk]),
        reverse("admin:honorees_honoree_change", args=[honorees["published"].pk]),
    ]


def _import_file() -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["รหัสอำเภอ", "ชื่อ", "เครือข่าย", "เหตุผลการยกย่อง", "วันที่ให้ความยินยอม"])
    sheet.append(["8404", "นายนำเข้า ทดลอง", "เครือข่ายภาครัฐ", "ช่วยเหลือชุมชน", "26/10/2564"])
    sheet.append(["9999", "", "ไม่มีเครือข่ายนี้", "", "31/02/2564"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("รายชื่อ.xlsx", buffer.getvalue())


def _english_on(client, url, allowed, *, method="get", data=None, follow=False, expect=(200,)):
    allowed = allowed.union(*(words for prefix, words in LIBRARY_WORDS.items() if url.startswith(prefix)))
    response = getattr(client, method)(url, data or {}, follow=follow)
    assert response.status_code in expect, f"{url}: {response.status_code}"
    body = response.content.decode()
    return [f"{url}: {word}" for word in english_words(body, allowed)]


@pytest.mark.parametrize("role", ["district_officer", "secretariat", "superuser"])
def test_every_admin_page_speaks_thai(role, site, samui):
    if role == "superuser":
        user = get_user_model().objects.create_superuser("itadmin", "it@example.go.th", PASSWORD)
    else:
        user = make_staff(f"staff_{role}", role, *(["8404"] if role == "district_officer" else []))
    client = Client()
    client.force_login(user)
    allowed = ALLOWED_WORDS | data_words()
    problems = []
    for url in dict.fromkeys(_model_pages(client, user, site) + _workflow_pages(site, role)):
        problems += _english_on(client, url, allowed)

    # Messages and errors: a save, a form with errors, the import preview with problems.
    network = Network.objects.first()
    add = reverse("admin:honorees_honoree_add")
    problems += _english_on(client, add, allowed, method="post", data=honoree_form(samui, network), follow=True)
    problems += _english_on(client, add, allowed, method="post", data=honoree_form(samui, network, name=""))
    problems += _english_on(
        client, reverse("admin:honorees_honoree_import"), allowed, method="post", data={"file": _import_file()}
    )
    if role != "district_officer":
        meeting = site["meeting"]
        problems += _english_on(
            client, reverse("admin:meetings_meeting_publish", args=[meeting.pk]), allowed, method="post"
        )
        draft = Honoree.objects.filter(status="draft").first()
        delete = reverse("admin:honorees_honoree_delete", args=[draft.pk])
        problems += _english_on(client, delete, allowed, method="post", data={"post": "yes"}, follow=True)
    assert not problems, "English on admin pages:\n" + "\n".join(sorted(set(problems)))


def test_login_logout_and_password_pages_speak_thai(officer):
    client = Client()
    allowed = ALLOWED_WORDS | data_words()
    problems = _english_on(client, reverse("admin:login"), allowed)
    problems += _english_on(
        client, reverse("admin:login"), allowed, method="post", data={"username": "x", "password": "y"}
    )
    problems += _english_on(client, reverse("admin:index"), allowed, follow=True)  # the redirect to the login page
    client.force_login(officer)
    problems += _english_on(
        client,
        reverse("admin:password_change"),
        allowed,
        method="post",
        data={"old_password": "wrong", "new_password1": "123", "new_password2": "456"},
    )
    problems += _english_on(client, reverse("admin:logout"), allowed, method="post")
    assert not problems, "English on admin pages:\n" + "\n".join(sorted(set(problems)))


def test_the_walk_finds_english_when_there_is_some():
    """The check itself: Django's stock English is caught, proper names and typed values are not."""
    page = (
        '<p>The ผู้ได้รับการยกย่อง was added successfully.</p><input type="submit" value="Save">'
        '<input type="text" value="Typed by staff"><a title="Show counts">x</a><p>ไฟล์ CSV และ PDPA</p>'
        "<script>var English = 1;</script>"
    )
    assert english_words(page, ALLOWED_WORDS) == ["The", "was", "added", "successfully", "Save", "Show", "counts"]


def test_paginated_list_speaks_thai(secretariat_client, samui):
    for _ in range(51):
        make_honoree(status="draft", meeting=None, district=samui, name_en="")
    url = reverse("admin:honorees_honoree_changelist")
    allowed = ALLOWED_WORDS | data_words()
    first = secretariat_client.get(url).content.decode()
    assert "?p=2" in first  # the list has a second page
    assert "ผู้ได้รับการยกย่อง 51 รายการ" in first  # the count in Thai word order
    problems = _english_on(secretariat_client, url, allowed)
    problems += _english_on(secretariat_client, url + "?p=2", allowed)
    problems += _english_on(secretariat_client, url + "?all=", allowed)
    assert not problems, "\n".join(problems)


def test_the_admin_javascript_catalogue_is_thai(secretariat_client):
    """The list's selection counter, the filter boxes and the show/hide links come from djangojs."""
    script = secretariat_client.get(reverse("admin:jsi18n")).content.decode()
    catalogue = json.loads(script.split("const newcatalog = ", 1)[1].split(";\n", 1)[0])
    assert catalogue["%(sel)s of %(cnt)s selected"] == ["เลือกแล้ว %(sel)s จาก %(cnt)s รายการ"]
    for thai in ("%sที่เลือกได้", "พิมพ์ในช่องนี้เพื่อค้นหา%sที่เลือกแล้ว"):
        assert thai in catalogue.values()


@pytest.mark.parametrize("role", ["district_officer", "secretariat"])
def test_admin_stays_thai_for_a_browser_that_asks_for_english(role, site):
    user = make_staff(f"staff_{role}", role, *(["8404"] if role == "district_officer" else []))
    client = Client(headers={"accept-language": "en-US,en;q=0.9"})
    client.cookies["django_language"] = "en"
    client.force_login(user)
    allowed = ALLOWED_WORDS | data_words()
    problems = _english_on(client, reverse("admin:index"), allowed)
    problems += _english_on(client, reverse("admin:honorees_honoree_changelist"), allowed)
    assert not problems, "\n".join(problems)
