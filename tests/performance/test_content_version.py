"""The public content version changes with every write the public can see, however it is made,
and with no write it cannot: staff drafting leaves every cached public page valid."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection, transaction

from halloffame import cache as page_cache
from honorees import services
from honorees.models import Honoree
from meetings import services as meeting_services
from meetings.models import Meeting
from networks.models import District, Network, Virtue
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def changes(write) -> bool:
    before = page_cache.current_token()
    write()
    return page_cache.current_token() != before


@pytest.fixture
def secretariat(db):
    return get_user_model().objects.create_superuser("secretariat", password="x")


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


def test_every_kind_of_write_to_public_content_changes_the_version():
    honoree = make_honoree()
    virtue = Virtue.objects.first()
    assert changes(lambda: make_honoree())
    assert changes(lambda: honoree.save())
    assert changes(lambda: Honoree.objects.filter(pk=honoree.pk).update(citation="ใหม่"))
    assert changes(lambda: honoree.virtues.add(virtue))
    assert changes(lambda: honoree.virtues.remove(virtue))
    assert changes(lambda: Meeting.objects.filter(pk=honoree.meeting_id).update(venue="ที่ใหม่"))
    assert changes(lambda: make_meeting(published=True))
    assert changes(lambda: District.objects.filter(code="8404").update(name_en="Koh Samui"))
    assert changes(lambda: Network.objects.filter(order=1).update(description_th="ใหม่"))
    assert changes(lambda: Virtue.objects.filter(pk=virtue.pk).update(name_en="Honesty!"))
    published = _fields(honoree, slug="bulk-one", status="published", meeting_id=honoree.meeting_id, kind="group")
    published["district_id"] = District.objects.exclude(pk=honoree.district_id).first().pk
    assert changes(lambda: Honoree.objects.bulk_create([Honoree(**published)]))
    assert changes(lambda: Honoree.objects.filter(slug="bulk-one").delete())
    with connection.cursor() as cursor:
        assert changes(lambda: cursor.execute("UPDATE networks_district SET name_th = name_th"))
        assert changes(lambda: cursor.execute("UPDATE honorees_honoree SET story = 'ใหม่' WHERE id = %s", [honoree.pk]))


def test_writes_the_public_cannot_see_leave_the_version(secretariat):
    honoree = make_honoree()
    virtue = Virtue.objects.first()
    draft = make_honoree(meeting=None, status=Honoree.Status.DRAFT)
    upcoming = make_meeting(published=False)
    assert not changes(lambda: make_honoree(meeting=None, status=Honoree.Status.DRAFT))
    assert not changes(lambda: make_meeting(published=False))
    assert not changes(lambda: draft.save())
    assert not changes(lambda: Honoree.objects.filter(pk=draft.pk).update(story="ร่างใหม่"))
    assert not changes(lambda: draft.virtues.add(virtue))
    assert not changes(lambda: draft.virtues.remove(virtue))
    assert not changes(lambda: services.honoree_nominate(honoree=draft, by=secretariat))
    assert not changes(lambda: services.honoree_approve(honoree=draft, by=secretariat))
    assert not changes(lambda: services.honoree_place(honoree=draft, meeting=upcoming, by=secretariat))
    assert not changes(lambda: Meeting.objects.filter(pk=upcoming.pk).update(venue="ห้องประชุมใหม่"))
    other = make_honoree(meeting=None, status=Honoree.Status.NOMINATED)
    assert not changes(lambda: services.honoree_reject(honoree=other, by=secretariat, reason="ขาดเอกสาร"))
    assert not changes(lambda: Honoree.objects.bulk_create([Honoree(**_fields(honoree, slug="bulk-draft"))]))
    assert not changes(lambda: Honoree.objects.filter(slug="bulk-draft").delete())
    assert not changes(lambda: Honoree.objects.exclude(status=Honoree.Status.PUBLISHED).update(staff_notes="โทรแล้ว"))
    with connection.cursor() as cursor:
        sql = "UPDATE honorees_honoree SET staff_notes = 'ดิบ' WHERE status <> 'published'"
        assert not changes(lambda: cursor.execute(sql))
    # A published honoree's staff-only fields are still a write to a public row: it counts.
    assert changes(lambda: Honoree.objects.filter(pk=honoree.pk).update(staff_notes="ภายใน"))


def test_the_workflow_steps_that_the_public_sees_change_the_version(secretariat):
    meeting = make_meeting(published=False, day=date(2025, 3, 20))
    candidate = make_honoree(meeting=meeting, status=Honoree.Status.APPROVED)
    assert changes(lambda: meeting_services.meeting_publish(meeting=meeting, by=secretariat, confirm_vacancies=True))
    candidate.refresh_from_db()
    assert candidate.is_public
    free = District.objects.exclude(pk=candidate.district_id).order_by("code").first()
    late = make_honoree(meeting=None, district=free, status=Honoree.Status.APPROVED)
    assert changes(lambda: services.honoree_place(honoree=late, meeting=meeting, by=secretariat))  # published at once
    assert changes(lambda: services.honoree_withdraw_consent(honoree=candidate, by=secretariat))
    assert changes(lambda: services.honoree_withdraw(honoree=late, by=secretariat))
    assert not changes(lambda: Honoree.objects.filter(pk=late.pk).update(staff_notes="หลังถอน"))
    assert changes(lambda: Meeting.objects.filter(pk=meeting.pk).update(is_published=False))


def test_a_rolled_back_write_leaves_the_version():
    honoree = make_honoree()
    before = page_cache.current_token()
    with pytest.raises(RuntimeError), transaction.atomic():
        Honoree.objects.filter(pk=honoree.pk).update(citation="ไม่เกิดขึ้น")
        raise RuntimeError
    assert page_cache.current_token() == before
    assert changes(lambda: Honoree.objects.filter(pk=honoree.pk).update(citation="เกิดขึ้น"))


def test_reading_does_not_change_the_version():
    make_honoree()
    before = page_cache.current_token()
    list(Honoree.objects.public().with_related())
    District.objects.count()
    assert page_cache.current_token() == before


def _drop_honoree_triggers(cursor):
    table = Honoree._meta.db_table
    if connection.vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [table])
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP TRIGGER "{name}"')
    else:
        for suffix in ("old", "new", "truncate"):
            cursor.execute(f'DROP TRIGGER "{page_cache.TRIGGER_PREFIX}_{suffix}" ON "{table}"')


def test_triggers_come_back_after_every_migrate():
    """SQLite drops a table's triggers when a migration rebuilds the table; migrate reinstalls them."""
    honoree = make_honoree()
    with connection.cursor() as cursor:
        _drop_honoree_triggers(cursor)
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
    honoree.save()  # the next write to a public row creates the row again
    assert page_cache.current_token() is not None


