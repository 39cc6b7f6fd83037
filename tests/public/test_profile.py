"""The profile: facts, escaped story, share links, Open Graph and JSON-LD, no staff-only data."""

import json
import re
from datetime import date
from urllib.parse import quote

import pytest

from networks.models import Virtue
from tests.factories import make_honoree, make_meeting, uploaded_jpeg

pytestmark = pytest.mark.django_db


@pytest.fixture
def honoree():
    meeting = make_meeting(day=date(2021, 10, 26))
    honoree = make_honoree(
        meeting=meeting,
        name="นางมาลี ศรีสุข",
        name_en="Mrs. Malee Srisuk",
        citation="ดูแลผู้ป่วยติดเตียงในหมู่บ้าน",
        story="ย่อหน้าแรก <i>ไม่ใช่ HTML</i>\n\nย่อหน้าที่สอง",
        contact_phone="081-234-5678",
        contact_email="malee@example.com",
        staff_notes="บันทึกลับของเจ้าหน้าที่",
        photo=uploaded_jpeg(),
        photo_alt="นางมาลียิ้มหน้าบ้าน",
    )
    honoree.virtues.add(Virtue.objects.get(slug="volunteer-spirit"))
    return honoree


def test_profile_shows_facts_each_linked(client, honoree):
    body = client.get(honoree.get_absolute_url()).content.decode()
    assert '<h1 class="profile__name">นางมาลี ศรีสุข</h1>' in body
    assert "บุคคล" in body
    assert f'href="{honoree.district.get_absolute_url()}"' in body
    assert f'href="{honoree.network.get_absolute_url()}"' in body
    assert f'href="{honoree.meeting.get_absolute_url()}"' in body
    assert "ครั้งที่ 1/2565" in body and "26 ตุลาคม 2564" in body
    assert "ดูแลผู้ป่วยติดเตียงในหมู่บ้าน" in body
    assert 'href="/honorees/?virtue=volunteer-spirit"><span class="chip__text">จิตอาสา</span></a>' in body
    assert "นางมาลียิ้มหน้าบ้าน" in body  # alt text of the photo


def test_story_is_paragraphs_of_escaped_text(client, honoree):
    body = client.get(honoree.get_absolute_url()).content.decode()
    assert "<p>ย่อหน้าแรก &lt;i&gt;ไม่ใช่ HTML&lt;/i&gt;</p>" in body
    assert "<p>ย่อหน้าที่สอง</p>" in body


def test_staff_only_fields_never_reach_the_page(client, honoree):
    body = client.get(honoree.get_absolute_url()).content.decode()
    for secret in ["081-234-5678", "malee@example.com", "บันทึกลับของเจ้าหน้าที่"]:
        assert secret not in body


def test_share_links_for_line_facebook_and_a_visible_copyable_url(client, honoree):
    body = client.get(honoree.get_absolute_url()).content.decode()
    url = f"http://testserver{honoree.get_absolute_url()}"
    encoded = quote(url, safe="")
    assert f'href="https://social-plugins.line.me/lineit/share?url={encoded}"' in body
    assert f'href="https://www.facebook.com/sharer/sharer.php?u={encoded}"' in body
    assert f'<input id="share-url" type="text" value="{url}" readonly>' in body
    assert 'data-copy="share-url"' in body and "/static/js/share.js" in body


def test_open_graph_and_twitter_meta_are_absolute(client, honoree):
    body = client.get(honoree.get_absolute_url()).content.decode()
    meta = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"', body))
    assert meta["og:title"] == "นางมาลี ศรีสุข"
    assert meta["og:description"] == "ดูแลผู้ป่วยติดเตียงในหมู่บ้าน"
    assert meta["og:url"] == f"http://testserver{honoree.get_absolute_url()}"
    assert meta["og:image"].startswith("http://testserver/")
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["twitter:image"].startswith("http://")


def test_json_ld_is_a_person_with_the_award(client, honoree):
    body = client.get(honoree.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1)
    data = json.loads(raw)
    assert data["@type"] == "Person"
    assert data["name"] == "นางมาลี ศรีสุข"
    assert data["url"] == f"http://testserver{honoree.get_absolute_url()}"
    assert "ตุลาคม 2564" in data["award"]
    assert data["image"].startswith("http://testserver/")


def test_json_ld_of_an_organization_escapes_markup(client):
    organisation = make_honoree(kind="organization", name="วัด</script><script>alert(1)</script>", consent_given_on=None)
    body = client.get(organisation.get_absolute_url()).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1)
    assert "<script>" not in raw
    data = json.loads(raw)
    assert data["@type"] == "Organization"
    assert data["name"].startswith("วัด</script>")


def test_photo_not_covered_by_consent_is_not_shown(client):
    honoree = make_honoree(photo=uploaded_jpeg(), consent_covers_photo=False)
    body = client.get(honoree.get_absolute_url()).content.decode()
    assert honoree.photo.url not in body
    assert "placeholder-person" in body
