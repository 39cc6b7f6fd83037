"""Honoree spreadsheets for staff: export to CSV/XLSX with Thai headers and B.E. dates, and
read + check an import file row by row before anything is written.

The staff export carries staff-only contact details: it is for staff only and never offered to
the public (a public export must call `export_table(..., staff=False)`).
"""

import csv
import io
import re
import time
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from halloffame import thai
from honorees.models import Honoree
from networks.models import District, Network, Virtue

MAX_BYTES = 2_000_000
MAX_ROWS = 2_000
MAX_CELL = 10_000
# A 2 MB .xlsx can unpack to gigabytes (a "zip bomb"); refuse before openpyxl reads it.
MAX_UNPACKED_BYTES = 60_000_000
# A small .xlsx can also ask for millions of shared strings or cells (each cheap to store, costly
# to read): bound the strings before openpyxl loads them, and the cells and seconds while reading.
MAX_SHARED_STRINGS = 200_000
MAX_COLUMNS = 100
MAX_CELLS = 2 * (MAX_ROWS + 1) * MAX_COLUMNS  # room for blank rows and padding
MAX_READ_SECONDS = 10
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


class SpreadsheetError(Exception):
    """The file as a whole cannot be read; the message says why, in Thai."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


# ---------------------------------------------------------------- export


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
            return thai.be_numeric_date(honoree.meeting.date) if honoree.meeting else ""
        case "consent_method":
            return str(honoree.get_consent_method_display()) if honoree.consent_method else ""
    if key in DATE_KEYS:
        return thai.be_numeric_date(getattr(honoree, key))
    if key in BOOL_KEYS:
        return _yes_no(getattr(honoree, key))
    return getattr(honoree, key) or ""


def formula_safe(value: str) -> str:
    """Spreadsheet programs run a cell that starts with = + - @ as a formula: keep it text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_table(queryset, *, staff: bool) -> tuple[list[str], list[list[str]]]:
    columns = [c for c in COLUMNS if staff or not c.staff_only]
    rows = [
        [formula_safe(str(_cell(h, c.key))) for c in columns]
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
    _fit_columns(sheet, [headers, *rows])
    sheet.freeze_panes = "A2"
    if staff:
        workbook.properties.title = "ข้อมูลสำหรับเจ้าหน้าที่เท่านั้น มีข้อมูลส่วนบุคคล ห้ามเผยแพร่"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _width(text: str) -> float:
    """About how many character widths a cell's longest line takes; Thai vowel and tone marks
    above or below a letter take no width of their own."""
    lines = str(text).splitlines() or [""]
    return max(
        sum(0 if "\u0e31" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e" else 1 for ch in line) for line in lines
    )


MIN_WIDTH, MAX_WIDTH = 8, 60


def _fit_columns(sheet, table) -> None:
    """Each column as wide as its longest cell (header included), within sensible bounds."""
    for index in range(len(table[0]) if table else 0):
        longest = max((_width(row[index]) for row in table if index < len(row)), default=0)
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(longest + 2, MIN_WIDTH), MAX_WIDTH)


# The example row of the import template: a real-looking person, with consent recorded.
TEMPLATE_EXAMPLE = {
    "district_code": "8404",
    "name": "นางสาวตัวอย่าง ใจดี",
    "name_en": "Ms. Example Jaidee",
    "kind": "บุคคล",
    "network": "เครือข่ายภาคการศึกษา",
    "citation": "สอนหนังสือเด็กในชุมชนโดยไม่รับค่าตอบแทนมากว่า 10 ปี",
    "story": "ลบแถวนี้ก่อนนำเข้า หรือแก้เป็นข้อมูลจริง",
    "virtues": "จิตอาสา, พอเพียง",
    "is_living": YES,
    "is_minor": NO,
    "consent_given_on": date(2025, 10, 1),
    "consent_method": "หนังสือยินยอมลงลายมือชื่อ",
    "consent_covers_name": YES,
    "consent_covers_photo": YES,
    "consent_covers_story": YES,
}
# Excel's Thai Buddhist calendar: a date cell that shows 01/10/2568 and holds the real date.
BE_DATE_FORMAT = "[$-107041E]dd/mm/yyyy"


def import_template_xlsx() -> bytes:
    """An .xlsx staff can fill in: the import's Thai headers, one example row, drop-down lists for
    the district, network, kind, consent method and yes/no columns, and B.E. date cells."""
    columns = [c for c in COLUMNS if c.importable]
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "รายชื่อ"
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    example = [TEMPLATE_EXAMPLE.get(c.key, "") for c in columns]
    sheet.append(example)
    sheet.freeze_panes = "A2"

    lists = workbook.create_sheet("ตัวเลือก")
    choices = {
        "district_code": [d.code for d in District.objects.order_by("code")],
        "network": [n.name_th for n in Network.objects.order_by("order")],
        "kind": [str(label) for _value, label in Honoree.Kind.choices],
        "consent_method": [str(label) for _value, label in Honoree.ConsentMethod.choices],
        "yes_no": [YES, NO],
    }
    ranges = {}
    for index, (key, values) in enumerate(choices.items(), start=1):
        letter = get_column_letter(index)
        lists.cell(row=1, column=index, value=key)
        for row, value in enumerate(values, start=2):
            lists.cell(row=row, column=index, value=value).data_type = "s"
        ranges[key] = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(values) + 1}"
    district_names = {d.code: d.name_th for d in District.objects.all()}
    for row, code in enumerate(choices["district_code"], start=2):
        lists.cell(row=row, column=len(choices) + 1, value=district_names[code])  # beside each code, its name
    lists.sheet_state = "hidden"

    last_row = MAX_ROWS + 1
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        area = f"{letter}2:{letter}{last_row}"
        key = "yes_no" if column.key in BOOL_KEYS else column.key
        if key in ranges:
            check = DataValidation(type="list", formula1=ranges[key], allow_blank=True, showErrorMessage=True)
            check.errorTitle = _("ค่าที่ใช้ไม่ได้")
            check.error = _("เลือกจากรายการในช่องนี้")
            check.promptTitle = column.header
            check.prompt = _("เลือกจากรายการ")
            sheet.add_data_validation(check)
            check.add(area)
        if column.key in DATE_KEYS:
            check = DataValidation(type="date", operator="lessThanOrEqual", formula1="TODAY()", allow_blank=True)
            check.errorTitle = _("วันที่ไม่ถูกต้อง")
            check.error = _("ใส่วันที่ เช่น 26/10/2564 และไม่เลยวันนี้")
            sheet.add_data_validation(check)
            check.add(area)
            for (cell,) in sheet.iter_rows(min_row=2, max_row=last_row, min_col=index, max_col=index):
                cell.number_format = BE_DATE_FORMAT
    widths = [[c.header for c in columns], [str(v) if not isinstance(v, date) else "01/10/2568" for v in example]]
    _fit_columns(sheet, widths)
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
        text = text[1:]  # undo formula_safe() of our own export
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
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise SpreadsheetError(_("ไฟล์ Excel นี้ใหญ่เกินไปเมื่อขยาย — แบ่งเป็นหลายไฟล์แล้วลองใหม่"))
            _check_shared_strings(archive)
    except (zipfile.BadZipFile, ET.ParseError) as error:
        raise SpreadsheetError(_("ไฟล์ Excel เสียหายหรือไม่ใช่ .xlsx — เปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่")) from error
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            cells = _bounded_work(sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS))
            rows = [[_text(cell) for cell in row] for row in _limited(cells)]
        finally:
            workbook.close()
    except SpreadsheetError:
        raise
    except Exception as error:  # openpyxl raises many kinds on a broken file; all mean the same to staff
        raise SpreadsheetError(_("ไฟล์ Excel เสียหายหรือไม่ใช่ .xlsx — เปิดใน Excel แล้วบันทึกเป็น .xlsx ใหม่")) from error
    return rows


