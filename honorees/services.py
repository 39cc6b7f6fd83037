"""The staff workflow: every change of status goes through one of these functions.

Each checks `halloffame.staff.permissions` first and raises WorkflowError (a Thai message for the user)
when the step is not allowed, before writing anything. The admin, commands and tests call them.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from halloffame.staff import permissions
from honorees import consent, notifications, spreadsheets
from honorees.models import PLACE_TAKEN, Honoree
from meetings.models import Meeting


class WorkflowError(Exception):
    """A workflow step that is not allowed; the message says why, in Thai."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _check(user, action: str, honoree: Honoree) -> None:
    reason = permissions.refusal(user, action, honoree)
    if reason:
        raise WorkflowError(reason)


def _locked(honoree: Honoree) -> Honoree:
    """The row as it is in the database now, locked for this transaction (stale forms change nothing)."""
    return Honoree.objects.select_for_update(of=("self",)).select_related("district", "meeting").get(pk=honoree.pk)


def _save(honoree: Honoree, by, fields: list[str]) -> None:
    honoree.updated_by = by
    honoree._history_user = by
    honoree.save(update_fields=[*fields, "updated_by", "updated_at"])


def _refresh(honoree: Honoree) -> Honoree:
    honoree.refresh_from_db()
    return honoree


@transaction.atomic
def honoree_nominate(*, honoree: Honoree, by) -> Honoree:
    current = _locked(honoree)
    _check(by, "nominate", current)
    current.status = Honoree.Status.NOMINATED
    current.rejection_reason = ""
    _save(current, by, ["status", "rejection_reason"])
    return _refresh(honoree)


@transaction.atomic
def honoree_approve(*, honoree: Honoree, by) -> Honoree:
    current = _locked(honoree)
    _check(by, "approve", current)
    current.status = Honoree.Status.APPROVED
    _save(current, by, ["status"])
    notifications.decision_notify_on_commit(honorees=[current], decision="approved")
    return _refresh(honoree)


@transaction.atomic
def honoree_reject(*, honoree: Honoree, by, reason: str) -> Honoree:
    current = _locked(honoree)
    _check(by, "reject", current)
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("โปรดระบุเหตุผลที่ไม่อนุมัติ เพื่อให้เจ้าหน้าที่อำเภอทราบและแก้ไข"))
    current.status = Honoree.Status.REJECTED
    current.rejection_reason = reason
    current.meeting = None
    _save(current, by, ["status", "rejection_reason", "meeting"])
    notifications.decision_notify_on_commit(honorees=[current], decision="rejected")
    return _refresh(honoree)


def honoree_publish(*, honoree: Honoree, by, now, notify: bool = True) -> None:
    """Publish one approved honoree (inside the caller's transaction, its checks already made).
    A caller publishing many at once passes notify=False and tells the officers itself, in one
    mail each (notifications.decision_notify_on_commit)."""
    honoree.status = Honoree.Status.PUBLISHED
    honoree.published_at = now
    _save(honoree, by, ["status", "published_at"])
    if notify:
        notifications.decision_notify_on_commit(honorees=[honoree], decision="published")


def consent_blockers(honorees) -> list[Honoree]:
    return [h for h in honorees if not consent.has_publishable_consent(h)]


def consent_error(blockers) -> WorkflowError:
    names = ", ".join(f"{h.name} ({', '.join(consent.consent_missing(h))})" for h in blockers)
    return WorkflowError(
        _(
            "เผยแพร่ไม่ได้: %(names)s ยังไม่มีความยินยอมที่เผยแพร่ได้ตาม PDPA "
            "(วันที่ วิธีให้ความยินยอม ยินยอมเผยแพร่ชื่อ และความยินยอมของผู้ปกครองหากเป็นผู้เยาว์) — โปรดบันทึกก่อน"
        )
        % {"names": names}
    )


