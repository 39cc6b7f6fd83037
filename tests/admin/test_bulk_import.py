"""A 2,000-row import writes in one short transaction of bulk inserts (history and virtues included),
so other staff are not locked out while it runs; each draft's share card is drawn on its next save."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from honorees import spreadsheets
from honorees.models import Honoree

pytestmark = pytest.mark.django_db
HEADER = "รหัสอำเภอ,ชื่อ,ชื่อภาษาอังกฤษ,เครือข่าย,เหตุผลการยกย่อง,คุณธรรมหลัก\n"


def upload_rows(client, count):
    lines = [f"8404,นายทดสอบ นำเข้า{n},Same Name,education,ช่วยเหลือชุมชน,พอเพียง" for n in range(count)]
    data = ("\ufeff" + HEADER + "\n".join(lines) + "\n").encode()
    response = client.post(reverse("admin:honorees_honoree_import"), {"file": SimpleUploadedFile("list.csv", data)})
    assert response.context["problem_count"] == 0, [r.problems for r in response.context["checked"]][:3]
    return response.context["token"]


def test_two_thousand_rows_are_written_by_a_handful_of_bulk_inserts(secretariat_client):
    token = upload_rows(secretariat_client, spreadsheets.MAX_ROWS)
    with CaptureQueriesContext(connection) as queries:
        response = secretariat_client.post(reverse("admin:honorees_honoree_import_confirm"), {"token": token})
    assert response.status_code == 302
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].lstrip().upper().startswith("INSERT")]
    # Rows, history and virtues in batches (SQLite's bound-parameter limit makes its batches smaller).
    assert len(inserts) <= spreadsheets.MAX_ROWS // 10, len(inserts)
    imported = Honoree.objects.filter(name__startswith="นายทดสอบ นำเข้า")
    assert imported.count() == spreadsheets.MAX_ROWS
    assert imported.values("slug").distinct().count() == spreadsheets.MAX_ROWS  # "Same Name" each time
    first = imported.get(name="นายทดสอบ นำเข้า0")
    assert first.history.count() == 1 and first.history.get().history_user.username == "secretariat1"
    assert [v.slug for v in first.virtues.all()] == ["sufficiency"]
    assert first.sort_key and first.name_key and first.status == Honoree.Status.DRAFT


def test_an_imported_draft_gets_its_share_card_when_it_is_nominated(secretariat_client):
    token = upload_rows(secretariat_client, 1)
    secretariat_client.post(reverse("admin:honorees_honoree_import_confirm"), {"token": token})
    honoree = Honoree.objects.get(name="นายทดสอบ นำเข้า0")
    assert honoree.share_card == ""
    # Nominating a living person needs consent on record (a plain UPDATE: no save, no card yet).
    Honoree.objects.filter(pk=honoree.pk).update(
        consent_given_on=date(2024, 1, 1), consent_method="written", consent_covers_name=True
    )
    secretariat_client.post(reverse("admin:honorees_honoree_step", args=[honoree.pk, "nominate"]))
    honoree.refresh_from_db()
    assert honoree.status == Honoree.Status.NOMINATED
    assert honoree.share_card.startswith("honorees/share/")
