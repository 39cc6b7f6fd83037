"""Thai conventions in one place: Buddhist-Era dates (formatting and reading), the fiscal year, and
Thai names (one normaliser, titles, ICU dictionary order, search and duplicate keys)."""

import calendar
import re
import threading
import unicodedata
from datetime import date, datetime

BE_OFFSET = 543

MONTHS_FULL = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)  # fmt: skip
MONTHS_SHORT = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)  # fmt: skip
# English pages keep the Buddhist Era, marked "B.E.", so that a date reads the same in both languages.
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_EN_SHORT = tuple(m[:3] for m in MONTHS_EN)


def to_date(value):
    if isinstance(value, datetime):
        from django.utils import timezone

        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def be_year(value: date) -> int:
    return to_date(value).year + BE_OFFSET


# (full month names, short month names, short-year format, era mark) for each language.
_DATE_STYLE = {
    "th": (MONTHS_FULL, MONTHS_SHORT, lambda year: f"{year % 100:02d}", ""),
    "en": (MONTHS_EN, MONTHS_EN_SHORT, str, " B.E."),
}


def page_language() -> str:
    """ "en" on English pages, "th" everywhere else."""
    from django.utils.translation import get_language

    return "en" if (get_language() or "").startswith("en") else "th"


def be_date(value: date, language: str = "th") -> str:
    """26 ตุลาคม 2564 / 26 October 2564 B.E."""
    value, (months, _, _, era) = to_date(value), _DATE_STYLE[language]
    return f"{value.day} {months[value.month - 1]} {value.year + BE_OFFSET}{era}"


def be_date_short(value: date, language: str = "th") -> str:
    """26 ต.ค. 64 / 26 Oct 2564"""
    value, (_, months, short_year, _) = to_date(value), _DATE_STYLE[language]
    return f"{value.day} {months[value.month - 1]} {short_year(value.year + BE_OFFSET)}"


def be_month_year(value: date, language: str = "th") -> str:
    """ตุลาคม 2564 / October 2564 B.E."""
    value, (months, _, _, era) = to_date(value), _DATE_STYLE[language]
    return f"{months[value.month - 1]} {value.year + BE_OFFSET}{era}"


def thai_date(value: date) -> str:
    return be_date(value, "th")


def thai_date_short(value: date) -> str:
    return be_date_short(value, "th")


def thai_month_year(value: date) -> str:
    return be_month_year(value, "th")


def fiscal_year(value: date) -> int:
    """The Thai fiscal year (B.E.): 1 October – 30 September, named by the year it ends in."""
    value = to_date(value)
    return value.year + BE_OFFSET + (1 if value.month >= 10 else 0)


def fiscal_year_bounds(fy: int) -> tuple[date, date]:
    """First and last day (Gregorian) of the fiscal year named fy (B.E.)."""
    end_year = fy - BE_OFFSET
    return date(end_year - 1, 10, 1), date(end_year, 9, 30)


def meeting_number(number: int, fy: int) -> str:
    """ครั้งที่ 1/2565"""
    return f"ครั้งที่ {number}/{fy}"


def gregorian_year(be: int) -> int:
    """The Gregorian year of a B.E. year number (2564 → 2021)."""
    return be - BE_OFFSET


def be_year_number(gregorian: int) -> int:
    """The B.E. year number of a Gregorian year number (2021 → 2564)."""
    return gregorian + BE_OFFSET


def be_numeric_date(value) -> str:
    """26/10/2564: how the admin's date boxes and the spreadsheets write a date."""
    if not value:
        return ""
    value = to_date(value)
    return f"{value.day:02d}/{value.month:02d}/{be_year(value)}"


def be_file_stamp(value: date) -> str:
    """2564-10-26, for file names."""
    value = to_date(value)
    return f"{be_year(value)}-{value.month:02d}-{value.day:02d}"


# ---------------------------------------------------------------- reading typed B.E. dates

BE_YEAR_RANGE = (2400, 2800)
# Four-digit years below B.E. 2400 (1857) that staff type are Gregorian years typed by habit.
CE_LOOKING_YEARS = (1800, BE_YEAR_RANGE[0] - 1)


