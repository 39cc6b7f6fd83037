"""`manage.py purge_suggestions`: suggestions not taken forward go after the retention period."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from honorees.suggestions.models import Suggestion
from tests.suggestions.conftest import make_suggestion

pytestmark = pytest.mark.django_db

S = Suggestion.Status


def purge(*args) -> str:
    out = io.StringIO()
    call_command("purge_suggestions", *args, stdout=out)
    return out.getvalue()


def test_declined_suggestions_older_than_a_year_are_deleted_by_default(settings):
    assert settings.SUGGESTION_RETENTION_DAYS == 365
    now = timezone.now()
    old = make_suggestion(status=S.DECLINED, decided_at=now - timedelta(days=366))
    its_duplicate = make_suggestion(status=S.MERGED, duplicate_of=old, decided_at=now - timedelta(days=10))
    recent = make_suggestion(status=S.DECLINED, decided_at=now - timedelta(days=364))
    kept = [
        recent,
        make_suggestion(status=S.RECEIVED, created_at=now - timedelta(days=800)),
        make_suggestion(status=S.UNDER_REVIEW),
        make_suggestion(status=S.FORWARDED, decided_at=now - timedelta(days=900)),
    ]
    assert "จะลบข้อเสนอ 1 รายการ" in purge("--dry-run")
    assert Suggestion.objects.filter(pk=old.pk).exists()
    output = purge()
    assert "แล้ว 2 รายการ" in output  # the old one and the duplicate merged into it
    assert not Suggestion.objects.filter(pk__in=[old.pk, its_duplicate.pk]).exists()
    assert set(Suggestion.objects.values_list("pk", flat=True)) == {s.pk for s in kept}


def test_the_retention_period_comes_from_the_settings(settings):
    settings.SUGGESTION_RETENTION_DAYS = 30
    make_suggestion(status=S.DECLINED, decided_at=timezone.now() - timedelta(days=31))
    make_suggestion(status=S.DECLINED, decided_at=timezone.now() - timedelta(days=29))
    purge()
    assert Suggestion.objects.count() == 1


def test_running_it_again_deletes_nothing_more():
    make_suggestion(status=S.DECLINED, decided_at=timezone.now() - timedelta(days=400))
    purge()
    assert "แล้ว 0 รายการ" in purge()
