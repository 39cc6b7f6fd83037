"""Cheap files stay cheap: an .xlsx that asks for millions of shared strings or cells is refused
with a Thai message within a bounded amount of work, and writes nothing."""

import io
import re
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from honorees import spreadsheets
from honorees.models import Honoree

pytestmark = pytest.mark.django_db
HEADERS = ["รหัสอำเภอ", "ชื่อ", "เครือข่าย", "เหตุผลการยกย่อง"]
MESSAGE = "ไฟล์ Excel นี้มีข้อมูลหรือเซลล์มากผิดปกติ"


def workbook_bytes(*rows) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def rewritten(data: bytes, member: str, change) -> bytes:
    source, buffer = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            content = source.read(info)
            target.writestr(info.filename, change(content) if info.filename == member else content)
    return buffer.getvalue()


def shared_strings_bomb(count=spreadsheets.MAX_SHARED_STRINGS + 1) -> bytes:
    """A shared-strings part listing millions of strings (openpyxl loads them all when it opens the file)."""
    data = workbook_bytes(HEADERS, ["8404", "นายทดสอบ", "education", "เหตุผล"])
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' + b"<si><t>x</t></si>" * count
    override = (
        b'<Override PartName="/xl/sharedStrings.xml" '
        b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
    )
    data = rewritten(data, "[Content_Types].xml", lambda xml: xml.replace(b"</Types>", override))
    return added(data, "xl/sharedStrings.xml", strings + b"</sst>")


def far_cell_bomb() -> bytes:
    """A sheet that claims A1:XFD1048576 with one real cell at the bottom: a reader fills in every
    row (and column) in between."""
    data = workbook_bytes(HEADERS, ["8404", "นายทดสอบ", "education", "เหตุผล"])
    far = b'<row r="1048576"><c r="A1048576" t="n"><v>1</v></c></row></sheetData>'

    def change(xml):
        xml = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml)
        return xml.replace(b"</sheetData>", far)

    return rewritten(data, "xl/worksheets/sheet1.xml", change)


def added(data: bytes, member: str, content: bytes) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(member, content)
    return buffer.getvalue()


@pytest.mark.parametrize("make", [shared_strings_bomb, far_cell_bomb])
def test_a_small_xlsx_asking_for_millions_of_strings_or_cells_is_refused_quickly(secretariat_client, make):
    content = make()
    assert len(content) < spreadsheets.MAX_BYTES
    started = time.monotonic()
    response = secretariat_client.post(
        reverse("admin:honorees_honoree_import"), {"file": SimpleUploadedFile("list.xlsx", content)}
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    assert not Honoree.objects.filter(name="นายทดสอบ").exists()
    assert elapsed < spreadsheets.MAX_READ_SECONDS + 5  # bounded by the limits, not by the file's claims


def test_a_real_xlsx_at_the_row_limit_is_still_read():
    rows = [["8404", f"นายทดสอบ ลำดับ{n}", "education", "เหตุผล"] for n in range(spreadsheets.MAX_ROWS)]
    upload = SimpleUploadedFile("list.xlsx", workbook_bytes(HEADERS, *rows))
    assert len(spreadsheets.read_upload(upload)) == spreadsheets.MAX_ROWS