class BEDateError(ValueError):
    """A typed date that cannot be read; `message` says why in Thai, with the expected format."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def be_date_hint() -> str:
    from django.utils.translation import gettext as _

    return _("ใช้ วัน/เดือน/ปี พ.ศ. เช่น 26/10/2564, 26/10/64 หรือ 26 ต.ค. 2564")


_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDED_DATE = re.compile(r"(\d{1,2})\s*([^\d\s][^\d]*?)\s*(?:พ\.?\s*ศ\.?)?\s*(\d{4}|\d{2})")


def _month_token(text: str) -> str:
    return re.sub(r"[.\s]", "", text)


_MONTHS_BY_NAME = {_month_token(m): i for names in (MONTHS_FULL, MONTHS_SHORT) for i, m in enumerate(names, 1)}


def parse_be_date(text: str) -> date | None:
    """The date a person typed in B.E.: 26/10/2564, 26-10-64, ๒๖/๑๐/๒๕๖๔, 26 ต.ค. 2564,
    26 ตุลาคม พ.ศ. 2564; or ISO 2021-10-26 (Gregorian by definition: what a spreadsheet's date
    cell or a pasted machine date gives). Empty text is None; anything else raises BEDateError
    saying what was understood or what to type."""
    from django.utils.translation import gettext as _

    text = clean_text(text or "").translate(_THAI_DIGITS)
    text = re.sub(r"^วันที่\s*", "", text)
    if not text:
        return None
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(g) for g in match.groups())
        return _be_day(day, month, year if year >= BE_YEAR_RANGE[0] else year + BE_OFFSET)
    if match := _NUMERIC_DATE.fullmatch(text):
        day, month, year_text = int(match[1]), int(match[2]), match[3]
    elif (match := _WORDED_DATE.fullmatch(text)) and _month_token(match[2]) in _MONTHS_BY_NAME:
        day, month, year_text = int(match[1]), _MONTHS_BY_NAME[_month_token(match[2])], match[3]
    else:
        raise BEDateError(_("“%(text)s” ไม่ใช่วันที่ที่อ่านได้ — %(hint)s") % {"text": text, "hint": be_date_hint()})
    year = _be_year_from_text(year_text, text=text, day=day, month=month)
    return _be_day(day, month, year)


def _be_year_from_text(year_text: str, *, text: str, day: int, month: int) -> int:
    from django.utils.translation import gettext as _

    year = int(year_text)
    if len(year_text) == 2:  # 64 → 2564; a year more than ten years ahead is the previous century
        year += 2500
        return year - 100 if year > be_year(date.today()) + 10 else year
    if CE_LOOKING_YEARS[0] <= year <= CE_LOOKING_YEARS[1]:
        raise BEDateError(
            _("ปี %(year)s ดูเหมือนเป็นปี ค.ศ. (ตรงกับ พ.ศ. %(be)s) — โปรดพิมพ์เป็นปี พ.ศ. เช่น %(example)s")
            % {"year": year, "be": year + BE_OFFSET, "example": f"{day:02d}/{month:02d}/{year + BE_OFFSET}"}
        )
    if not BE_YEAR_RANGE[0] <= year <= BE_YEAR_RANGE[1]:
        raise BEDateError(
            _("ปี พ.ศ. %(year)s ไม่ถูกต้อง (“%(text)s”) — %(hint)s") % {"year": year, "text": text, "hint": be_date_hint()}
        )
    return year


def _be_day(day: int, month: int, be: int) -> date:
    from django.utils.translation import gettext as _

    if not 1 <= month <= 12:
        raise BEDateError(_("ไม่มีเดือนที่ %(month)s (เดือนคือ 1–12) — %(hint)s") % {"month": month, "hint": be_date_hint()})
    days = calendar.monthrange(be - BE_OFFSET, month)[1]
    if not 1 <= day <= days:
        raise BEDateError(
            _("วันที่ %(day)s %(month)s %(year)s ไม่ใช่วันที่ในปฏิทิน: เดือน%(month)s พ.ศ. %(year)s มี %(days)s วัน — %(hint)s")
            % {"day": day, "month": MONTHS_FULL[month - 1], "year": be, "days": days, "hint": be_date_hint()}
        )
    return date(be - BE_OFFSET, month, day)


def validate_not_in_future(value: date) -> None:
    """A day that has already come (consent is recorded once it has been given)."""
    from django.core.exceptions import ValidationError
    from django.utils import timezone
    from django.utils.translation import gettext as _

    if value and value > timezone.localdate():
        raise ValidationError(
            _("%(date)s ยังไม่ถึง — ระบุวันที่ที่ผ่านมาแล้วหรือวันนี้ (ปี พ.ศ. เช่น 26/10/2564)") % {"date": thai_date(value)},
            code="future",
        )


# ---------------------------------------------------------------- names: one normaliser

# Characters nobody sees (zero-width space and joiners, soft hyphen, BOM, direction marks,
# variation selectors): typed or pasted by accident, they must not make two names differ.
_INVISIBLE_MARKS = {"\u034f", "\u115f", "\u1160", "\u3164", "\uffa0"} | {chr(c) for c in range(0xFE00, 0xFE10)}
# SARA AM typed as NIKHAHIT + SARA AA (a common keyboard variant), a tone mark on either side.
_SARA_AM_VARIANT = re.compile("([\u0e48-\u0e4b]?)\u0e4d([\u0e48-\u0e4b]?)\u0e32")


def _visible(char: str) -> bool:
    category = unicodedata.category(char)
    if category == "Cf" or char in _INVISIBLE_MARKS:
        return False
    return category != "Cc" or char.isspace()


def keep_marks_with_words(value: str) -> str:
    """Thai text for a narrow box: ๆ and ฯ written after a space stay on the word they repeat or
    shorten (a no-break space), so a line never starts with one of them alone."""
    return re.sub(r" ([ๆฯ])", "\u00a0\\1", value)


def clean_text(value: str) -> str:
    """Text as it should be stored and compared: NFC, SARA AM in one form, no invisible
    characters, one plain space between words (no-break and other spaces included)."""
    value = unicodedata.normalize("NFC", "".join(c for c in value if _visible(c)))
    return " ".join(_SARA_AM_VARIANT.sub("\\1\\2\u0e33", value).split())


def same_digits(value: str) -> str:
    """Thai digits ๐–๙ as 0–9, so that หมู่ ๗ and หมู่ 7 compare equal."""
    return value.translate(_THAI_DIGITS)


# ---------------------------------------------------------------- titles

# One row per title: its spellings, spelled out first, then abbreviations. No spelling of a
# title decides order or duplicates; in a search every spelling of a row finds the others.
_CIVIL_AND_ACADEMIC = """
นาย | นาง | นางสาว น.ส. | เด็กชาย ด.ช. | เด็กหญิง ด.ญ. | คุณ | คุณหญิง | ท่านผู้หญิง ท.ผ.
ดร. ด็อกเตอร์ | ศาสตราจารย์ ศ. | ศาสตราจารย์พิเศษ ศ.พิเศษ | ศาสตราจารย์เกียรติคุณ ศ.เกียรติคุณ
รองศาสตราจารย์ รศ. | ผู้ช่วยศาสตราจารย์ ผศ. | อาจารย์
นายแพทย์ นพ. | แพทย์หญิง พญ. | ทันตแพทย์ ทพ. | ทันตแพทย์หญิง ทพญ. | เภสัชกร ภก. | เภสัชกรหญิง ภญ.
สัตวแพทย์ สพ. | สัตวแพทย์หญิง สพญ. สพ.ญ.
หม่อมเจ้า ม.จ. | หม่อมราชวงศ์ ม.ร.ว. | หม่อมหลวง ม.ล. | หม่อม
กำนัน | ผู้ใหญ่บ้าน | ว่าที่
"""
_MONASTIC = """
พระ | พระครู | พระมหา | พระอาจารย์ | พระอธิการ | เจ้าอธิการ | พระปลัด | พระครูปลัด | พระสมุห์
พระใบฎีกา | พระครูใบฎีกา | พระครูสังฆรักษ์ | พระครูวินัยธร | พระวินัยธร | พระครูธรรมธร | พระธรรมธร
พระภิกษุ | ภิกษุ | ภิกษุณี | หลวงพ่อ | หลวงปู่ | หลวงตา | หลวงพี่ | หลวงน้า | สามเณร ส.ณ. | สามเณรี | แม่ชี
"""
# Military and police ranks (army, navy, air force, police), each also with หญิง for women.
_RANKS = """
จอมพล | พลเอก พล.อ. | พลโท พล.ท. | พลตรี พล.ต. | พันเอกพิเศษ พ.อ.พิเศษ | พันเอก พ.อ. | พันโท พ.ท.
พันตรี พ.ต. | ร้อยเอก ร.อ. | ร้อยโท ร.ท. | ร้อยตรี ร.ต. | จ่าสิบเอก จ.ส.อ. | จ่าสิบโท จ.ส.ท. | จ่าสิบตรี
สิบเอก ส.อ. | สิบโท ส.ท. | สิบตรี ส.ต. | พลทหาร พลฯ
พลเรือเอก พล.ร.อ. | พลเรือโท พล.ร.ท. | พลเรือตรี พล.ร.ต. | นาวาเอก น.อ. | นาวาโท น.ท. | นาวาตรี น.ต.
เรือเอก | เรือโท | เรือตรี | พันจ่าเอก พ.จ.อ. | พันจ่าโท พ.จ.ท. | พันจ่าตรี พ.จ.ต. | จ่าเอก จ.อ. | จ่าโท จ.ท.
จ่าตรี จ.ต.
พลอากาศเอก พล.อ.อ. | พลอากาศโท พล.อ.ท. | พลอากาศตรี พล.อ.ต. | นาวาอากาศเอก | นาวาอากาศโท
นาวาอากาศตรี | เรืออากาศเอก | เรืออากาศโท | เรืออากาศตรี | พันจ่าอากาศเอก พ.อ.อ. | พันจ่าอากาศโท พ.อ.ท.
พันจ่าอากาศตรี พ.อ.ต. | จ่าอากาศเอก | จ่าอากาศโท | จ่าอากาศตรี
พลตำรวจเอก พล.ต.อ. | พลตำรวจโท พล.ต.ท. | พลตำรวจตรี พล.ต.ต. | พันตำรวจเอก พ.ต.อ. | พันตำรวจโท พ.ต.ท.
พันตำรวจตรี พ.ต.ต. | ร้อยตำรวจเอก ร.ต.อ. | ร้อยตำรวจโท ร.ต.ท. | ร้อยตำรวจตรี ร.ต.ต. | ดาบตำรวจ ด.ต.
จ่าสิบตำรวจ จ.ส.ต. | สิบตำรวจเอก ส.ต.อ. | สิบตำรวจโท ส.ต.ท. | สิบตำรวจตรี ส.ต.ต. | พลตำรวจ พลฯ
"""


def _title_rows(table: str) -> list[list[str]]:
    return [row.split() for row in table.replace("\n", " | ").split("|") if row.split()]


def _build_titles() -> dict[str, str]:
    """Every spelling of every title → the row's first spelling (its canonical form)."""
    rows = _title_rows(_CIVIL_AND_ACADEMIC) + _title_rows(_MONASTIC)
    for row in _title_rows(_RANKS):
        rows += [row, [f"{spelling}หญิง" for spelling in row]]
    canonical = {}
    for row in rows:
        for spelling in row:
            canonical.setdefault(spelling, row[0])
    return canonical


