"""Meetings in the staff workflow: the honour board and publishing a meeting's announcement."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from halloffame.staff import permissions
from honorees import notifications
from honorees.models import Honoree
from honorees.services import WorkflowError, consent_blockers, consent_error, honoree_publish
from meetings.models import Certificate, Meeting, new_certificate_code
from networks.models import District


def meeting_places(*, meeting) -> list[tuple[District, Honoree | None]]:
    """The honour board: the 19 districts in code order, each with the honoree holding its place."""
    holders = {
        h.district_id: h
        for h in Honoree.objects.holding_place().filter(meeting=meeting).select_related("district", "network")
    }
    return [(district, holders.get(district.pk)) for district in District.objects.order_by("code")]


def meeting_open_places(*, meeting) -> list[tuple[District, Honoree | None]]:
    """Places that would stay empty if the meeting were published now (vacant or not yet approved)."""
    filled = {Honoree.Status.APPROVED, Honoree.Status.PUBLISHED}
    return [(d, h) for d, h in meeting_places(meeting=meeting) if h is None or h.status not in filled]


@transaction.atomic
def meeting_publish(*, meeting, by, confirm_vacancies: bool = False):
    """Publish the meeting and, at once, its approved honorees."""
    reason = permissions.meeting_refusal(by, "publish")
    if reason:
        raise WorkflowError(reason)
    current = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if current.is_published:
        raise WorkflowError(_("การประชุม%(meeting)s เผยแพร่แล้ว") % {"meeting": current.fiscal_number})
    approved = list(
        Honoree.objects.select_for_update().filter(meeting=meeting, status=Honoree.Status.APPROVED).order_by("pk")
    )
    blockers = consent_blockers(approved)
    if blockers:
        raise consent_error(blockers)
    open_places = meeting_open_places(meeting=meeting)
    if open_places and not confirm_vacancies:
        raise WorkflowError(
            _("ยังมีที่ว่าง %(count)s อำเภอ: %(districts)s — ต้องยืนยันก่อนเผยแพร่")
            % {"count": len(open_places), "districts": ", ".join(d.name_th for d, _h in open_places)}
        )
    now = timezone.now()
    for honoree in approved:
        honoree_publish(honoree=honoree, by=by, now=now, notify=False)
    notifications.decision_notify_on_commit(honorees=approved, decision="published")
    current.is_published = True
    current.published_at = now
    current._history_user = by
    current.save(update_fields=["is_published", "published_at", "updated_at"])
    meeting.refresh_from_db()
    return meeting


def certificates_issue(*, meeting, honorees) -> dict:
    """Each honoree's certificate for this meeting (honoree pk -> Certificate), made the first time it
    is asked for; the code then stays the same for every later print."""
    wanted = {h.pk for h in honorees}
    for _attempt in range(3):
        found = {c.honoree_id: c for c in Certificate.objects.filter(meeting=meeting, honoree_id__in=wanted)}
        missing = wanted - found.keys()
        if not missing:
            break
        # ignore_conflicts: a parallel request may have made the same certificate a moment ago.
        Certificate.objects.bulk_create(
            [Certificate(meeting=meeting, honoree_id=pk, code=new_certificate_code()) for pk in missing],
            ignore_conflicts=True,
        )
    else:
        raise RuntimeError("certificates could not be issued")
    by_pk = {h.pk: h for h in honorees}
    for certificate in found.values():
        certificate.honoree = by_pk[certificate.honoree_id]
        certificate.meeting = meeting
    return found
