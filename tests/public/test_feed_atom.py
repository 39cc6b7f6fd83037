"""The Atom feeds are valid RFC 4287: validated against the RFC's own RELAX NG schema, with its
Schematron rules evaluated too; signed by the culture office; dated by the honour."""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from honorees.models import Honoree
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "atom.rng"
NS = {"atom": "http://www.w3.org/2005/Atom"}
SCHEMATRON = "http://www.ascc.net/xml/schematron"
FEEDS = ["/feeds/honorees/", "/en/feeds/honorees/"]


def atom_errors(content: bytes) -> list[str]:
    """Every way the document breaks RFC 4287: RELAX NG errors, then failed Schematron asserts."""
    schema_doc = etree.parse(str(SCHEMA_FILE))
    schema = etree.RelaxNG(schema_doc)
    document = etree.fromstring(content)
    errors = [] if schema.validate(document) else [str(error) for error in schema.error_log]
    rules = schema_doc.iter(f"{{{SCHEMATRON}}}rule")
    for rule in rules:
        for node in document.xpath(f"descendant-or-self::{rule.get('context')}", namespaces=NS):
            for check in rule.iter(f"{{{SCHEMATRON}}}assert"):
                if not node.xpath(check.get("test"), namespaces=NS):
                    errors.append(f"{node.findtext('atom:title', namespaces=NS)}: {check.text.strip()}")
    return errors


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return etree.fromstring(response.content)


def test_the_schema_check_fails_a_feed_that_breaks_the_rfc():
    # The checker itself must be able to fail: no id, no updated, an entry without an author.
    broken = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        b"<entry><title>e</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>"
        b'<link href="http://x/"/></entry></feed>'
    )
    errors = atom_errors(broken)
    assert any("must have an atom:author" in error for error in errors)
    assert len(errors) >= 2


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_are_valid_atom_with_entries_and_when_empty(client, url):
    assert atom_errors(client.get(url).content) == []
    make_honoree(citation="ช่วยเหลือชุมชน & <สิ่งแวดล้อม>", name_en="")
    make_honoree(kind=Honoree.Kind.ORGANIZATION, name="กลุ่มแม่บ้านบ้านดอน", name_en="Ban Don Housewives")
    content = client.get(url).content
    assert atom_errors(content) == []
    assert len(etree.fromstring(content).findall("atom:entry", NS)) == 2


@pytest.mark.parametrize(("url", "name"), [(FEEDS[0], "สำนักงานทดสอบ"), (FEEDS[1], "Test Office")])
def test_the_feed_and_every_entry_are_signed_by_the_office_from_settings(client, settings, url, name):
    settings.OFFICE_CONTACT = {
        **settings.OFFICE_CONTACT,
        "name": "สำนักงานทดสอบ",
        "name_en": "Test Office",
        "email": "office@example.go.th",
    }
    make_honoree()
    make_honoree()
    feed = parsed(client, url)
    authors = feed.findall("atom:author", NS) + feed.findall("atom:entry/atom:author", NS)
    assert len(authors) == 3
    contact = "http://testserver/en/contact/" if "/en/" in url else "http://testserver/contact/"
    for author in authors:
        assert author.findtext("atom:name", namespaces=NS) == name
        assert author.findtext("atom:email", namespaces=NS) == "office@example.go.th"
        assert author.findtext("atom:uri", namespaces=NS) == contact


def entry_dates(feed):
    return {
        entry.findtext("atom:title", namespaces=NS): (
            datetime.fromisoformat(entry.findtext("atom:published", namespaces=NS)),
            datetime.fromisoformat(entry.findtext("atom:updated", namespaces=NS)),
        )
        for entry in feed.findall("atom:entry", NS)
    }


def test_entries_are_dated_by_the_honour_not_by_the_row(client):
    published = timezone.make_aware(datetime(2024, 1, 23, 16, 30))
    meeting = make_meeting(day=date(2024, 1, 23), published_at=published)
    on_meeting = make_honoree(meeting=meeting, name="นายประกาศพร้อมประชุม")
    own = timezone.make_aware(datetime(2024, 2, 27, 10, 0))
    make_honoree(meeting=make_meeting(day=date(2024, 2, 27)), name="นางเผยแพร่เอง", published_at=own)
    unstamped = make_honoree(meeting=make_meeting(day=date(2024, 3, 26)), name="นายไม่มีเวลาเผยแพร่")
    # The rows were made today and are edited again now: neither moves an entry's date.
    Honoree.objects.filter(pk=on_meeting.pk).update(created_at=timezone.now(), updated_at=timezone.now())
    unstamped.save()

    feed = parsed(client, "/feeds/honorees/")
    dates = entry_dates(feed)
    assert dates["นายประกาศพร้อมประชุม"] == (published, published)
    assert dates["นางเผยแพร่เอง"] == (own, own)
    morning = timezone.make_aware(datetime(2024, 3, 26, 9, 0))
    assert dates["นายไม่มีเวลาเผยแพร่"] == (morning, morning)
    assert datetime.fromisoformat(feed.findtext("atom:updated", namespaces=NS)) == morning
    assert all(timezone.now() - moment > timedelta(days=300) for pair in dates.values() for moment in pair)
