"""The secretariat's coverage report for one fiscal year: the tables of /statistics/ plus who holds
each district's place at each meeting, on screen and as an XLSX workbook (Thai headers, B.E. dates)."""

import io
from dataclasses import dataclass

from django.db.models import Max
from django.utils import timezone

from halloffame import thai
from halloffame.opendata import statistics
from honorees.spreadsheets import formula_safe
from meetings.models import Meeting


@dataclass
class Report:
    fiscal_year: int
    coverage: statistics.Coverage
    meetings: list
    rows: list[dict]  # per district: its honorees at each meeting

    @property
    def title(self) -> str:
        return f"รายงานความครอบคลุมการยกย่องเชิดชูคนดี ปีงบประมาณ {self.fiscal_year}"


def default_fiscal_year() -> int:
    latest = Meeting.objects.published().aggregate(fy=Max("fiscal_year"))["fy"]
    return latest or thai.fiscal_year(timezone.localdate())


def report_build(*, fiscal_year: int) -> Report:
    data = statistics.coverage(fiscal_year=fiscal_year)
    meetings, holders = statistics.meeting_grid(fiscal_year)
    rows = [
        {
            "district": district,
            "cells": [holders.get((district.pk, meeting.pk), []) for meeting in meetings],
            "total": sum(len(holders.get((district.pk, meeting.pk), [])) for meeting in meetings),
        }
        for district in data.districts
    ]
    return Report(fiscal_year=fiscal_year, coverage=data, meetings=meetings, rows=rows)


def meeting_heading(meeting) -> str:
    return f"{thai.meeting_number(meeting.number, meeting.fiscal_year)} ({thai.be_numeric_date(meeting.date)})"


def report_xlsx(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    data = report.coverage
    made = f"จัดทำเมื่อ {thai.thai_date(timezone.localdate())} (นับเฉพาะผู้ได้รับการยกย่องที่เผยแพร่แล้ว)"
    sheets = [
        (
            "ทำเนียบรายครั้ง",
            ["รหัสอำเภอ", "อำเภอ", *[meeting_heading(m) for m in report.meetings], "รวม"],
            [
                [
                    row["district"].code,
                    row["district"].name_th,
                    *[", ".join(h.name for h in c) for c in row["cells"]],
                    row["total"],
                ]
                for row in report.rows
            ],
        ),
        (
            "อำเภอ×ปีงบประมาณ",
            ["รหัสอำเภอ", "อำเภอ", *[f"ปีงบประมาณ {fy}" for fy in data.fiscal_years], "รวม"],
            [
                [r["district"].code, r["district"].name_th, *[c["count"] for c in r["cells"]], r["total"]]
                for r in data.heat
            ],
        ),
        ("เครือข่าย", ["เครือข่าย", "จำนวน (ราย)"], [[n.name_th, count] for n, count in data.by_network]),
        ("ประเภท", ["ประเภท", "จำนวน (ราย)"], [[str(label), count] for _v, label, count in data.by_kind]),
        ("คุณธรรมหลัก", ["คุณธรรม", "จำนวน (ราย)"], [[v.name_th, count] for v, count in data.by_virtue]),
        (
            "ยังไม่ได้รับการยกย่อง",
            ["รหัสอำเภอ", "อำเภอที่ยังไม่มีผู้ได้รับการยกย่อง"],
            [[d.code, d.name_th] for d in data.districts_without],
        ),
    ]
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title)
        sheet.append([report.title])
        sheet.append([made])
        sheet.append(headers)
        for cell in sheet[1] + sheet[3]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([formula_safe(value) if isinstance(value, str) else value for value in row])
        sheet.freeze_panes = "C4" if title in ("ทำเนียบรายครั้ง", "อำเภอ×ปีงบประมาณ") else "A4"
        sheet.column_dimensions["B"].width = 22
    workbook.properties.title = report.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
