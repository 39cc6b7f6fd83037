"""What each role has to do next: the admin's landing page (StaffAdminSite.index).

Every line carries the address of the filtered list or page it summarises. Each dashboard costs a
fixed number of queries, however many honorees, meetings or requests there are.
"""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from halloffame import thai
from halloffame.staff import permissions
from honorees.models import PRIVACY_ANSWER_DAYS, Honoree, PrivacyRequest
from honorees.suggestions.scope import suggestions_per_district
from meetings.models import Meeting
from networks.models import District

S = Honoree.Status
LIST_LIMIT = 10  # names listed under a line; the line's link opens the whole filtered list


def honoree_list_url(**filters) -> str:
    """The admin's honoree list with its own filters (the same parameters its sidebar writes)."""
    url = reverse("admin:honorees_honoree_changelist")
    return f"{url}?{urlencode(filters)}" if filters else url


def _change_url(honoree) -> str:
    return reverse("admin:honorees_honoree_change", args=[honoree.pk])


def _board_url(meeting) -> str:
    return reverse("admin:meetings_meeting_board", args=[meeting.pk])


def days_phrase(days: int) -> str:
    """อีก 5 วัน / วันนี้เป็นวันสุดท้าย / เลยกำหนดมาแล้ว 3 วัน"""
    if days > 0:
        return _("อีก %(days)s วัน") % {"days": days}
    if days == 0:
        return _("วันนี้เป็นวันสุดท้าย")
    return _("เลยกำหนดมาแล้ว %(days)s วัน") % {"days": -days}


@dataclass
class NextMeeting:
    meeting: Meeting
    url: str
    filled: int = 0
    deadline_days: int | None = None

    @property
    def deadline_phrase(self) -> str:
        return "" if self.deadline_days is None else days_phrase(self.deadline_days)

    @property
    def deadline_passed(self) -> bool:
        return self.deadline_days is not None and self.deadline_days < 0


@dataclass
class Line:
    """One line of a dashboard: a label, a number or text, where it leads, and how urgent it is."""

    label: str
    url: str
    count: int | None = None
    note: str = ""
    urgent: bool = False


@dataclass
class Dashboard:
    role: str
    today: date
    next_meeting: NextMeeting | None = None
    sections: dict[str, list[Line]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)
    fiscal_year: int = 0

    @property
    def template(self) -> str:
        return f"admin/dashboard/{self.role}.html"


def _next_meeting(today: date) -> NextMeeting | None:
    meeting = Meeting.objects.upcoming(today).first()
    if meeting is None:
        return None
    days = (meeting.nomination_deadline - today).days if meeting.nomination_deadline else None
    return NextMeeting(meeting=meeting, url=_board_url(meeting), deadline_days=days)


def _status_counts(queryset) -> dict[str, int]:
    counts = dict.fromkeys(S.values, 0)
    counts.update(queryset.order_by().values_list("status").annotate(n=Count("pk")))
    return counts


def _honoree_lines(queryset, *, note=None) -> list[Line]:
    rows = queryset.select_related("district").order_by("-updated_at", "pk")[:LIST_LIMIT]
    return [Line(label=h.name, url=_change_url(h), note=note(h) if note else h.district.name_th) for h in rows]


def _suggestion_lines(user) -> list[Line]:
    """Open suggestions from the public in the user's districts, the new ones counted."""
    changelist = reverse("admin:suggestions_suggestion_changelist")
    return [
        Line(
            label=d.name_th,
            count=d.new,
            url=changelist + "?" + urlencode({"district__id__exact": d.pk, "status__exact": "received"}),
            note=_("ใหม่ %(new)s จากที่ยังเปิดอยู่ %(open)s") % {"new": d.new, "open": d.open},
            urgent=d.new > 0,
        )
        for d in suggestions_per_district(user)
    ]


def dashboard_for(*, user, today: date) -> Dashboard | None:
    role = permissions.role_of(user)
    if role == permissions.SECRETARIAT:
        return secretariat_dashboard(user=user, today=today)
    if role == permissions.DISTRICT_OFFICER:
        return officer_dashboard(user=user, today=today)
    return None