def test_one_bulk_write_of_many_public_rows_replaces_the_version_once():
    """Not once per row: on PostgreSQL each update of the version row in a transaction leaves a row
    version that the next must step over, so a bump per row made a bulk write N² (a restore, a seed)."""
    meetings = [make_meeting(published=True) for _ in range(6)]
    template = make_honoree(meeting=meetings[0], district=District.objects.order_by("code").last())
    rows = [
        Honoree(
            **_fields(
                template,
                slug=f"bulk-{meeting.pk}-{district.pk}",
                status="published",
                meeting_id=meeting.pk,
                district_id=district.pk,
                kind="group",
            )
        )  # fmt: skip
        for meeting in meetings[1:]
        for district in District.objects.all()
    ]
    public_before = Honoree.objects.public().count()
    updates_before = _version_row_updates()
    assert changes(lambda: Honoree.objects.bulk_create(rows))
    assert Honoree.objects.public().count() == public_before + len(rows) == public_before + 95
    if connection.vendor == "postgresql":
        assert _version_row_updates() - updates_before <= 1
    assert changes(lambda: Honoree.objects.filter(pk=template.pk).update(citation="อีกคำสั่งหนึ่ง"))


def _version_row_updates() -> int:
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute("SELECT n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = %s", [page_cache.VERSION_TABLE])
        return cursor.fetchone()[0]
