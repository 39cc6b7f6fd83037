"""The staff workflow: every change of status goes through one of these functions.

Each checks `honorees.permissions` first and raises WorkflowError (a Thai message for the user)
when the step is not allowed, before writing anything. The admin, commands and tests call them.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from honorees import permissions
from honorees.models import Honoree
from networks.models import District, StaffProfile


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


def place_holder(*, meeting, district_id, exclude_pk=None) -> Honoree | None:
    """The honoree holding the district's place in the meeting, if any."""
    holders = Honoree.objects.holding_place().filter(meeting=meeting, district_id=district_id)
    if exclude_pk:
        holders = holders.exclude(pk=exclude_pk)
    return holders.first()


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
    return _refresh(honoree)


def publish_one(honoree: Honoree, by, now) -> None:
    honoree.status = Honoree.Status.PUBLISHED
    honoree.published_at = now
    _save(honoree, by, ["status", "published_at"])


def consent_blockers(honorees) -> list[Honoree]:
    return [h for h in honorees if not h.has_publishable_consent]


def consent_error(blockers) -> WorkflowError:
    names = ", ".join(h.name for h in blockers)
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
    from meetings.models import Meeting

    current = _locked(honoree)
    _check(by, "place", current)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    holder = place_holder(meeting=meeting, district_id=current.district_id, exclude_pk=current.pk)
    if holder:
        raise WorkflowError(
            _("อำเภอ%(district)s มีผู้ได้รับการยกย่องในการประชุม%(meeting)s แล้ว คือ %(holder)s (%(status)s)")
            % {
                "district": current.district.name_th,
                "meeting": meeting.fiscal_number,
                "holder": holder.name,
                "status": holder.get_status_display(),
            }
        )
    if meeting.is_published and not current.has_publishable_consent:
        raise consent_error([current])
    current.meeting = meeting
    try:
        with transaction.atomic():
            _save(current, by, ["meeting"])
    except IntegrityError as error:  # another request took the place in between
        raise WorkflowError(_("อำเภอนี้มีผู้ได้รับการยกย่องในการประชุมนี้แล้ว")) from error
    if meeting.is_published:
        publish_one(current, by, timezone.now())
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


def honoree_import(*, rows: list[dict], by) -> list[Honoree]:
    """Create draft honorees from spreadsheet rows: all of them, or none when any row has a problem.

    Every row is checked (check_rows runs the model's full_clean) and prepared before the write
    transaction opens, which then only bulk inserts the rows, their history and virtues: other
    staff wait a moment, not minutes, on SQLite. Share cards are drawn on each draft's next save
    (nominating it), not here.
    """
    from honorees import spreadsheets

    if permissions.role_of(by) is None:
        raise WorkflowError(permissions.refusal(by, "edit", Honoree()))
    checked = spreadsheets.check_rows(rows, allowed_district_ids=_allowed_district_ids(by))
    problems = [row for row in checked if row.problems]
    if problems:
        raise WorkflowError(
            _("นำเข้าไม่ได้: มีปัญหา %(count)s แถว (แถวที่ %(lines)s) จึงยังไม่ได้บันทึกข้อมูลใดเลย")
            % {"count": len(problems), "lines": ", ".join(str(r.line) for r in problems[:20])}
        )
    honorees, slugs = [], set()
    for row in checked:
        honoree = Honoree(status=Honoree.Status.DRAFT, created_by=by, updated_by=by, **row.values)
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


@transaction.atomic
def staff_save(*, username: str, role: str, district_codes=(), password: str | None = None, email: str = ""):
    """Create or update a staff account with its role (group) and districts. Returns (user, created)."""
    if role not in permissions.ROLES:
        roles = ", ".join(permissions.ROLES)
        raise WorkflowError(_("ไม่รู้จักบทบาท %(role)s (ใช้ได้: %(roles)s)") % {"role": role, "roles": roles})
    codes = list(dict.fromkeys(district_codes))
    if role == permissions.DISTRICT_OFFICER and not codes:
        raise WorkflowError(_("เจ้าหน้าที่อำเภอต้องระบุอำเภออย่างน้อยหนึ่งอำเภอ (--district 8404)"))
    if role == permissions.SECRETARIAT and codes:
        raise WorkflowError(_("ฝ่ายเลขานุการดูแลทุกอำเภอ ไม่ต้องระบุ --district"))
    districts = list(District.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {d.code for d in districts})
    if unknown:
        raise WorkflowError(
            _("ไม่พบรหัสอำเภอ: %(codes)s (รหัสอำเภอของสุราษฎร์ธานีคือ 8401–8419)") % {"codes": ", ".join(unknown)}
        )
    groups = {g.name: g for g in Group.objects.filter(name__in=permissions.ROLES)}
    if set(groups) != set(permissions.ROLES):
        raise WorkflowError(_("ยังไม่มีกลุ่มบทบาทในฐานข้อมูล — โปรดรัน python manage.py migrate ก่อน"))
    User = get_user_model()
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        user = User(username=username)
        if not password:
            raise WorkflowError(_("บัญชีใหม่ต้องมีรหัสผ่าน"))
    if password:
        try:
            validate_password(password, user)
        except Exception as error:  # ValidationError with Django's own (translated) messages
            messages = getattr(error, "messages", [str(error)])
            raise WorkflowError(_("รหัสผ่านใช้ไม่ได้: %(why)s") % {"why": " ".join(messages)}) from error
        user.set_password(password)
    user.is_staff = True
    user.is_active = True
    if email:
        user.email = email
    user.save()
    user.groups.remove(*[g for name, g in groups.items() if name != role])
    user.groups.add(groups[role])
    profile, _created = StaffProfile.objects.get_or_create(user=user)
    profile.districts.set(districts)
    return user, created
