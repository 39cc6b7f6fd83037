"""Feed text reaches readers as text: markup typed into a citation is never live HTML in a reader."""

import xml.etree.ElementTree as ET

import pytest

from tests.factories import make_honoree

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_markup_in_a_citation_reaches_feed_readers_as_plain_text(client):
    make_honoree(name="นาย<b>ตัวหนา</b>", citation='<img src=x onerror="alert(1)"> ช่วยเหลือชุมชน')
    feed = ET.fromstring(client.get("/feeds/honorees/").content)
    entry = next(feed.iter(f"{ATOM}entry"))
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text.startswith('<img src=x onerror="alert(1)"> ช่วยเหลือชุมชน')
    assert entry.find(f"{ATOM}title").get("type") in (None, "text")
    assert entry.find(f"{ATOM}title").text == "นาย<b>ตัวหนา</b>"
