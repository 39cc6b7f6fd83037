"""Export the filtered list to CSV/XLSX and import with a preview; bad files get a Thai message, never a 500."""

import csv
import io
import zipfile
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from honorees import spreadsheets
from honorees.models import Honoree
from tests.admin.conftest import messages_of
from tests.factories import make_honoree

pytestmark = pytest.mark.django_db

IMPORT = "admin:honorees_honoree_import"
CONFIRM = "admin:honorees_honoree_import_confirm"
HEADER = "รหัสอำเภอ,ชื่อ,เครือข่าย,เหตุผลการยกย่อง,วันที่ให้ความยินยอม,วิธีให้ความยินยอม,ยินยอมเผยแพร่ชื่อ,คุณธรรมหลัก\n"


def csv_file(text, name="honorees.csv"):
    return SimpleUploadedFile(name, ("\ufeff" + text).encode("utf-8"), content_type="text/csv")


def read_csv(response) -> list[list[str]]:
    content = response.content
    assert content.startswith("\ufeff".encode())  # Excel reads the Thai correctly
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_export_has_thai_headers_be_dates_and_staff_fields(secretariat_client, samui):
    make_honoree(district=samui, consent_given_on=date(2021, 10, 26), contact_phone="0811111111")
    response = secretariat_client.get(reverse("admin:honorees_honoree_export_csv"))
    assert response.status_code == 200
    assert "staff-only" in response["Content-Disposition"]
    rows = read_csv(response)
    header, row = rows[0], rows[1]
    assert header[:3] == ["รหัสอำเภอ", "อำเภอ", "ชื่อ"]
    assert "โทรศัพท์ (เจ้าหน้าที่เท่านั้น)" in header
    record = dict(zip(header, row, strict=True))
    assert record["วันที่ให้ความยินยอม"] == "26/10/2564"
    assert record["รหัสอำเภอ"] == "8404" and record["อำเภอ"] == "เกาะสมุย"
    assert record["โทรศัพท์ (เจ้าหน้าที่เท่านั้น)"] == "0811111111"


def test_public_table_never_carries_contact_details(samui):
    make_honoree(district=samui, contact_phone="0822222222", contact_email="a@example.org")
    headers, rows = spreadsheets.export_table(Honoree.objects.public(), staff=False)
    assert not any("เจ้าหน้าที่" in h for h in headers)
    assert "0822222222" not in str(rows) and "a@example.org" not in str(rows)


def test_export_follows_the_changelist_filters(secretariat_client, samui, phangan):
    make_honoree(district=samui, status="draft", meeting=None, name="นายร่าง หนึ่ง")
    make_honoree(district=phangan, status="nominated", meeting=None, name="นายเสนอ สอง")
    rows = read_csv(secretariat_client.get(reverse("admin:honorees_honoree_export_csv") + "?status__exact=nominated"))
    names = [r[2] for r in rows[1:]]
    assert names == ["นายเสนอ สอง"]
    response = secretariat_client.get(reverse("admin:honorees_honoree_export_csv") + "?q=ร่าง")
    assert [r[2] for r in read_csv(response)[1:]] == ["นายร่าง หนึ่ง"]


def test_officer_export_is_limited_to_own_districts(officer_client, samui, phangan):
    make_honoree(district=samui, status="draft", meeting=None, name="นายของ สมุย")
    make_honoree(district=phangan, status="draft", meeting=None, name="นายของ พะงัน")
    names = [r[2] for r in read_csv(officer_client.get(reverse("admin:honorees_honoree_export_csv")))[1:]]
    assert names == ["นายของ สมุย"]
    # A forged filter for another district finds nothing either.
    url = reverse("admin:honorees_honoree_export_xlsx") + f"?district__id__exact={phangan.pk}"
    sheet = load_workbook(io.BytesIO(officer_client.get(url).content)).active
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] in ([], ["8404"])


