"""/feeds/programme/ carries the public programme records only, newest first, in plain text."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from networks.programme.models import Status
from tests.programme.factories import make_learning_source, make_lesson, make_organisation

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    feed = ET.fromstring(response.content)
    return [(e.find(f"{ATOM}title").text, e.find(f"{ATOM}link").get("href")) for e in feed.iter(f"{ATOM}entry")]


def test_the_feed_lists_public_records_of_every_kind_newest_first(client):
    now = timezone.now()
    old = make_organisation(name="ชุมชนเก่ากว่า", published_at=now - timedelta(days=30))
    source = make_learning_source(name="แหล่งเรียนรู้ใหม่", published_at=now - timedelta(days=1))
    lesson = make_lesson(name="บทเรียน <b>ตัวหนา</b>", published_at=now - timedelta(days=10))
    hidden = [
        make_organisation(name="ชุมชนฉบับร่าง", status=Status.DRAFT, published_at=now),
        make_learning_source(name="แหล่งของร่าง", organisation=make_organisation(status=Status.WITHDRAWN)),
        make_lesson(name="บทเรียนที่ถอนออก", status=Status.WITHDRAWN, published_at=now),
    ]
    response = client.get("/feeds/programme/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    assert entries(response) == [
        (source.name, f"http://testserver{source.get_absolute_url()}"),
        (lesson.name, f"http://testserver{lesson.get_absolute_url()}"),
        (old.name, f"http://testserver{old.get_absolute_url()}"),
    ]
    body = response.content.decode()
    assert 'type="text"' in body and "<b>" not in body
    for record in hidden:
        assert record.name not in body


def test_the_english_feed_uses_english_names(client):
    make_organisation(name="ชุมชนน้ำพุ", name_en="Nam Phu Community")
    body = client.get("/en/feeds/programme/").content.decode()
    assert "<title>Nam Phu Community</title>" in body


def test_the_feed_takes_a_query_per_kind(client, django_assert_num_queries):
    for _n in range(5):
        make_organisation(levels=[(2568, 2)])
        make_lesson()
        make_learning_source()
    with django_assert_num_queries(4):  # the page cache's content version, then one query per kind
        assert client.get("/feeds/programme/").status_code == 200


def test_posting_to_the_feed_is_refused(client):
    assert client.post("/feeds/programme/").status_code == 405
