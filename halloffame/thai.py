"""Thai conventions in one place: Buddhist-Era dates, the fiscal year, Thai name order."""

import re
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

# Longest first, so that นางสาว is stripped whole and not as นาง + สาว.
TITLES = sorted(
    """
    นาย นาง นางสาว เด็กชาย เด็กหญิง ด.ช. ด.ญ. น.ส. ดร. ศ. รศ. ผศ. ศาสตราจารย์ รองศาสตราจารย์
    ผู้ช่วยศาสตราจารย์ พระ พระครู พระมหา พระอธิการ พระปลัด พระสมุห์ พระใบฎีกา พระราช พระเทพ
    แม่ชี สามเณร หม่อมราชวงศ์ ม.ร.ว. ว่าที่ร้อยตรี ว่าที่ ร.ต. ร้อยตรี ร้อยโท ร้อยเอก พันตรี พันโท
    พันเอก จ.ส.อ. ส.อ. ด.ต. ร.ต.อ. พ.ต.อ. กำนัน ผู้ใหญ่บ้าน
    """.split(),
    key=len,
    reverse=True,
)
_TITLE_RE = re.compile(r"^(?:(?:" + "|".join(re.escape(t) for t in TITLES) + r")\s*)+")
LEADING_VOWELS = "เแโใไ"
_LEADING_VOWEL_RE = re.compile(rf"([{LEADING_VOWELS}])([ก-ฮ])")
# Tone marks and other signs that only break ties in a Thai dictionary.
_TIE_BREAKERS = str.maketrans("", "", "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")


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


def strip_title(name: str) -> str:
    stripped = _TITLE_RE.sub("", name.strip())
    return stripped or name.strip()


def normalise_name(name: str) -> str:
    """A name for finding duplicates: no title, no spacing, lower case."""
    return re.sub(r"\s+", "", strip_title(name)).casefold()


def thai_sort_key(name: str) -> str:
    """A key that orders names as a Thai dictionary does, under any database collation.

    Titles are dropped, a leading vowel (เ แ โ ใ ไ) is read after the consonant it precedes,
    and tone marks only break ties. The result is written as fixed-width hex code points so
    that SQLite's binary order and PostgreSQL's locale order agree.
    """
    reordered = _LEADING_VOWEL_RE.sub(r"\2\1", strip_title(name).casefold())
    primary = reordered.translate(_TIE_BREAKERS)
    return "".join(f"{ord(c):05x}" for c in primary) + "-" + "".join(f"{ord(c):05x}" for c in reordered)
