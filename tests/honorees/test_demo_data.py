from collections import Counter
from datetime import date

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from honorees import demo
from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District

pytestmark = pytest.mark.django_db


def test_demo_data_without_reference_data_is_a_clear_error_and_writes_nothing():
    District.objects.filter(code="8419").delete()
    with pytest.raises(CommandError, match="8419"):
        call_command("load_demo_data")
    assert not Meeting.objects.exists()
    assert not Honoree.objects.exists()


@pytest.fixture(scope="module")
def demo_honorees(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_demo_data")
        yield list(Honoree.objects.public().select_related("district", "network"))
        Honoree.objects.all().delete()
        Honoree.history.all().delete()
        Meeting.objects.all().delete()
        for model in reversed(list(apps.get_app_config("programme").get_models())):  # its demo data too
            model.objects.all().delete()


def test_demo_districts_and_networks_have_uneven_counts(demo_honorees):
    assert len(set(Counter(h.district_id for h in demo_honorees).values())) > 3
    assert len(set(Counter(h.network_id for h in demo_honorees).values())) > 3


def test_demo_titles_agree_with_the_person(demo_honorees):
    men, women = {n for n, _ in demo.MEN + demo.MUSLIM_MEN}, {n for n, _ in demo.WOMEN}
    monks = {n for n, _ in demo.MONKS}
    for h in (h for h in demo_honorees if h.kind == "person"):
        if h.name in monks:
            assert h.network.slug == "religion"
            continue
        title_and_first = h.name.split()[0]
        title = next(t for t in ("เด็กชาย", "เด็กหญิง", "นางสาว", "นาง", "นาย") if title_and_first.startswith(t))
        first = title_and_first.removeprefix(title)
        assert first in (men if title in ("นาย", "เด็กชาย") else women), h.name
        assert h.is_minor == title.startswith("เด็ก")
        if "อิหม่าม" in h.story:
            assert first in {n for n, _ in demo.MUSLIM_MEN}, h.name


def test_demo_citations_are_whole_sentences_never_cut(demo_honorees):
    import re

    templates = [a.citation[0] for a in demo.PEOPLE] + [b[4][0] for b in demo.BODIES]
    patterns = [re.compile(re.sub(r"\\\{\w+\\\}", ".+", re.escape(t)) + "$") for t in templates]
    for h in demo_honorees:
        assert any(p.match(h.citation) for p in patterns), h.citation


def test_demo_stories_differ_in_shape_and_most_have_english(demo_honorees):
    people = [h for h in demo_honorees if h.kind == "person"]
    assert len({h.story.count("\n\n") for h in people}) >= 3
    assert any(h.story.startswith("“") for h in people)
    with_english = sum(1 for h in demo_honorees if h.citation_en and h.story_en)
    assert 0.7 * len(demo_honorees) < with_english < len(demo_honorees)


def test_demo_data_is_a_full_year_of_meetings_with_19_honorees_each_after_a_first_year_and_idempotent(demo_honorees):
    count = Honoree.objects.count()
    call_command("load_demo_data")
    assert Honoree.objects.count() == count
    full_year = Honoree.objects.public().filter(meeting__fiscal_year=2569)
    assert Meeting.objects.published().filter(fiscal_year=2569).count() == 12
    assert full_year.count() == 228
    per_meeting = Counter(Honoree.objects.public().values_list("meeting", "district"))
    assert set(per_meeting.values()) == {1}
    # The programme's first year (2568): districts joined month by month.
    assert {m.fiscal_year for m in Meeting.objects.published()} == {2568, 2569}
    assert 0 < Honoree.objects.public().filter(meeting__fiscal_year=2568).count() < 228
    assert Honoree.objects.public().values("network").distinct().count() == 8
    assert Honoree.objects.public().values("kind").distinct().count() == 4
    assert Honoree.objects.exclude(status="published").filter(status__in=["draft", "nominated"]).count() >= 3
    assert all(h.photo for h in Honoree.objects.public()[:10])


def test_demo_honours_are_dated_by_their_meeting_not_by_the_load(demo_honorees):
    meetings = {m.pk: m for m in Meeting.objects.published()}
    for honoree in demo_honorees:
        meeting = meetings[honoree.meeting_id]
        assert honoree.published_at == meeting.published_at
        assert timezone.localdate(meeting.published_at) == meeting.date
    assert len({h.published_at for h in demo_honorees}) == len(meetings)


def test_the_demo_next_meeting_is_ahead_of_today_so_the_dashboards_have_one_to_fill(demo_honorees):
    today = timezone.localdate()
    upcoming = Meeting.objects.upcoming(today).get()
    assert upcoming.date > today and not upcoming.is_published
    assert upcoming.honorees.filter(status="approved").exists()


def test_the_demo_next_meeting_day_follows_the_calendar_whatever_today_is():
    assert demo.next_meeting_date(date(2026, 1, 5)) == demo.meeting_dates(2570)[0]
    assert demo.next_meeting_date(date(2026, 12, 3)) == date(2026, 12, 22)
    assert demo.next_meeting_date(date(2026, 12, 22)) == date(2027, 1, 26)
    assert demo.next_meeting_date(date(2027, 9, 29)) == demo.meeting_dates(2571)[0]
