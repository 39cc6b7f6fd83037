from datetime import UTC, date, datetime

import pytest

from halloffame import thai


@pytest.mark.parametrize(
    "day, full, short",
    [
        (date(2021, 10, 26), "26 ตุลาคม 2564", "26 ต.ค. 64"),
        (date(2021, 12, 31), "31 ธันวาคม 2564", "31 ธ.ค. 64"),
        (date(2022, 1, 1), "1 มกราคม 2565", "1 ม.ค. 65"),
        (date(2043, 2, 5), "5 กุมภาพันธ์ 2586", "5 ก.พ. 86"),
        (date(2057, 3, 1), "1 มีนาคม 2600", "1 มี.ค. 00"),
    ],
)
def test_buddhist_era_dates_full_and_short(day, full, short):
    assert thai.thai_date(day) == full
    assert thai.thai_date_short(day) == short


def test_aware_datetime_is_shown_in_bangkok_time():
    # 31 December 20:00 UTC is already 1 January in Bangkok (UTC+7).
    moment = datetime(2021, 12, 31, 20, 0, tzinfo=UTC)
    assert thai.thai_date(moment) == "1 มกราคม 2565"


@pytest.mark.parametrize(
    "day, fy",
    [
        (date(2021, 9, 30), 2564),
        (date(2021, 10, 1), 2565),
        (date(2021, 10, 26), 2565),
        (date(2021, 12, 31), 2565),
        (date(2022, 1, 1), 2565),
        (date(2022, 9, 30), 2565),
        (date(2022, 10, 1), 2566),
    ],
)
def test_fiscal_year_turns_on_1_october(day, fy):
    assert thai.fiscal_year(day) == fy


def test_fiscal_year_bounds():
    assert thai.fiscal_year_bounds(2565) == (date(2021, 10, 1), date(2022, 9, 30))


def test_meeting_number_reads_like_the_announcement():
    assert thai.meeting_number(1, 2565) == "ครั้งที่ 1/2565"


def thai_sorted(names):
    return sorted(names, key=thai.thai_sort_key)


def test_leading_vowel_does_not_decide_the_order():
    # เกษม is read ก-เ-ษ-ม, so it comes after กาญจนา (ก-า) only by its second letter,
    # and before ขวัญ; แก้ว likewise sorts under ก.
    assert thai_sorted(["ขวัญ", "เกษม", "กาญจนา", "แก้ว", "ไก่"]) == ["กาญจนา", "เกษม", "แก้ว", "ไก่", "ขวัญ"]


def test_leading_vowel_word_sorts_among_its_consonant():
    assert thai_sorted(["โชคชัย", "จันทร์เพ็ญ", "ชูชาติ", "ฉลาด"]) == ["จันทร์เพ็ญ", "ฉลาด", "ชูชาติ", "โชคชัย"]


def test_titles_do_not_decide_the_order():
    names = ["นายสมชาย ใจดี", "นางสาวกาญจนา ทองคำ", "พระครูบุญมี ศรีสุข", "นางอรุณี แก้วมณี", "เด็กชายเกษม ขุนทอง"]
    assert thai_sorted(names) == [
        "นางสาวกาญจนา ทองคำ",
        "เด็กชายเกษม ขุนทอง",
        "พระครูบุญมี ศรีสุข",
        "นายสมชาย ใจดี",
        "นางอรุณี แก้วมณี",
    ]


def test_strip_title_takes_the_longest_title():
    assert thai.strip_title("นางสาวมาลี ศรีสุข") == "มาลี ศรีสุข"
    assert thai.strip_title("นางมาลี ศรีสุข") == "มาลี ศรีสุข"
    assert thai.strip_title("พระครูสมุห์ ใจดี") == "สมุห์ ใจดี"


def test_a_name_that_is_only_a_title_is_kept():
    assert thai.strip_title("พระ") == "พระ"


def test_tone_marks_only_break_ties():
    assert thai_sorted(["ก้า", "กา", "กาก"]) == ["กา", "ก้า", "กาก"]


def test_normalised_name_ignores_titles_and_spacing():
    assert thai.normalise_name("นาย สมชาย  ใจดี") == thai.normalise_name("สมชาย ใจดี") == "สมชายใจดี"


# ---------------------------------------------------------------- reading typed B.E. dates


@pytest.mark.parametrize(
    "typed",
    [
        "26/10/2564",
        "26-10-2564",
        "26.10.2564",
        "26/10/64",
        "๒๖/๑๐/๒๕๖๔",
        "๒๖/๑๐/๖๔",
        "26 ต.ค. 2564",
        "26 ต.ค.2564",
        "26 ตค 64",
        "26 ตุลาคม 2564",
        "26 ตุลาคม พ.ศ. 2564",
        "วันที่ 26 ตุลาคม 2564",
        "๒๖ ตุลาคม ๒๕๖๔",
        " 26/10/2564\u200b ",
        "2021-10-26",  # ISO is Gregorian by definition (a spreadsheet's date cell)
        "2564-10-26",
    ],
)
def test_every_way_of_typing_a_be_date_is_read(typed):
    assert thai.parse_be_date(typed) == date(2021, 10, 26)


def test_29_february_of_a_be_leap_year_is_a_real_day():
    assert thai.parse_be_date("29/02/2567") == date(2024, 2, 29)
    assert thai.parse_be_date("29 ก.พ. 67") == date(2024, 2, 29)
    with pytest.raises(thai.BEDateError, match="กุมภาพันธ์ พ.ศ. 2566 มี 28 วัน"):
        thai.parse_be_date("29/02/2566")


def test_a_ce_looking_year_says_what_was_understood_and_asks_for_be():
    with pytest.raises(thai.BEDateError) as refused:
        thai.parse_be_date("26/10/2021")
    assert "ค.ศ." in refused.value.message and "2564" in refused.value.message
    assert "26/10/2564" in refused.value.message


@pytest.mark.parametrize("typed", ["26/13/2564", "32/10/2564", "yesterday", "2564", "26/10/3100", "26 ตุลา 2564"])
def test_every_refusal_gives_the_expected_format_with_an_example(typed):
    with pytest.raises(thai.BEDateError) as refused:
        thai.parse_be_date(typed)
    assert "26/10/2564" in refused.value.message


def test_empty_is_no_date():
    assert thai.parse_be_date("") is None
    assert thai.parse_be_date("  ") is None


def test_be_numeric_date_and_file_stamp():
    assert thai.be_numeric_date(date(2024, 2, 29)) == "29/02/2567"
    assert thai.be_file_stamp(date(2021, 10, 26)) == "2564-10-26"
    assert thai.gregorian_year(2564) == 2021 and thai.be_year_number(2021) == 2564


def test_repetition_and_abbreviation_marks_stay_with_their_word():
    from halloffame.thai import keep_marks_with_words

    assert keep_marks_with_words("อาสาสมัครต่าง ๆ") == "อาสาสมัครต่าง\u00a0ๆ"
    assert keep_marks_with_words("กรุงเทพ ฯ และ เด็ก ๆ") == "กรุงเทพ\u00a0ฯ และ เด็ก\u00a0ๆ"
    assert keep_marks_with_words("ไม่มีเครื่องหมาย") == "ไม่มีเครื่องหมาย"