def _check_shared_strings(archive: zipfile.ZipFile) -> None:
    """Count the shared strings as they stream by, stopping at the limit: openpyxl would load all."""
    name = next((n for n in archive.namelist() if n.lower().endswith("sharedstrings.xml")), None)
    if name is None:
        return
    count = 0
    with archive.open(name) as stream:
        for _event, element in ET.iterparse(stream):
            if element.tag == "si" or element.tag.endswith("}si"):
                count += 1
                element.clear()
                if count > MAX_SHARED_STRINGS:
                    raise SpreadsheetError(_too_much_work())


def _bounded_work(rows):
    """Rows, refused once they hold more cells (blank ones too) or take longer than a real list would."""
    cells, deadline = 0, time.monotonic() + MAX_READ_SECONDS
    for row in rows:
        cells += max(len(row), 1)
        if cells > MAX_CELLS or time.monotonic() > deadline:
            raise SpreadsheetError(_too_much_work())
        yield row


def _too_much_work() -> str:
    return _("ไฟล์ Excel นี้มีข้อมูลหรือเซลล์มากผิดปกติ — คัดลอกเฉพาะตารางรายชื่อไปไฟล์ใหม่ แล้วนำเข้าอีกครั้ง")


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
    form: "ImportRowForm"
    problems: list = field(default_factory=list)

    @property
    def honoree(self) -> Honoree:
        """The unsaved draft the row makes (once it has no problems)."""
        return self.form.instance

    @property
    def virtues(self) -> list:
        return self.form.cleaned_data.get("virtues", [])


