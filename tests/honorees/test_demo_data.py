from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from honorees.models import Honoree
from meetings.models import Meeting
from networks.models import District

pytestmark = pytest.mark.django_db


def test_demo_data_is_a_year_of_meetings_with_19_honorees_each_and_idempotent():
    call_command("load_demo_data")
    call_command("load_demo_data")
    assert Meeting.objects.published().count() == 12
    assert Honoree.objects.public().count() == 228
    per_meeting = Counter(Honoree.objects.public().values_list("meeting", "district"))
    assert set(per_meeting.values()) == {1}
    assert len({m.fiscal_year for m in Meeting.objects.published()}) == 1
    assert Honoree.objects.public().values("network").distinct().count() == 8
    assert Honoree.objects.public().values("kind").distinct().count() == 4
    assert Honoree.objects.exclude(status="published").filter(status__in=["draft", "nominated"]).count() >= 3
    assert all(h.photo for h in Honoree.objects.public()[:10])


def test_demo_data_without_reference_data_is_a_clear_error_and_writes_nothing():
    District.objects.filter(code="8419").delete()
    with pytest.raises(CommandError, match="8419"):
        call_command("load_demo_data")
    assert not Meeting.objects.exists()
    assert not Honoree.objects.exists()
