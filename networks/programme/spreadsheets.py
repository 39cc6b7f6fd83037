"""Assessment results from the Moral Center's spreadsheets: read with the honorees' reader
(honorees/spreadsheets.py: CSV or XLSX, the same limits), checked row by row for a preview,
written all or nothing by services.assessments_import()."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from honorees.spreadsheets import SpreadsheetError, read_table
from networks.programme.models import FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR, Level, ModelOrganisation

__all__ = ["SpreadsheetError", "COLUMNS", "read_upload", "check_rows"]

# key -> the Thai header of the Moral Center's sheet (English keys are accepted as headers too).
COLUMNS = {
    "slug": "ชื่อในลิงก์",
    "name": "ชื่อองค์กร",
    "district_code": "รหัสอำเภอ",
    "fiscal_year": "ปีงบประมาณ",
    "level": "ระดับ",
    "notes": "หมายเหตุ",
}
REQUIRED = ("fiscal_year", "level")
HEADER_KEYS = {header: key for key, header in COLUMNS.items()} | {key: key for key in COLUMNS}
LEVELS = {str(label): value for value, label in Level.choices} | {str(value): value for value in Level.values}


def read_upload(uploaded) -> list[dict]:
    """The rows of the file as dicts keyed by column key, each with its `line`."""
    table = read_table(uploaded)
    if not table:
        raise SpreadsheetError(_("ไฟล์ว่างเปล่า"))
    header, *body = table
    keys = [HEADER_KEYS.get(h.strip()) for h in header]
    missing = [COLUMNS[key] for key in REQUIRED if key not in keys]
    if "slug" not in keys and "name" not in keys:
        missing.append(f"{COLUMNS['slug']} / {COLUMNS['name']}")
    if missing:
        raise SpreadsheetError(_("ไม่พบคอลัมน์ %(missing)s ในแถวแรก") % {"missing": ", ".join(missing)})
    if not body:
        raise SpreadsheetError(_("ไฟล์มีแต่หัวตาราง ไม่มีข้อมูล"))
    rows = []
    for line, values in enumerate(body, start=2):
        row = {"line": line}
        for key, value in zip(keys, values, strict=False):
            if key and key not in row:
                row[key] = value[:1000]
        rows.append(row)
    return rows


@dataclass
class CheckedRow:
    line: int
    raw: dict
    values: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def check_rows(rows: list[dict]) -> list[CheckedRow]:
    """Every row with its problems in Thai: an unknown organisation, a level that does not exist,
    a year in C.E. or out of range, the same organisation and year twice."""
    organisations = list(ModelOrganisation.objects.select_related("district"))
    by_slug = {o.slug: o for o in organisations}
    by_name: dict[str, list] = {}
    for o in organisations:
        by_name.setdefault(_squash(o.name), []).append(o)
    seen: dict[tuple, int] = {}
    checked = []
    for raw in rows:
        row = CheckedRow(line=raw.get("line", 0), raw=raw)
        problems = row.problems

        def get(key, raw=raw):
            return _squash(raw.get(key) or "")

        organisation = None
        if get("slug"):
            organisation = by_slug.get(get("slug"))
            if organisation is None:
                problems.append(_("ไม่พบองค์กรที่มีชื่อในลิงก์ “%(slug)s”") % {"slug": get("slug")})
        elif get("name"):
            found = by_name.get(get("name"), [])
            if get("district_code"):
                found = [o for o in found if o.district.code == get("district_code")]
            if len(found) == 1:
                organisation = found[0]
            elif not found:
                problems.append(_("ไม่พบองค์กรชื่อ “%(name)s” ในระบบ") % {"name": get("name")})
            else:
                problems.append(_("มีองค์กรชื่อ “%(name)s” หลายแห่ง โปรดระบุรหัสอำเภอหรือชื่อในลิงก์") % {"name": get("name")})
        else:
            problems.append(_("ไม่มีชื่อองค์กร"))
        year_text = get("fiscal_year").removeprefix("พ.ศ.").strip()
        year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
        if year is None:
            problems.append(_("ปีงบประมาณ “%(year)s” ไม่ใช่ปี พ.ศ. 4 หลัก เช่น 2568") % {"year": get("fiscal_year")})
        elif 1900 <= year < 2400:
            problems.append(
                _("ปีงบประมาณ %(year)s เป็นปี ค.ศ. โปรดใช้ปี พ.ศ. เช่น %(be)s") % {"year": year, "be": year + 543}
            )
            year = None
        elif not FIRST_FISCAL_YEAR <= year <= LAST_FISCAL_YEAR:
            problems.append(
                _("ปีงบประมาณต้องอยู่ระหว่าง %(first)s ถึง %(last)s") % {"first": FIRST_FISCAL_YEAR, "last": LAST_FISCAL_YEAR}
            )
            year = None
        level = LEVELS.get(get("level"))
        if level is None:
            problems.append(
                _("ไม่มีระดับ “%(level)s” (ใช้ %(levels)s)")
                % {"level": get("level"), "levels": ", ".join(str(label) for label in Level.labels)}
            )
        if len(get("notes")) > 300:
            problems.append(_("หมายเหตุยาวเกิน 300 ตัวอักษร"))
        if organisation and year:
            key = (organisation.pk, year)
            if key in seen:
                problems.append(_("ซ้ำกับแถวที่ %(line)s (องค์กรและปีเดียวกัน)") % {"line": seen[key]})
            seen.setdefault(key, row.line)
        row.values = {"organisation": organisation, "fiscal_year": year, "level": level, "notes": get("notes")}
        checked.append(row)
    return checked
