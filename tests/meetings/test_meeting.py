from datetime import date

import pytest
from django.core.exceptions import ValidationError

from meetings.models import Meeting
from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_meeting_of_26_october_2564_is_1_of_2565():
    meeting = make_meeting(day=date(2021, 10, 26))
    assert meeting.fiscal_year == 2565
    assert meeting.fiscal_number == "ครั้งที่ 1/2565"
    assert meeting.slug == "2565-1"
    assert meeting.get_absolute_url() == "/meetings/2565-1/"


def test_meetings_are_numbered_within_their_fiscal_year():
    sept = make_meeting(day=date(2021, 9, 28))
    octo = make_meeting(day=date(2021, 10, 26))
    nov = make_meeting(day=date(2021, 11, 23))
    jan = make_meeting(day=date(2022, 1, 25))
    assert [m.fiscal_number for m in (sept, octo, nov, jan)] == [
        "ครั้งที่ 1/2564",
        "ครั้งที่ 1/2565",
        "ครั้งที่ 2/2565",
        "ครั้งที่ 3/2565",
    ]


def test_a_number_already_used_in_the_fiscal_year_is_a_clear_error():
    make_meeting(day=date(2021, 10, 26))
    clash = Meeting(date=date(2021, 11, 23), number=1)
    with pytest.raises(ValidationError) as excinfo:
        clash.clean()
    assert "2565" in excinfo.value.message_dict["number"][0]


def test_published_queryset():
    shown = make_meeting(published=True)
    make_meeting(published=False)
    assert list(Meeting.objects.published()) == [shown]


def test_meeting_entered_out_of_order_takes_the_next_free_number():
    nov = make_meeting(day=date(2021, 11, 23))
    octo = make_meeting(day=date(2021, 10, 26))
    assert (nov.number, octo.number) == (1, 2)
