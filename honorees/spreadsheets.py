"""Honoree spreadsheets for staff: export to CSV/XLSX with Thai headers and B.E. dates, and
read + check an import file row by row before anything is written.

The staff export carries staff-only contact details: it is for staff only and never offered to
the public (a public export must call `export_table(..., staff=False)`).
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from halloffame import thai
from honorees.models import Honoree
from networks.models import District, Network, Virtue

MAX_BYTES = 2_000_000
MAX_ROWS = 2_000
MAX_CELL = 10_000
# A 2 MB .xlsx can unpack to gigabytes (a "zip bomb"); refuse before openpyxl reads it.
MAX_UNPACKED_BYTES = 60_000_000
CSV_BOM = "\ufeff"
YES, NO = "ใช่", "ไม่ใช่"


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    importable: bool = True
    staff_only: bool = False


COLUMNS = [
    Column("district_code", "รหัสอำเภอ"),
    Column("district", "อำเภอ", importable=False),
    Column("name", "ชื่อ"),
    Column("name_en", "ชื่อภาษาอังกฤษ"),
    Column("kind", "ประเภท"),
    Column("network", "เครือข่าย"),
    Column("citation", "เหตุผลการยกย่อง"),
    Column("story", "เรื่องราว"),
    Column("virtues", "คุณธรรมหลัก"),
    Column("status", "สถานะ", importable=False),
    Column("meeting", "การประชุม", importable=False),
    Column("meeting_date", "วันที่ประชุม", importable=False),
    Column("is_living", "ยังมีชีวิตอยู่"),
    Column("is_minor", "อายุต่ำกว่า 20 ปี"),
    Column("consent_given_on", "วันที่ให้ความยินยอม"),
    Column("consent_method", "วิธีให้ความยินยอม"),
    Column("consent_covers_name", "ยินยอมเผยแพร่ชื่อ"),
    Column("consent_covers_photo", "ยินยอมเผยแพร่รูปภาพ"),
    Column("consent_covers_story", "ยินยอมเผยแพร่เรื่องราว"),
    Column("guardian_name", "ชื่อผู้ปกครองที่ให้ความยินยอม"),
    Column("guardian_consent_on", "วันที่ผู้ปกครองให้ความยินยอม"),
    Column("contact_phone", "โทรศัพท์ (เจ้าหน้าที่เท่านั้น)", staff_only=True),
    Column("contact_email", "อีเมล (เจ้าหน้าที่เท่านั้น)", staff_only=True),
    Column("contact_address", "ที่อยู่ (เจ้าหน้าที่เท่านั้น)", staff_only=True),
    Column("staff_notes", "บันทึกของเจ้าหน้าที่ (เจ้าหน้าที่เท่านั้น)", staff_only=True),
]
HEADER_KEYS = {c.header: c.key for c in COLUMNS if c.importable} | {c.key: c.key for c in COLUMNS if c.importable}
DATE_KEYS = ("consent_given_on", "guardian_consent_on")
BOOL_KEYS = ("is_living", "is_minor", "consent_covers_name", "consent_covers_photo", "consent_covers_story")
TEXT_LIMITS = {"name": 200, "name_en": 200, "citation": 300, "guardian_name": 200, "contact_phone": 50}


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; the message says why, in Thai."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------- export


def be_numeric_date(value) -> str:
    """26/10/2564"""
    if not value:
        return ""
    value = thai.to_date(value)
    return f"{value.day:02d}/{value.month:02d}/{thai.be_year(value)}"


def _yes_no(value: bool) -> str:
    return YES if value else NO


def _cell(honoree: Honoree, key: str) -> str:
    match key:
        case "district_code":
            return honoree.district.code
        case "district":
            return honoree.district.name_th
        case "kind":
            return str(honoree.get_kind_display())
        case "network":
            return honoree.network.name_th
        case "virtues":
            return ", ".join(v.name_th for v in honoree.virtues.all())
        case "status":
            return str(honoree.get_status_display())
        case "meeting":
            return honoree.meeting.fiscal_number if honoree.meeting else ""
        case "meeting_date":
            return be_numeric_date(honoree.meeting.date) if honoree.meeting else ""
        case "consent_method":
            return str(honoree.get_consent_method_display()) if honoree.consent_method else ""
    if key in DATE_KEYS:
        return be_numeric_date(getattr(honoree, key))
    if key in BOOL_KEYS:
        return _yes_no(getattr(honoree, key))
    return getattr(honoree, key) or ""


def _safe(value: str) -> str:
    """Spreadsheet programs run a cell that starts with = + - @ as a formula: keep it text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_table(queryset, *, staff: bool) -> tuple[list[str], list[list[str]]]:
    columns = [c for c in COLUMNS if staff or not c.staff_only]
    rows = [
        [_safe(str(_cell(h, c.key))) for c in columns]
        for h in queryset.select_related("district", "network", "meeting").prefetch_related("virtues")
    ]
    return [c.header for c in columns], rows