@transaction.atomic
def honoree_place(*, honoree: Honoree, meeting, by) -> Honoree:
    """Put an approved honoree in their district's place at the meeting. In a meeting that is already
    published they are published at once (with consent checked first)."""
    current = _locked(honoree)
    _check(by, "place", current)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    current.meeting = meeting
    if holder := current.place_taken_by():
        raise WorkflowError(holder.holds_place_message())
    if meeting.is_published and not consent.has_publishable_consent(current):
        raise consent_error([current])
    try:
        with transaction.atomic():
            _save(current, by, ["meeting"])
    except IntegrityError as error:  # another request took the place in between: the constraint holds
        holder = current.place_taken_by()
        raise WorkflowError(holder.holds_place_message() if holder else str(PLACE_TAKEN)) from error
    if meeting.is_published:
        honoree_publish(honoree=current, by=by, now=timezone.now())
    return _refresh(honoree)


@transaction.atomic
def honoree_unplace(*, honoree: Honoree, by) -> Honoree:
    current = _locked(honoree)
    _check(by, "unplace", current)
    if not current.meeting_id:
        raise WorkflowError(_("%(name)s ยังไม่ได้บรรจุในการประชุมใด") % {"name": current.name})
    current.meeting = None
    _save(current, by, ["meeting"])
    return _refresh(honoree)


@transaction.atomic
def honoree_withdraw(*, honoree: Honoree, by) -> Honoree:
    """Take the honoree down (or out of the running): off every public page at once."""
    current = _locked(honoree)
    _check(by, "withdraw", current)
    current.status = Honoree.Status.WITHDRAWN
    _save(current, by, ["status"])
    return _refresh(honoree)


@transaction.atomic
def honoree_withdraw_consent(*, honoree: Honoree, by) -> Honoree:
    """The person (or their guardian) withdrew consent: record who and when, and take them down."""
    current = _locked(honoree)
    _check(by, "withdraw_consent", current)
    current.consent_withdrawn_at = timezone.now()
    current.consent_withdrawn_by = by
    current.status = Honoree.Status.WITHDRAWN
    _save(current, by, ["consent_withdrawn_at", "consent_withdrawn_by", "status"])
    return _refresh(honoree)


def honoree_import(*, rows: list[dict], by, good_rows_only: bool = False) -> list[Honoree]:
    """Create draft honorees from spreadsheet rows: all of them, or none when any row has a problem.
    With `good_rows_only` (the secretariat's explicit choice on the preview) the rows without
    problems are written and the others left out.

    Every row is checked (check_rows runs the model's full_clean) and prepared before the write
    transaction opens, which then only bulk inserts the rows, their history and virtues: other
    staff wait a moment, not minutes, on SQLite. Share cards are drawn on each draft's next save
    (nominating it), not here.
    """
    if permissions.role_of(by) is None:
        raise WorkflowError(permissions.refusal(by, "edit", Honoree()))
    checked = spreadsheets.check_rows(rows, allowed_district_ids=_allowed_district_ids(by))
    problems = [row for row in checked if row.problems]
    if good_rows_only:
        if not permissions.is_secretariat(by):
            raise WorkflowError(_("เฉพาะฝ่ายเลขานุการจังหวัดเท่านั้นที่เลือกนำเข้าเฉพาะแถวที่ถูกต้องได้"))
        checked = [row for row in checked if not row.problems]
        if not checked:
            raise WorkflowError(_("นำเข้าไม่ได้: ไม่มีแถวที่ถูกต้องเลย"))
    elif problems:
        raise WorkflowError(
            _("นำเข้าไม่ได้: มีปัญหา %(count)s แถว (แถวที่ %(lines)s) จึงยังไม่ได้บันทึกข้อมูลใดเลย")
            % {"count": len(problems), "lines": ", ".join(str(r.line) for r in problems[:20])}
        )
    honorees, slugs = [], set()
    for row in checked:
        honoree = row.honoree  # already checked by the model (spreadsheets.ImportRowForm)
        honoree.status, honoree.created_by, honoree.updated_by = Honoree.Status.DRAFT, by, by
        honoree.fill_derived_fields(taken_slugs=slugs)
        slugs.add(honoree.slug)
        honorees.append(honoree)
    with transaction.atomic():
        created = bulk_create_with_history(honorees, Honoree, batch_size=500, default_user=by)
        through = Honoree.virtues.through
        through.objects.bulk_create(
            [through(honoree_id=h.pk, virtue=v) for h, row in zip(created, checked, strict=True) for v in row.virtues],
            batch_size=1000,
        )
    return created


def _allowed_district_ids(user) -> set[int] | None:
    return None if permissions.is_secretariat(user) else permissions.user_district_ids(user)
