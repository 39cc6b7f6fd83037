"""Honoree.objects.public() reads a flag the database keeps equal to the public rule, whatever
writes the row or its meeting."""

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.utils import timezone

from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def assert_flag_follows_rule():
    assert set(Honoree.objects.public().values_list("pk", flat=True)) == set(
        Honoree.objects.by_public_rule().values_list("pk", flat=True)
    )


def test_flag_follows_every_kind_of_write():
    public = make_honoree()
    draft = make_honoree(meeting=None, status=Honoree.Status.DRAFT)
    assert list(Honoree.objects.public()) == [public]
    assert_flag_follows_rule()

    Honoree.objects.filter(pk=public.pk).update(consent_withdrawn_at=timezone.now())
    assert not Honoree.objects.public().exists()
    Honoree.objects.filter(pk=public.pk).update(consent_withdrawn_at=None)
    assert Honoree.objects.public().filter(pk=public.pk).exists()

    Meeting.objects.filter(pk=public.meeting_id).update(is_published=False)  # the meeting decides too
    assert not Honoree.objects.public().exists()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE meetings_meeting SET is_published = TRUE WHERE id = %s", [public.meeting_id])
    assert Honoree.objects.public().filter(pk=public.pk).exists()

    meeting = make_meeting()
    Honoree.objects.filter(pk=draft.pk).update(meeting=meeting, status=Honoree.Status.PUBLISHED)
    assert Honoree.objects.public().filter(pk=draft.pk).exists()
    Honoree.objects.filter(pk=draft.pk).update(consent_covers_name=False)  # a person without consent
    assert not Honoree.objects.public().filter(pk=draft.pk).exists()
    Honoree.objects.filter(pk=draft.pk).update(kind=Honoree.Kind.ORGANIZATION)  # an organisation needs none
    assert Honoree.objects.public().filter(pk=draft.pk).exists()

    stale = Honoree.objects.get(pk=public.pk)
    Honoree.objects.filter(pk=public.pk).update(status=Honoree.Status.WITHDRAWN)
    stale.citation = "บันทึกจากข้อมูลเก่า"
    stale.save(update_fields=["citation"])
    assert not Honoree.objects.public().filter(pk=public.pk).exists()

    other = District.objects.exclude(pk=draft.district_id).first()
    fields = {"name": "ชุมชนเพิ่มทีละมาก", "sort_key": "x", "citation": "ทดสอบ", "network_id": draft.network_id}
    fields.update(kind=Honoree.Kind.COMMUNITY, meeting=meeting, status=Honoree.Status.PUBLISHED, district=other)
    [bulk] = Honoree.objects.bulk_create([Honoree(slug="bulk-community", **fields)])
    assert Honoree.objects.public().filter(slug="bulk-community").exists()
    assert_flag_follows_rule()


def test_migrate_brings_every_flag_up_to_date():
    honoree = make_honoree()
    with connection.cursor() as cursor:  # as a database from before the flag would be
        if connection.vendor == "sqlite":
            for event in ("insert", "update"):
                cursor.execute(f'DROP TRIGGER "hof_public_content_flag_honorees_honoree_{event}"')
        else:
            cursor.execute('DROP TRIGGER "hof_public_content_flag" ON honorees_honoree')
        cursor.execute("UPDATE honorees_honoree SET publicly_visible = FALSE")
    assert not Honoree.objects.public().exists()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert list(Honoree.objects.public()) == [honoree]