def export_csv(queryset, *, staff: bool) -> bytes:
    headers, rows = export_table(queryset, staff=staff)
    buffer = io.StringIO()
    buffer.write(CSV_BOM)  # so that Excel opens the file as UTF-8 and shows Thai
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def export_xlsx(queryset, *, staff: bool) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    headers, rows = export_table(queryset, staff=staff)
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "เจ้าหน้าที่เท่านั้น" if staff else "ผู้ได้รับการยกย่อง"
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.data_type = "s"  # never a formula, whatever the text
    sheet.freeze_panes = "A2"
    if staff:
        workbook.properties.title = "ข้อมูลสำหรับเจ้าหน้าที่เท่านั้น มีข้อมูลส่วนบุคคล ห้ามเผยแพร่"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- reading a file


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return thai.to_date(value).isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        text = text[1:]  # undo _safe() of our own export
    return text


def _read_csv(raw: bytes) -> list[list[str]]:
    for encoding in ("utf-8-sig", "cp874"):  # cp874: Thai Windows, what older Excel saves
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SpreadsheetError(
            _("อ่านไฟล์ CSV ไม่ได้: ไม่ใช่ข้อความ UTF-8 หรือภาษาไทย (TIS-620) — บันทึกเป็น CSV UTF-8 แล้วลองใหม่")
        )
    if "\x00" in text:
        raise SpreadsheetError(_("ไฟล์นี้ไม่ใช่ CSV (มีข้อมูลไบนารี) — เลือกไฟล์ .csv หรือ .xlsx"))
    first_line = text.split("\n", 1)[0]
    delimiter = (
        "\t"
        if "\t" in first_line and "," not in first_line
        else ";"
        if first_line.count(";") > first_line.count(",")
        else ","
    )
    try:
        return [[_text(cell) for cell in row] for row in _limited(csv.reader(io.StringIO(text), delimiter=delimiter))]
    except csv.Error as error:
        raise SpreadsheetError(_("อ่านไฟล์ CSV ไม่ได้: %(why)s") % {"why": error}) from error