TITLES = _build_titles()
_TITLES_LONGEST_FIRST = sorted(TITLES, key=len, reverse=True)
# Thai letters that never begin a syllable (following vowels, vowels above and below, tone marks):
# a title followed by one of them was not a title but the start of a name (นางสาวิตรี is นาง สาวิตรี).
_NOT_A_START = set("ะัาำิีึืฺุูๅๆ็่้๊๋์ํ๎ฯ")


def split_titles(name: str) -> tuple[list[str], str]:
    """(the titles in canonical form, the name without them), matching whole titles, longest first:
    "ว่าที่ ร.ต. สมชาย ใจดี" → (["ว่าที่", "ร้อยตรี"], "สมชาย ใจดี"). A name that is only a title keeps it."""
    rest, titles = clean_text(name), []
    while True:
        title = next((t for t in _TITLES_LONGEST_FIRST if rest.startswith(t) and _title_ends(rest, len(t))), None)
        if title is None or not rest[len(title) :].strip():
            break
        titles.append(TITLES[title])
        rest = rest[len(title) :].lstrip()
    return titles, rest


def _title_ends(text: str, end: int) -> bool:
    return end < len(text) and text[end] not in _NOT_A_START


def strip_title(name: str) -> str:
    return split_titles(name)[1]


def normalise_name(name: str) -> str:
    """The key two spellings of one name share (duplicates, search): no titles, no spaces, one
    digit form, one SARA AM, no invisible characters, Latin letters case-folded."""
    return same_digits(strip_title(name)).replace(" ", "").casefold()


def title_key(name: str) -> str:
    """The name's titles in canonical form, each between bars ("|ว่าที่|ร้อยตรี|"), "" without one."""
    titles = dict.fromkeys(split_titles(name)[0])
    return "|" + "|".join(titles) + "|" if titles else ""


def search_terms(text: str) -> tuple[list[str], str]:
    """What a search box's text asks for: the canonical titles typed, and the name key of the rest."""
    titles, rest = split_titles(text)
    return titles, same_digits(rest).replace(" ", "").casefold()


# ---------------------------------------------------------------- dictionary order (ICU)

_collators = threading.local()


def _collator():
    """ICU's Thai collation (Royal Institute dictionary order), one per thread (ICU's are not shared)."""
    if not hasattr(_collators, "th"):
        import icu

        _collators.th = icu.Collator.createInstance(icu.Locale("th_TH"))
    return _collators.th


def thai_sort_key(name: str) -> str:
    """A key that orders names as ICU's Thai collation does, titles aside, under any database
    collation: ICU's sort key bytes written as lower-case hex, so that SQLite's binary order and
    PostgreSQL's (C, en_US or th_TH) order agree."""
    return _collator().getSortKey(same_digits(strip_title(name))).hex()
