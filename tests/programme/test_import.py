"""The Moral Center's spreadsheet of assessment results: preview first, then all or nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from networks.programme import services, spreadsheets
from networks.programme.models import Assessment, Level
from tests.programme.factories import make_organisation

pytestmark = pytest.mark.django_db
HEADER = ["ชื่อในลิงก์", "ชื่อองค์กร", "รหัสอำเภอ", "ปีงบประมาณ", "ระดับ", "หมายเหตุ"]


def xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("results.xlsx", buffer.getvalue())


def test_preview_names_every_problem_and_saves_nothing(secretariat_client):
    organisation = make_organisation()
    upload = xlsx(
        [
            [organisation.slug, "", "", "2568", "คุณธรรมต้นแบบ", ""],
            [organisation.slug, "", "", "2025", "คุณธรรม", ""],
            [organisation.slug, "", "", "2567", "ระดับเพชร", ""],
            ["", "ไม่มีองค์กรนี้", "8404", "2568", "คุณธรรม", ""],
        ]
    )
    response = secretariat_client.post("/admin/programme/assessment/import/", {"file": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert "เป็นปี ค.ศ." in page and "ไม่มีระดับ “ระดับเพชร”" in page and "ไม่พบองค์กรชื่อ" in page
    assert "ยืนยันนำเข้า" not in page
    assert not Assessment.objects.exists()


def test_a_clean_file_is_saved_after_confirmation(secretariat_client, secretariat_user):
    organisation = make_organisation(name="ชุมชนบ้านนำเข้า")
    upload = xlsx(
        [
            ["", "ชุมชนบ้านนำเข้า", "8404", "2567", "คุณธรรม", ""],
            ["", "ชุมชนบ้านนำเข้า", "8404", "2568", "คุณธรรมต้นแบบ", "ผ่านการประเมินรอบสอง"],
        ]
    )
    response = secretariat_client.post("/admin/programme/assessment/import/", {"file": upload})
    assert "ยืนยันนำเข้า" in response.content.decode()
    assert not Assessment.objects.exists()
    token = response.context["token"]
    response = secretariat_client.post("/admin/programme/assessment/import/confirm/", {"token": token})
    assert response.status_code == 302
    levels = dict(organisation.assessments.values_list("fiscal_year", "level"))
    assert levels == {2567: Level.MORAL, 2568: Level.MODEL}
    assert organisation.assessments.get(fiscal_year=2568).recorded_by == secretariat_user


def test_nothing_is_saved_when_a_row_went_bad_after_the_preview(secretariat_user):
    first = make_organisation()
    second = make_organisation()
    rows = [
        {"line": 2, "slug": first.slug, "fiscal_year": "2568", "level": "คุณธรรม"},
        {"line": 3, "slug": second.slug, "fiscal_year": "2568", "level": "คุณธรรม"},
    ]
    second.delete()  # between the preview and the confirmation
    with pytest.raises(services.WorkflowError) as error:
        services.assessments_import(rows=rows, by=secretariat_user)
    assert "ยังไม่ได้นำเข้ารายการใดเลย" in error.value.message
    assert not Assessment.objects.exists()


def test_officers_cannot_import(officer):
    with pytest.raises(services.WorkflowError):
        services.assessments_import(rows=[], by=officer)


def test_a_file_that_is_not_a_spreadsheet_is_a_clear_400(secretariat_client):
    upload = SimpleUploadedFile("results.pdf", b"%PDF-1.4")
    response = secretariat_client.post("/admin/programme/assessment/import/", {"file": upload})
    assert response.status_code == 400
    assert "รองรับเฉพาะไฟล์ .csv และ .xlsx" in response.content.decode()


def test_csv_without_the_year_column_is_refused():
    upload = SimpleUploadedFile("r.csv", "ชื่อองค์กร,ระดับ\nก,คุณธรรม\n".encode())
    with pytest.raises(spreadsheets.SpreadsheetError) as error:
        spreadsheets.read_upload(upload)
    assert "ปีงบประมาณ" in error.value.message