def parse_date(text: str) -> date | None:
    """A typed B.E. date, or ISO as a spreadsheet's date cell gives it (thai.parse_be_date)."""
    return thai.parse_be_date(text)


class _LookupField(forms.Field):
    """A cell read through a table of accepted spellings (case-insensitive), e.g. a network's
    Thai name, English name or slug."""

    def __init__(self, table: dict, *, empty=None, **kwargs):
        self.table, self.empty = table, empty
        super().__init__(**kwargs)

    def to_python(self, value):
        text = (value or "").strip()
        if not text:
            return self.empty
        if text.casefold() not in self.table:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": text}
            )
        return self.table[text.casefold()]


class _DateCell(forms.Field):
    def to_python(self, value):
        try:
            return parse_date(value or "")
        except thai.BEDateError as error:
            raise forms.ValidationError(
                "%(col)s: %(message)s", params={"col": self.label, "message": error.message}, code="invalid"
            ) from error


class _YesNoCell(forms.Field):
    def __init__(self, *, default: bool, **kwargs):
        self.default = default
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        text = (value or "").strip().casefold()
        if not text:
            return self.default
        if text in {"ใช่", "มี", "yes", "y", "true", "1", "✓", "x"}:
            return True
        if text in {"ไม่ใช่", "ไม่", "ไม่มี", "no", "n", "false", "0", "-"}:
            return False
        raise forms.ValidationError(
            _("%(col)s “%(value)s” ต้องเป็น ใช่ หรือ ไม่ใช่"), params={"col": self.label, "value": value}
        )


class _VirtuesCell(_LookupField):
    def to_python(self, value):
        return [super(_VirtuesCell, self).to_python(v) for v in re.split(r"[,،;]", value or "") if v.strip()]


def _spellings(objects, *attributes) -> dict:
    return {str(getattr(o, a)).casefold(): o for o in objects for a in attributes}


class ImportRowForm(forms.ModelForm):
    """One spreadsheet row, checked by the model itself: its fields, their limits and choices, and
    its clean() (consent, honorees/consent.py). The cells are read here from the spellings staff
    use (district codes, Thai labels, ใช่/ไม่ใช่, B.E. dates)."""

    class Meta:
        model = Honoree
        fields = [c.key for c in COLUMNS if c.importable and c.key != "district_code"] + ["district"]
        error_messages = {
            "name": {"required": gettext_lazy("ไม่มีชื่อ")},
            "citation": {"required": gettext_lazy("ไม่มีเหตุผลการยกย่อง")},
        }

    def __init__(self, data, *, lookups):
        super().__init__({**data, "district": data.get("district_code", "")})
        self.fields["district"] = _LookupField(
            lookups["districts"], required=True,
            error_messages={
                "required": _("ไม่มีรหัสอำเภอ"), "invalid_choice": _("ไม่รู้จักรหัสอำเภอ %(value)s (ใช้ 8401–8419)")
            },
        )  # fmt: skip
        self.fields["network"] = _LookupField(
            lookups["networks"], required=True,
            error_messages={"required": _("ไม่มีเครือข่าย"), "invalid_choice": _("ไม่รู้จักเครือข่าย “%(value)s”")},
        )  # fmt: skip
        self.fields["kind"] = _LookupField(
            lookups["kinds"], empty=Honoree.Kind.PERSON, required=False,
            error_messages={"invalid_choice": _("ไม่รู้จักประเภท “%(value)s” (บุคคล องค์กร กลุ่ม ชุมชน)")},
        )  # fmt: skip
        self.fields["consent_method"] = _LookupField(
            lookups["methods"], empty="", required=False,
            error_messages={"invalid_choice": _("ไม่รู้จักวิธีให้ความยินยอม “%(value)s”")},
        )  # fmt: skip
        self.fields["virtues"] = _VirtuesCell(
            lookups["virtues"], required=False, error_messages={"invalid_choice": _("ไม่รู้จักคุณธรรม “%(value)s”")}
        )
        for key in DATE_KEYS:
            self.fields[key] = _DateCell(required=False, label=_header(key))
        for key in BOOL_KEYS:
            self.fields[key] = _YesNoCell(default=(key == "is_living"), label=_header(key))

    def problems(self) -> list[str]:
        """Every error in Thai, each naming its column."""
        found = []
        for name, errors in self.errors.items():
            header = _header("district_code" if name == "district" else name) if name != "__all__" else ""
            found += [message if not header or header in message else f"{header}: {message}" for message in errors]
        return found