def test_xlsx_export_has_thai_headers_and_text_cells(secretariat_client, samui):
    make_honoree(district=samui, name="=HYPERLINK(1)", consent_given_on=date(2024, 1, 5))
    response = secretariat_client.get(reverse("admin:honorees_honoree_export_xlsx"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [c.value for c in sheet[1]]
    record = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert record["ชื่อ"] == "'=HYPERLINK(1)"  # never a live formula
    assert record["วันที่ให้ความยินยอม"] == "05/01/2567"


def test_export_import_round_trip(secretariat_client, samui, phangan):
    make_honoree(district=samui, status="draft", meeting=None, name="นางต้นฉบับ หนึ่ง", consent_given_on=date(2021, 10, 26))
    make_honoree(district=phangan, status="draft", meeting=None, name="นายต้นฉบับ สอง", is_living=False)
    exported = read_csv(secretariat_client.get(reverse("admin:honorees_honoree_export_csv")))
    header = exported[0]
    name_at = header.index("ชื่อ")
    for row in exported[1:]:
        row[name_at] = row[name_at].replace("ต้นฉบับ", "สำเนา")
    buffer = io.StringIO()
    csv.writer(buffer).writerows(exported)
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(buffer.getvalue())})
    assert response.status_code == 200
    assert response.context["problem_count"] == 0
    assert Honoree.objects.filter(name__contains="สำเนา").count() == 0  # preview writes nothing
    secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    copy = Honoree.objects.get(name="นางสำเนา หนึ่ง")
    original = Honoree.objects.get(name="นางต้นฉบับ หนึ่ง")
    assert copy.status == Honoree.Status.DRAFT
    assert copy.district == original.district and copy.network == original.network
    assert copy.consent_given_on == date(2021, 10, 26) and copy.contact_phone == original.contact_phone
    assert set(copy.virtues.all()) == set(original.virtues.all())
    assert Honoree.objects.get(name="นายสำเนา สอง").is_living is False


def test_import_xlsx_with_be_and_iso_dates(secretariat_client):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["รหัสอำเภอ", "ชื่อ", "เครือข่าย", "เหตุผลการยกย่อง", "วันที่ให้ความยินยอม", "วิธีให้ความยินยอม"])
    sheet.append([8404, "นายเอ็กเซล หนึ่ง", "education", "สอนหนังสือ", "26/10/2564", "written"])
    sheet.append(["8405", "นายเอ็กเซล สอง", "เครือข่ายศาสนา", "ดูแลวัด", "2021-10-27", "หนังสือยินยอมลงลายมือชื่อ"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("list.xlsx", buffer.getvalue())
    response = secretariat_client.post(reverse(IMPORT), {"file": upload})
    assert response.context["problem_count"] == 0, [r.problems for r in response.context["checked"]]
    secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    assert Honoree.objects.get(name="นายเอ็กเซล หนึ่ง").consent_given_on == date(2021, 10, 26)
    assert Honoree.objects.get(name="นายเอ็กเซล สอง").consent_given_on == date(2021, 10, 27)


def test_preview_lists_every_rows_problems_and_writes_nothing(secretariat_client, samui):
    make_honoree(district=samui, name="นายมีแล้ว ในระบบ")
    text = HEADER + (
        "9999,นายไม่รู้ อำเภอ,education,เหตุผล,,,,\n"
        "8404,,education,เหตุผล,,,,\n"
        "8404,นายวันที่ ผิด,education,เหตุผล,31/02/2564,written,ใช่,\n"
        "8404,นายซ้ำ ในไฟล์,education,เหตุผล,,,,\n"
        "8404,นายซ้ำ  ในไฟล์,education,เหตุผล,,,,\n"
        "8404,มีแล้ว ในระบบ,education,เหตุผล,,,,\n"
        "8404,นายเครือข่าย ผิด,nowhere,เหตุผล,,,,\n"
        "8404,นายถูกต้อง ทุกอย่าง,education,เหตุผล,26/10/2564,written,ใช่,จิตอาสา\n"
    )
    before = Honoree.objects.count()
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(text)})
    assert response.status_code == 200
    problems = {row.line: " ".join(row.problems) for row in response.context["checked"]}
    assert "ไม่รู้จักรหัสอำเภอ 9999" in problems[2]
    assert "ไม่มีชื่อ" in problems[3]
    assert "ไม่ใช่วันที่" in problems[4]
    assert "ชื่อซ้ำกับแถวที่ 5" in problems[6]
    assert "นายมีแล้ว ในระบบ" in problems[7]
    assert "ไม่รู้จักเครือข่าย" in problems[8]
    assert problems[9] == ""
    page = response.content.decode()
    assert "ไม่รู้จักรหัสอำเภอ 9999" in page and "ยืนยันนำเข้า" not in page
    # Confirming anyway (a forged POST) writes nothing either.
    response = secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    assert response.status_code == 400
    assert Honoree.objects.count() == before


def test_confirm_checks_again_and_writes_nothing_when_a_duplicate_appeared(secretariat_client, samui):
    text = HEADER + "8404,นายมาใหม่ หนึ่ง,education,เหตุผล,,,,\n8404,นายมาใหม่ สอง,education,เหตุผล,,,,\n"
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(text)})
    assert response.context["problem_count"] == 0
    make_honoree(district=samui, name="นายมาใหม่ สอง")  # someone typed it in meanwhile
    before = Honoree.objects.count()
    response = secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"]}, follow=True)
    assert response.status_code == 400
    assert Honoree.objects.count() == before and not Honoree.objects.filter(name="นายมาใหม่ หนึ่ง").exists()


