"""Who holds a district's place in a meeting has one definition (holds_place_q): the database
constraint, clean(), the services and the honour board all follow it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from honorees.models import STATUSES_WITHOUT_PLACE, Honoree, holds_place_q
from meetings.services import meeting_places
from networks.models import District
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def test_the_constraint_is_the_one_definition():
    (constraint,) = [c for c in Honoree._meta.constraints if c.name == "honoree_one_per_district_per_meeting"]
    assert constraint.condition == holds_place_q()


@pytest.mark.parametrize("status", Honoree.Status.values)
def test_every_status_holds_the_place_or_not_everywhere_alike(status):
    meeting, samui = make_meeting(published=False), District.objects.get(code="8404")
    first = make_honoree(meeting=meeting, district=samui, status=status)
    holds = status not in STATUSES_WITHOUT_PLACE
    assert Honoree.objects.holding_place().filter(pk=first.pk).exists() == holds
    assert dict(meeting_places(meeting=meeting))[samui] == (first if holds else None)
    second = Honoree(meeting=meeting, district=samui, status="approved", name="นายคนที่ สอง")
    assert (second.place_taken_by() == first) == holds
    if holds:
        with pytest.raises(ValidationError, match="เกาะสมุย"):
            second.clean()
        with pytest.raises(IntegrityError), transaction.atomic():
            make_honoree(meeting=meeting, district=samui, status="approved")
    else:
        second.clean()
        make_honoree(meeting=meeting, district=samui, status="approved")
