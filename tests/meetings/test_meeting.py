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


def test_a_meeting_moved_to_another_fiscal_year_is_renumbered_there():
    make_meeting(day=date(2021, 10, 26))  # 1/2565
    make_meeting(day=date(2021, 11, 23))  # 2/2565
    moving = make_meeting(day=date(2021, 9, 28))  # 1/2564
    assert (moving.fiscal_number, moving.slug) == ("ครั้งที่ 1/2564", "2564-1")
    moving.date = date(2021, 12, 21)
    moving.save()
    moving.refresh_from_db()
    assert (moving.fiscal_year, moving.number, moving.slug) == (2565, 3, "2565-3")
    assert moving.title == "การประชุมหัวหน้าส่วนราชการจังหวัดสุราษฎร์ธานี ครั้งที่ 3/2565"


def test_a_number_typed_with_the_move_is_kept_and_a_title_of_its_own_too():
    moving = make_meeting(day=date(2021, 9, 28))
    moving.title = "การประชุมพิเศษ"
    moving.save()
    moving.date, moving.number = date(2021, 10, 26), 5
    moving.full_clean()
    moving.save()
    assert (moving.fiscal_number, moving.slug, moving.title) == ("ครั้งที่ 5/2565", "2565-5", "การประชุมพิเศษ")


def test_moving_within_the_fiscal_year_keeps_the_number():
    meeting = make_meeting(day=date(2021, 10, 26))
    meeting.date = date(2021, 10, 28)
    meeting.full_clean()
    meeting.save()
    assert meeting.slug == "2565-1"


def test_moving_keeps_its_number_clash_check_out_of_the_way():
    make_meeting(day=date(2021, 10, 26))  # 1/2565
    moving = make_meeting(day=date(2021, 9, 28))  # 1/2564
    moving.date = date(2021, 11, 23)
    moving.full_clean()  # its old number 1 is taken in 2565, but it is renumbered, not refused
    moving.save()
    assert moving.fiscal_number == "ครั้งที่ 2/2565"


def test_a_published_meeting_that_moved_redirects_from_its_old_address(client):
    meeting = make_meeting(day=date(2021, 9, 28), published=True)
    old_url = meeting.get_absolute_url()
    meeting.date = date(2021, 10, 26)
    meeting.save()
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == "/meetings/2565-1/"
    assert client.get("/en" + old_url)["Location"] == "/en/meetings/2565-1/"
    assert client.get(response["Location"]).status_code == 200


def test_an_unpublished_meeting_that_moved_leaves_no_redirect(client):
    meeting = make_meeting(day=date(2021, 9, 28), published=False)
    meeting.date = date(2021, 10, 26)
    meeting.save()
    assert client.get("/meetings/2564-1/").status_code == 404
