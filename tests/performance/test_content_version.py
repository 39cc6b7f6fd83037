"""The public content version changes with every write to a public table, however it is made."""

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from halloffame import cache as page_cache
from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District, Network, Virtue
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def changes(write) -> bool:
    before = page_cache.current_token()
    write()
    return page_cache.current_token() != before


def test_every_kind_of_write_changes_the_version():
    honoree = make_honoree()
    virtue = Virtue.objects.first()
    assert changes(lambda: make_honoree())
    assert changes(lambda: honoree.save())
    assert changes(lambda: Honoree.objects.filter(pk=honoree.pk).update(citation="ใหม่"))
    assert changes(lambda: honoree.virtues.add(virtue))
    assert changes(lambda: honoree.virtues.remove(virtue))
    assert changes(lambda: Meeting.objects.filter(pk=honoree.meeting_id).update(venue="ที่ใหม่"))
    assert changes(lambda: make_meeting(published=False))
    assert changes(lambda: District.objects.filter(code="8404").update(name_en="Koh Samui"))
    assert changes(lambda: Network.objects.filter(order=1).update(description_th="ใหม่"))
    assert changes(lambda: Virtue.objects.filter(pk=virtue.pk).update(name_en="Honesty!"))
    assert changes(lambda: Honoree.objects.bulk_create([Honoree(**_fields(honoree, slug="bulk-one"))]))
    assert changes(lambda: Honoree.objects.filter(slug="bulk-one").delete())
    with connection.cursor() as cursor:
        assert changes(lambda: cursor.execute("UPDATE networks_district SET name_th = name_th"))


def _fields(honoree, **extra):
    return {
        "name": "นายเพิ่ม ทีละมาก",
        "sort_key": "x",
        "district_id": honoree.district_id,
        "network_id": honoree.network_id,
        "citation": "ทดสอบ",
        "status": Honoree.Status.DRAFT,
        **extra,
    }


def test_reading_does_not_change_the_version():
    make_honoree()
    before = page_cache.current_token()
    list(Honoree.objects.public().with_related())
    District.objects.count()
    assert page_cache.current_token() == before


def test_triggers_come_back_after_every_migrate():
    """SQLite drops a table's triggers when a migration rebuilds the table; migrate reinstalls them."""
    honoree = make_honoree()
    table = Honoree._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for operation in ("insert", "update", "delete"):
                cursor.execute(f'DROP TRIGGER "{page_cache.TRIGGER_PREFIX}_{table}_{operation}"')
        else:
            cursor.execute(f'DROP TRIGGER "{page_cache.TRIGGER_PREFIX}_bump" ON "{table}"')
    assert not changes(lambda: Honoree.objects.filter(pk=honoree.pk).update(citation="ไม่มีทริกเกอร์"))
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert changes(lambda: Honoree.objects.filter(pk=honoree.pk).update(citation="กลับมาแล้ว"))


def test_every_public_table_has_its_trigger():
    tables = set(page_cache.public_content_tables())
    assert {"honorees_honoree", "honorees_honoree_virtues", "meetings_meeting", "networks_district"} <= tables
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'hof_public%'")
        else:
            cursor.execute(
                "SELECT event_object_table FROM information_schema.triggers WHERE trigger_name LIKE 'hof_public%'"
            )
        assert {row[0] for row in cursor.fetchall()} == tables


def test_without_a_version_row_nothing_is_cached(client):
    honoree = make_honoree()
    with connection.cursor() as cursor:
        cursor.execute(f'DELETE FROM "{page_cache.VERSION_TABLE}"')
    assert page_cache.current_token() is None
    assert "X-Page-Cache" not in client.get(honoree.get_absolute_url())
    honoree.save()  # the next write creates the row again
    assert page_cache.current_token() is not None
