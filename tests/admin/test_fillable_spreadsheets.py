"""Spreadsheets people can fill in: the import template, export column widths, and importing only
the good rows when the secretariat explicitly chooses it."""

import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from honorees import spreadsheets
from honorees.models import Honoree
from tests.admin.conftest import messages_of
from tests.admin.test_spreadsheets import CONFIRM, HEADER, IMPORT, csv_file
from tests.factories import make_honoree

pytestmark = pytest.mark.django_db

TEMPLATE = "admin:honorees_honoree_import_template"
MIXED = HEADER + (
    "8404,นายถูก หนึ่ง,education,เหตุผล,26/10/2564,written,ใช่,\n"
    "9999,นายผิด อำเภอ,education,เหตุผล,,,,\n"
    "8404,นายถูก สอง,education,เหตุผล,26/10/2564,written,ใช่,\n"
)


def _validations(sheet) -> dict[str, str]:
    """Column header -> the list or rule its drop-down or check uses."""
    headers = {cell.column_letter: cell.value for cell in sheet[1]}
    found = {}
    for check in sheet.data_validations.dataValidation:
        for cell_range in check.sqref.ranges:
            letter = cell_range.coord.split(":")[0].rstrip("0123456789")
            found[headers[letter]] = f"{check.type}:{check.formula1}"
    return found


def test_import_page_offers_the_template(officer_client):
    page = officer_client.get(reverse(IMPORT)).content.decode()
    assert reverse(TEMPLATE) in page


def test_template_has_thai_headers_an_example_row_drop_downs_and_be_date_cells(officer_client):
    response = officer_client.get(reverse(TEMPLATE))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook["รายชื่อ"]
    headers = [cell.value for cell in sheet[1]]
    assert headers == [c.header for c in spreadsheets.COLUMNS if c.importable]
    example = dict(zip(headers, [cell.value for cell in sheet[2]], strict=True))
    assert example["รหัสอำเภอ"] == "8404" and example["ชื่อ"] == "นางสาวตัวอย่าง ใจดี"
    assert all(cell.value is None for cell in sheet[3]) and sheet.freeze_panes == "A2"  # one example row
    checks = _validations(sheet)
    lists = workbook["ตัวเลือก"]
    assert lists.sheet_state == "hidden"

    def listed(header):
        kind, formula = checks[header].split(":", 1)
        assert kind == "list"
        column = formula.split("!")[1].split(":")[0].replace("$", "").rstrip("0123456789")
        return [c.value for c in lists[column][1:] if c.value]

    assert listed("รหัสอำเภอ") == [f"84{n:02d}" for n in range(1, 20)]
    assert "เครือข่ายภาคการศึกษา" in listed("เครือข่าย") and len(listed("เครือข่าย")) == 8
    assert listed("ประเภท") == ["บุคคล", "องค์กร", "กลุ่ม", "ชุมชน"]
    for header in ("ยังมีชีวิตอยู่", "อายุต่ำกว่า 20 ปี", "ยินยอมเผยแพร่ชื่อ", "ยินยอมเผยแพร่รูปภาพ", "ยินยอมเผยแพร่เรื่องราว"):
        assert listed(header) == ["ใช่", "ไม่ใช่"]
    assert "หนังสือยินยอมลงลายมือชื่อ" in listed("วิธีให้ความยินยอม")
    assert checks["วันที่ให้ความยินยอม"].startswith("date:")
    date_column = headers.index("วันที่ให้ความยินยอม") + 1
    consent_cell = sheet.cell(row=2, column=date_column)
    assert consent_cell.value.date() == date(2025, 10, 1)
    assert consent_cell.number_format == spreadsheets.BE_DATE_FORMAT  # Excel shows 01/10/2568
    assert sheet.cell(row=50, column=date_column).number_format == spreadsheets.BE_DATE_FORMAT


def test_the_filled_in_template_imports(secretariat_client, officer_client):
    content = officer_client.get(reverse(TEMPLATE)).content
    upload = csv_file("")  # replaced below with the template itself
    upload.name, upload.file = "แบบฟอร์ม.xlsx", io.BytesIO(content)
    upload.size = len(content)
    response = officer_client.post(reverse(IMPORT), {"file": upload})
    assert response.status_code == 200
    assert response.context["problem_count"] == 0, [r.problems for r in response.context["checked"]]
    officer_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    honoree = Honoree.objects.get(name="นางสาวตัวอย่าง ใจดี")
    assert honoree.consent_given_on == date(2025, 10, 1) and honoree.district.code == "8404"
    assert {v.name_th for v in honoree.virtues.all()} == {"จิตอาสา", "พอเพียง"}


def test_xlsx_export_columns_fit_their_content_with_a_frozen_header(secretariat_client, samui):
    make_honoree(district=samui, name="นายชื่อยาว มากมายหลายพยางค์ยิ่งกว่าชื่อทั่วไปในระบบ", citation="ส" * 40)
    workbook = load_workbook(io.BytesIO(secretariat_client.get(reverse("admin:honorees_honoree_export_xlsx")).content))
    sheet = workbook.active
    assert sheet.freeze_panes == "A2"
    widths = {cell.value: sheet.column_dimensions[cell.column_letter].width for cell in sheet[1]}
    assert widths["รหัสอำเภอ"] < widths["ชื่อ"] <= spreadsheets.MAX_WIDTH
    assert widths["เหตุผลการยกย่อง"] == 42
    assert widths["ยังมีชีวิตอยู่"] >= spreadsheets.MIN_WIDTH


def test_thai_marks_above_and_below_take_no_width():
    assert spreadsheets._width("ที่นี่") == 2  # ท น, with their vowels and tone marks
    assert spreadsheets._width("abc\nabcdef") == 6


def test_a_file_with_errors_stays_all_or_nothing_by_default(secretariat_client):
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(MIXED)})
    assert response.context["problem_count"] == 1 and response.context["good_count"] == 2
    page = response.content.decode()
    assert 'name="good_rows_only"' in page and "นำเข้าเฉพาะ 2 แถวที่ถูกต้อง" in page
    response = secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    assert response.status_code == 400
    assert not Honoree.objects.exists()


def test_secretariat_may_choose_to_import_only_the_good_rows(secretariat_client):
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(MIXED)})
    response = secretariat_client.post(
        reverse(CONFIRM), {"token": response.context["token"], "good_rows_only": "1"}, follow=True
    )
    assert response.status_code == 200
    assert sorted(Honoree.objects.values_list("name", flat=True)) == ["นายถูก สอง", "นายถูก หนึ่ง"]
    assert set(Honoree.objects.values_list("status", flat=True)) == {"draft"}
    assert any("ไม่ได้นำเข้า 1 แถวที่มีปัญหา" in m for m in messages_of(response))


def test_officer_is_not_offered_and_cannot_force_a_partial_import(officer_client):
    response = officer_client.post(reverse(IMPORT), {"file": csv_file(MIXED)})
    assert 'name="good_rows_only"' not in response.content.decode()
    response = officer_client.post(reverse(CONFIRM), {"token": response.context["token"], "good_rows_only": "1"})
    assert response.status_code == 400
    assert not Honoree.objects.exists()


def test_a_file_with_no_good_row_imports_nothing_even_when_chosen(secretariat_client):
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(HEADER + "9999,นายผิด,education,เหตุผล,,,,\n")})
    assert 'name="good_rows_only"' not in response.content.decode()
    response = secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"], "good_rows_only": "1"})
    assert response.status_code == 400
    assert not Honoree.objects.exists()
