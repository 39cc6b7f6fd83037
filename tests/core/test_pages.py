"""The public pages show public honorees and nothing else."""

import pytest
from django.urls import reverse

from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_and_hidden():
    meeting = make_meeting()
    public = make_honoree(meeting=meeting, name="นางมาลี ประกาศแล้ว", name_en="Mrs. Malee Shown")
    hidden = [
        make_honoree(meeting=meeting, status=status, name=f"นายซ่อน {status}", name_en=f"Hidden {status}")
        for status in ("draft", "nominated", "approved", "rejected", "withdrawn")
    ]
    hidden.append(
        make_honoree(meeting=make_meeting(published=False), name="นายซ่อน ประชุมยังไม่ประกาศ", name_en="Hidden M")
    )
    return public, hidden


def test_healthz_is_plain_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


@pytest.mark.parametrize(
    "url",
    ["/", "/honorees/", "/districts/", "/networks/", "/meetings/", "/districts/ko-samui/", "/networks/government/"],
)
def test_public_pages_show_no_hidden_honoree(client, public_and_hidden, url):
    public, hidden = public_and_hidden
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="th">' in body
    for honoree in hidden:
        assert honoree.name not in body


def test_hidden_honoree_profile_is_404(client, public_and_hidden):
    public, hidden = public_and_hidden
    assert client.get(public.get_absolute_url()).status_code == 200
    for honoree in hidden:
        assert client.get(reverse("honorees:detail", kwargs={"slug": honoree.slug})).status_code == 404


def test_unpublished_meeting_is_404(client):
    meeting = make_meeting(published=False)
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_meeting_page_shows_number_and_buddhist_era_date(client):
    from datetime import date

    meeting = make_meeting(day=date(2021, 10, 26))
    make_honoree(meeting=meeting)
    body = client.get(meeting.get_absolute_url()).content.decode()
    assert "ครั้งที่ 1/2565" in body
    assert "26 ตุลาคม 2564" in body
    assert "ประกาศยกย่องเชิดชูคนดี ประจำเดือนตุลาคม 2564" in body


def test_districts_page_names_all_19_districts(client):
    body = client.get("/districts/").content.decode()
    for name in ["เมืองสุราษฎร์ธานี", "เกาะสมุย", "วิภาวดี", "พระแสง", "ชัยบุรี"]:
        assert name in body


def test_networks_page_names_the_8_networks(client):
    from networks.models import Network

    body = client.get("/networks/").content.decode()
    for network in Network.objects.all():
        assert network.name_th in body and network.get_absolute_url() in body


def test_profile_story_is_escaped_plain_text(client):
    honoree = make_honoree(story="<script>alert(1)</script>\n\nย่อหน้าสอง")
    body = client.get(honoree.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_unknown_slugs_are_404(client):
    for url in ["/honorees/nobody/", "/districts/atlantis/", "/networks/nothing/", "/meetings/9999-1/"]:
        assert client.get(url).status_code == 404


def test_favicon_ico_leads_to_the_site_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".svg")