def officer_dashboard(*, user, today: date) -> Dashboard:
    """The next meeting and its nomination deadline, the officer's districts' places in it, their
    drafts, the candidates sent back with the reason, and the nominations waiting for the secretariat."""
    board = Dashboard(role=permissions.DISTRICT_OFFICER, today=today)
    districts = list(permissions.user_districts(user).order_by("code"))
    mine = permissions.visible_honorees(user)
    board.next_meeting = _next_meeting(today)
    places = []
    if board.next_meeting:
        meeting = board.next_meeting.meeting
        holders = {
            h.district_id: h
            for h in Honoree.objects.holding_place()
            .filter(meeting=meeting, district__in=districts)
            .only("pk", "name", "district_id", "status")
        }
        board.next_meeting.filled = len(holders)
        for district in districts:
            holder = holders.get(district.pk)
            places.append(
                Line(
                    label=district.name_th,
                    url=_change_url(holder) if holder else board.next_meeting.url,
                    note=f"{holder.name} ({holder.get_status_display()})" if holder else _("ว่าง — ยังไม่มีผู้ได้รับการยกย่อง"),
                    urgent=holder is None,
                )
            )
    board.counts = _status_counts(mine)
    board.sections = {
        "places": places,
        "drafts": _honoree_lines(mine.filter(status=S.DRAFT)),
        "sent_back": _honoree_lines(mine.filter(status=S.REJECTED), note=lambda h: h.rejection_reason),
        "waiting": _honoree_lines(mine.filter(status=S.NOMINATED)),
        "suggestions": _suggestion_lines(user),
    }
    board.links = {
        "drafts": honoree_list_url(status__exact=S.DRAFT),
        "sent_back": honoree_list_url(status__exact=S.REJECTED),
        "waiting": honoree_list_url(status__exact=S.NOMINATED),
        "add": reverse("admin:honorees_honoree_add"),
        "suggestions": reverse("admin:suggestions_suggestion_changelist"),
    }
    return board


def secretariat_dashboard(*, user, today: date) -> Dashboard:
    """Nominations waiting by district, the next meeting's board coverage (x/19), the districts not
    yet honoured this fiscal year, and the open privacy requests with the days left to answer."""
    board = Dashboard(role=permissions.SECRETARIAT, today=today, fiscal_year=thai.fiscal_year(today))
    districts = list(District.objects.order_by("code"))
    board.next_meeting = _next_meeting(today)
    if board.next_meeting:
        board.next_meeting.filled = Honoree.objects.holding_place().filter(meeting=board.next_meeting.meeting).count()
    board.counts = _status_counts(Honoree.objects.all())
    waiting = dict(
        Honoree.objects.filter(status=S.NOMINATED).order_by().values_list("district_id").annotate(n=Count("pk"))
    )
    honoured = set(
        Honoree.objects.holding_place()
        .filter(meeting__fiscal_year=board.fiscal_year)
        .order_by()
        .values_list("district_id", flat=True)
        .distinct()
    )
    requests = list(PrivacyRequest.objects.open().select_related("honoree").order_by("created_at")[:LIST_LIMIT])
    board.sections = {
        "waiting": [
            Line(
                label=d.name_th,
                count=waiting[d.pk],
                url=honoree_list_url(status__exact=S.NOMINATED, district__id__exact=d.pk),
            )
            for d in districts
            if waiting.get(d.pk)
        ],
        "not_honoured": [
            Line(label=d.name_th, url=honoree_list_url(district__id__exact=d.pk), note=d.code)
            for d in districts
            if d.pk not in honoured
        ],
        "privacy": [
            Line(
                label=str(r),
                url=reverse("admin:honorees_privacyrequest_change", args=[r.pk]),
                note=_("ตอบภายใน %(date)s — %(left)s")
                % {"date": thai.thai_date(r.answer_due_on), "left": days_phrase(r.days_left(today))},
                urgent=r.days_left(today) < 0,
            )
            for r in requests
        ],
        "suggestions": _suggestion_lines(user),
    }
    board.links = {
        "waiting": honoree_list_url(status__exact=S.NOMINATED),
        "approved": honoree_list_url(status__exact=S.APPROVED, meeting__isnull="True"),
        "privacy": reverse("admin:honorees_privacyrequest_changelist") + "?" + urlencode({"handled_at__isempty": "1"}),
        "meetings": reverse("admin:meetings_meeting_changelist"),
        "add_meeting": reverse("admin:meetings_meeting_add"),
        "suggestions": reverse("admin:suggestions_suggestion_changelist"),
    }
    board.counts["privacy_open"] = PrivacyRequest.objects.open().count()
    board.counts["answer_days"] = PRIVACY_ANSWER_DAYS
    board.counts["waiting_total"] = sum(waiting.values())
    board.counts["district_total"] = len(districts)
    return board