def _read_xlsx(raw: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise SpreadsheetError(_("ไฟล์ Excel นี้ใหญ่เกินไปเมื่อขยาย — แบ่งเป็นหลายไฟล์แล้วลองใหม่"))
    except zipfile.BadZipFile as error:
        raise SpreadsheetError(_("ไฟล์ Excel เสียหายหรือไม่ใช่ .xlsx — เปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่")) from error
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = [[_text(cell) for cell in row] for row in _limited(sheet.iter_rows(values_only=True))]
        finally:
            workbook.close()
    except SpreadsheetError:
        raise
    except Exception as error:  # openpyxl raises many kinds on a broken file; all mean the same to staff
        raise SpreadsheetError(_("ไฟล์ Excel เสียหายหรือไม่ใช่ .xlsx — เปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่")) from error
    return rows


def _limited(rows):
    """Rows, stopping with a message past the limit (blank rows do not count)."""
    count = 0
    for row in rows:
        if any(cell not in (None, "") for cell in row):
            count += 1
            if count > MAX_ROWS + 1:
                raise SpreadsheetError(
                    _("ไฟล์มีเกิน %(max)s แถว — แบ่งเป็นหลายไฟล์แล้วนำเข้าทีละไฟล์") % {"max": f"{MAX_ROWS:,}"}
                )
            yield row


def read_table(uploaded) -> list[list[str]]:
    """The non-blank rows of an uploaded CSV or XLSX as text cells, within the size and row limits."""
    name = (getattr(uploaded, "name", "") or "").lower()
    if uploaded.size > MAX_BYTES:
        raise SpreadsheetError(
            _("ไฟล์ใหญ่เกินไป (%(size)s MB) นำเข้าได้ไม่เกิน %(max)s MB ต่อครั้ง")
            % {"size": f"{uploaded.size / 1_000_000:.1f}", "max": MAX_BYTES // 1_000_000}
        )
    raw = uploaded.read(MAX_BYTES + 1)
    if name.endswith(".csv"):
        table = _read_csv(raw)
    elif name.endswith(".xlsx"):
        table = _read_xlsx(raw)
    else:
        raise SpreadsheetError(_("รองรับเฉพาะไฟล์ .csv และ .xlsx (ไฟล์ .xls รุ่นเก่า ให้บันทึกเป็น .xlsx ก่อน)"))
    return [row for row in table if any(row)]


def read_upload(uploaded) -> list[dict]:
    """The rows of an uploaded CSV or XLSX as dicts keyed by column key, each with its `line`."""
    table = read_table(uploaded)
    if not table:
        raise SpreadsheetError(_("ไฟล์ว่างเปล่า"))
    header, *body = table
    keys = [HEADER_KEYS.get(h.strip()) for h in header]
    missing = [c.header for c in COLUMNS if c.key in ("district_code", "name") and c.key not in keys]
    if missing:
        raise SpreadsheetError(
            _("ไม่พบคอลัมน์ %(missing)s ในแถวแรก — ใช้หัวตารางเดียวกับไฟล์ที่ส่งออกจากระบบ") % {"missing": ", ".join(missing)}
        )
    if not body:
        raise SpreadsheetError(_("ไฟล์มีแต่หัวตาราง ไม่มีข้อมูล"))
    rows = []
    for index, values in enumerate(body, start=2):
        row = {"line": index}
        for key, value in zip(keys, values, strict=False):
            if key and key not in row:
                row[key] = value
        rows.append(row)
    return rows


# ---------------------------------------------------------------- checking rows


@dataclass
class CheckedRow:
    line: int
    raw: dict
    values: dict = field(default_factory=dict)
    virtues: list = field(default_factory=list)
    problems: list = field(default_factory=list)


_BE_DATE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_date(text: str) -> date | None:
    """26/10/2564 (B.E., day first) or 2021-10-26 (ISO, Gregorian). Raises ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    if match := _BE_DATE.match(text):
        day, month, year = (int(g) for g in match.groups())
        if year < 2400:
            raise ValueError(text)
        return date(year - thai.BE_OFFSET, month, day)
    if match := _ISO_DATE.match(text):
        year, month, day = (int(g) for g in match.groups())
        if year > 2400:  # an ISO-looking B.E. date
            year -= thai.BE_OFFSET
        return date(year, month, day)
    raise ValueError(text)


def _parse_bool(text: str, default: bool) -> bool:
    value = text.strip().casefold()
    if not value:
        return default
    if value in {"ใช่", "มี", "yes", "y", "true", "1", "✓", "x"}:
        return True
    if value in {"ไม่ใช่", "ไม่", "ไม่มี", "no", "n", "false", "0", "-"}:
        return False
    raise ValueError(text)


class _Lookups:
    def __init__(self):
        self.districts = {d.code: d for d in District.objects.all()}
        self.networks = {}
        for n in Network.objects.all():
            for key in (n.slug, n.name_th, n.name_en, str(n.order)):
                self.networks[key.casefold()] = n
        self.virtues = {}
        for v in Virtue.objects.all():
            for key in (v.slug, v.name_th, v.name_en):
                self.virtues[key.casefold()] = v
        self.kinds = {str(label).casefold(): value for value, label in Honoree.Kind.choices} | {
            value: value for value in Honoree.Kind.values
        }
        self.methods = {str(label).casefold(): value for value, label in Honoree.ConsentMethod.choices} | {
            value: value for value in Honoree.ConsentMethod.values
        }


def check_rows(rows: list[dict], *, allowed_district_ids: set[int] | None = None) -> list[CheckedRow]:
    """Every row with its problems (in Thai). `allowed_district_ids` None means every district."""
    lookups = _Lookups()
    checked = []
    seen_names: dict[str, int] = {}
    name_keys = {thai.normalise_name(r["name"]) for r in rows if (r.get("name") or "").strip()}
    existing_by_key = {h.name_key: h for h in Honoree.objects.filter(name_key__in=name_keys).select_related("district")}
    for raw in rows:
        row = CheckedRow(line=raw.get("line", 0), raw=raw)
        problems = row.problems

        def get(key, raw=raw):
            return (raw.get(key) or "").strip()

        for key, value in raw.items():
            if isinstance(value, str) and len(value) > MAX_CELL:
                problems.append(_("ข้อความในคอลัมน์ %(col)s ยาวเกินไป") % {"col": key})
        code = get("district_code")
        district = lookups.districts.get(code)
        if not code:
            problems.append(_("ไม่มีรหัสอำเภอ"))
        elif not district:
            problems.append(_("ไม่รู้จักรหัสอำเภอ %(code)s (ใช้ 8401–8419)") % {"code": code})
        elif allowed_district_ids is not None and district.pk not in allowed_district_ids:
            problems.append(_("อำเภอ%(district)s ไม่ใช่อำเภอที่คุณรับผิดชอบ") % {"district": district.name_th})
        name = get("name")
        if not name:
            problems.append(_("ไม่มีชื่อ"))
        network_text = get("network")
        network = lookups.networks.get(network_text.casefold())
        if not network_text:
            problems.append(_("ไม่มีเครือข่าย"))
        elif not network:
            problems.append(_("ไม่รู้จักเครือข่าย “%(network)s”") % {"network": network_text})
        if not get("citation"):
            problems.append(_("ไม่มีเหตุผลการยกย่อง"))
        for key, limit in TEXT_LIMITS.items():
            if len(get(key)) > limit:
                problems.append(_("%(col)s ยาวเกิน %(limit)s ตัวอักษร") % {"col": _header(key), "limit": limit})
        kind_text = get("kind")
        kind = lookups.kinds.get(kind_text.casefold(), None) if kind_text else Honoree.Kind.PERSON
        if kind is None:
            problems.append(_("ไม่รู้จักประเภท “%(kind)s” (บุคคล องค์กร กลุ่ม ชุมชน)") % {"kind": kind_text})
        method_text = get("consent_method")
        method = lookups.methods.get(method_text.casefold(), None) if method_text else ""
        if method is None:
            problems.append(_("ไม่รู้จักวิธีให้ความยินยอม “%(method)s”") % {"method": method_text})
        values = {
            "district": district,
            "network": network,
            "kind": kind or Honoree.Kind.PERSON,
            "name": name,
            "name_en": get("name_en"),
            "citation": get("citation"),
            "story": get("story"),
            "consent_method": method or "",
            "guardian_name": get("guardian_name"),
            "contact_phone": get("contact_phone"),
            "contact_email": get("contact_email"),
            "contact_address": get("contact_address"),
            "staff_notes": get("staff_notes"),
        }
        for key in DATE_KEYS:
            try:
                values[key] = parse_date(get(key))
            except ValueError:
                problems.append(
                    _("%(col)s “%(value)s” ไม่ใช่วันที่ (ใช้ วว/ดด/ปปปป พ.ศ. เช่น 26/10/2564 หรือ 2021-10-26)")
                    % {"col": _header(key), "value": get(key)}
                )
        for key in BOOL_KEYS:
            try:
                values[key] = _parse_bool(get(key), default=(key == "is_living"))
            except ValueError:
                problems.append(_("%(col)s “%(value)s” ต้องเป็น ใช่ หรือ ไม่ใช่") % {"col": _header(key), "value": get(key)})
        if values["contact_email"]:
            try:
                validate_email(values["contact_email"])
            except ValidationError:
                problems.append(_("อีเมล “%(email)s” ไม่ถูกต้อง") % {"email": values["contact_email"]})
        covers = any(values.get(k) for k in ("consent_covers_name", "consent_covers_photo", "consent_covers_story"))
        if covers and not (values.get("consent_given_on") and values["consent_method"]):
            problems.append(_("ระบุความยินยอมแล้วแต่ไม่มีวันที่หรือวิธีให้ความยินยอม"))
        if values.get("is_minor") and values.get("consent_given_on"):
            if not (values["guardian_name"] and values.get("guardian_consent_on")):
                problems.append(_("ผู้เยาว์ต้องมีชื่อผู้ปกครองและวันที่ผู้ปกครองให้ความยินยอม"))
        for virtue_text in filter(None, (v.strip() for v in re.split(r"[,،;]", get("virtues")))):
            virtue = lookups.virtues.get(virtue_text.casefold())
            if virtue:
                row.virtues.append(virtue)
            else:
                problems.append(_("ไม่รู้จักคุณธรรม “%(virtue)s”") % {"virtue": virtue_text})
        if name:
            key = thai.normalise_name(name)
            if key in seen_names:
                problems.append(_("ชื่อซ้ำกับแถวที่ %(line)s ในไฟล์นี้") % {"line": seen_names[key]})
            else:
                seen_names[key] = row.line
                existing = existing_by_key.get(key)
                if existing:
                    problems.append(
                        _("ชื่อซ้ำกับ %(name)s (อำเภอ%(district)s, %(status)s) ที่มีอยู่แล้วในระบบ")
                        % {
                            "name": existing.name,
                            "district": existing.district.name_th,
                            "status": existing.get_status_display(),
                        }
                    )
        if not problems:
            # The model's own rules (lengths, formats, consent) have the last word, so that a row
            # the preview passes can always be saved.
            try:
                Honoree(status=Honoree.Status.DRAFT, **values).full_clean(exclude=["slug", "photo"])
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    label = Honoree._meta.get_field(field).verbose_name if field != "__all__" else ""
                    problems.extend(f"{label}: {message}" if label else message for message in messages)
        row.values = values
        checked.append(row)
    return checked


def _header(key: str) -> str:
    return next(c.header for c in COLUMNS if c.key == key)