def test_confirm_without_a_checked_file_writes_nothing(secretariat_client):
    response = secretariat_client.post(reverse(CONFIRM), {"token": "forged"}, follow=True)
    assert any("อัปโหลดใหม่" in m for m in messages_of(response))
    assert secretariat_client.get(reverse(CONFIRM)).status_code == 405


def test_officer_import_refuses_another_districts_rows(officer_client):
    text = HEADER + "8405,นายต่าง อำเภอ,education,เหตุผล,,,,\n"
    response = officer_client.post(reverse(IMPORT), {"file": csv_file(text)})
    assert "ไม่ใช่อำเภอที่คุณรับผิดชอบ" in " ".join(response.context["checked"][0].problems)
    officer_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    assert not Honoree.objects.filter(name="นายต่าง อำเภอ").exists()


def broken_xlsx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<not really>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("list.pdf", b"%PDF-1.4", "รองรับเฉพาะไฟล์ .csv และ .xlsx"),
        ("list.xlsx", b"this is not a zip", "ไฟล์ Excel เสียหาย"),
        ("list.xlsx", broken_xlsx(), "ไฟล์ Excel เสียหาย"),
        ("list.csv", b"\x00\x01\x02\xff\xfe\x00binary", "ไม่ใช่"),
        ("list.csv", "ชื่อเล่น,อะไรก็ได้\nก,ข\n".encode(), "ไม่พบคอลัมน์"),
        ("list.csv", HEADER.encode(), "ไม่มีข้อมูล"),
        ("list.csv", b"", "ไฟล์"),
        ("list.csv", (HEADER + "8404,ก,education,ข,,,,\n" * 2001).encode(), "เกิน 2,000 แถว"),
        ("list.csv", b"x" * 2_000_001, "ใหญ่เกินไป"),
    ],
)
def test_bad_files_get_a_thai_message_and_write_nothing(secretariat_client, name, content, message):
    before = Honoree.objects.count()
    response = secretariat_client.post(reverse(IMPORT), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Honoree.objects.count() == before


def test_thai_windows_csv_is_read(secretariat_client):
    text = HEADER + "8404,นายทีไอเอส หกสองศูนย์,education,เหตุผล,,,,\n"
    upload = SimpleUploadedFile("legacy.csv", text.encode("cp874"))
    response = secretariat_client.post(reverse(IMPORT), {"file": upload})
    assert response.context["checked"][0].raw["name"] == "นายทีไอเอส หกสองศูนย์"


def test_parse_date_accepts_be_and_iso_and_refuses_the_rest():
    assert spreadsheets.parse_date("26/10/2564") == date(2021, 10, 26)
    assert spreadsheets.parse_date("2021-10-26") == date(2021, 10, 26)
    assert spreadsheets.parse_date("") is None
    for bad in ("26/10/2021", "31/02/2564", "yesterday", "2564"):
        with pytest.raises(ValueError):
            spreadsheets.parse_date(bad)


def test_a_row_the_model_refuses_is_a_preview_problem_not_a_500(secretariat_client):
    # 312 characters: a valid address to validate_email, too long for the model's field (254).
    long_email = "a" * 300 + "@example.org"
    text = HEADER.rstrip("\n") + ",อีเมล (เจ้าหน้าที่เท่านั้น)\n" + f"8404,นายอีเมล ยาวมาก,education,เหตุผล,,,,,{long_email}\n"
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(text)})
    assert response.context["problem_count"] == 1
    response = secretariat_client.post(reverse(CONFIRM), {"token": response.context["token"]})
    assert response.status_code == 400
    assert not Honoree.objects.filter(name="นายอีเมล ยาวมาก").exists()


def test_the_models_consent_rules_are_preview_problems(secretariat_client):
    header = HEADER.rstrip("\n") + ",อายุต่ำกว่า 20 ปี\n"
    text = header + "8404,เด็กหญิงผู้เยาว์ ไม่มีผู้ปกครอง,education,เหตุผล,26/10/2564,written,ใช่,,ใช่\n"
    response = secretariat_client.post(reverse(IMPORT), {"file": csv_file(text)})
    assert "ผู้เยาว์ต้องมีความยินยอมของผู้ปกครอง" in " ".join(response.context["checked"][0].problems)