def row_lookups() -> dict:
    """The accepted spellings of every lookup column, read once per file."""
    return {
        "districts": _spellings(District.objects.all(), "code"),
        "networks": _spellings(Network.objects.all(), "slug", "name_th", "name_en", "order"),
        "virtues": _spellings(Virtue.objects.all(), "slug", "name_th", "name_en"),
        "kinds": {str(label).casefold(): value for value, label in Honoree.Kind.choices}
        | {value: value for value in Honoree.Kind.values},
        "methods": {str(label).casefold(): value for value, label in Honoree.ConsentMethod.choices}
        | {value: value for value in Honoree.ConsentMethod.values},
    }


def check_rows(rows: list[dict], *, allowed_district_ids: set[int] | None = None) -> list[CheckedRow]:
    """Every row with its problems (in Thai), checked by the model through ImportRowForm, plus what
    only an import can get wrong: cells too long, another officer's district, the same name twice
    in the file or already in the database. `allowed_district_ids` None means every district."""
    lookups = row_lookups()
    seen_names: dict[str, int] = {}
    name_keys = {thai.normalise_name(r["name"]) for r in rows if (r.get("name") or "").strip()}
    existing_by_key = {h.name_key: h for h in Honoree.objects.filter(name_key__in=name_keys).select_related("district")}
    checked = []
    for raw in rows:
        cells = {key: value.strip() if isinstance(value, str) else value for key, value in raw.items()}
        form = ImportRowForm(cells, lookups=lookups)
        row = CheckedRow(line=raw.get("line", 0), raw=raw, form=form)
        row.problems += [
            _("ข้อความในคอลัมน์ %(col)s ยาวเกินไป") % {"col": key}
            for key, value in raw.items()
            if isinstance(value, str) and len(value) > MAX_CELL
        ]
        row.problems += form.problems() if not form.is_valid() else []
        district = form.cleaned_data.get("district")
        if district and allowed_district_ids is not None and district.pk not in allowed_district_ids:
            row.problems.append(_("อำเภอ%(district)s ไม่ใช่อำเภอที่คุณรับผิดชอบ") % {"district": district.name_th})
        if name := cells.get("name"):
            key = thai.normalise_name(name)
            if key in seen_names:
                row.problems.append(_("ชื่อซ้ำกับแถวที่ %(line)s ในไฟล์นี้") % {"line": seen_names[key]})
            else:
                seen_names[key] = row.line
                existing = existing_by_key.get(key)
                if existing and allowed_district_ids is not None and existing.district_id not in allowed_district_ids:
                    row.problems.append(_("ชื่อซ้ำกับผู้ได้รับการยกย่องในอำเภออื่นที่มีอยู่แล้วในระบบ"))  # no details of it
                elif existing:
                    row.problems.append(
                        _("ชื่อซ้ำกับ %(name)s (อำเภอ%(district)s, %(status)s) ที่มีอยู่แล้วในระบบ")
                        % {
                            "name": existing.name,
                            "district": existing.district.name_th,
                            "status": existing.get_status_display(),
                        }
                    )
        checked.append(row)
    return checked


def _header(key: str) -> str:
    return next(c.header for c in COLUMNS if c.key == key)
