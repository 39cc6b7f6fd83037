"""Programme workflow and imports: every change of status goes through one of these functions,
which check networks/programme/permissions.py first and raise WorkflowError (Thai) before writing."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from honorees.services import WorkflowError
from networks.programme import permissions
from networks.programme.models import Assessment, ModelOrganisation, Status

__all__ = [
    "WorkflowError",
    "record_propose",
    "record_publish",
    "record_withdraw",
    "coach_withdraw_consent",
    "assessments_import",
]


def _step(record, by, action: str, status: str | None, **fields):
    with transaction.atomic():
        current = type(record).objects.select_for_update(of=("self",)).get(pk=record.pk)
        reason = permissions.refusal(by, action, current)
        if reason:
            raise WorkflowError(reason)
        if action == "publish" and hasattr(current, "has_publishable_consent"):
            if not current.has_publishable_consent:
                raise WorkflowError(_("%(name)s ยังไม่มีความยินยอมที่เผยแพร่ได้ตาม PDPA จึงเผยแพร่ไม่ได้") % {"name": current.name})
        if status is not None:
            fields["status"] = status
        for name, value in fields.items():
            setattr(current, name, value)
        current.updated_by = by
        current._history_user = by
        current.save(update_fields=[*fields, "updated_by", "updated_at"])
    record.refresh_from_db()
    return record


def record_propose(*, record, by):
    """A district officer (or the secretariat) puts a draft forward for publication."""
    return _step(record, by, "propose", Status.PROPOSED)


def record_publish(*, record, by):
    """The secretariat publishes a model organisation, learning source, lesson or coach."""
    return _step(record, by, "publish", Status.PUBLISHED, published_at=record.published_at or timezone.now())


def record_withdraw(*, record, by):
    """Takes a record off every public page."""
    return _step(record, by, "withdraw", Status.WITHDRAWN)


def coach_withdraw_consent(*, coach, by):
    """Records that a coach withdrew their consent: off every public page at once."""
    return _step(coach, by, "withdraw_consent", None, consent_withdrawn_at=timezone.now(), consent_withdrawn_by=by)


@transaction.atomic
def assessments_import(*, rows: list[dict], by) -> list[Assessment]:
    """Write the checked assessment rows of a spreadsheet: all of them, or none when any row has a
    problem (checked again here, inside the transaction)."""
    from networks.programme import spreadsheets

    if permissions.role_of(by) != permissions.SECRETARIAT:
        raise WorkflowError(_("เฉพาะฝ่ายเลขานุการจังหวัดเท่านั้นที่บันทึกผลการประเมินได้"))
    checked = spreadsheets.check_rows(rows)
    bad = [row for row in checked if row.problems]
    if bad:
        raise WorkflowError(
            _("ไฟล์มีปัญหา %(count)s แถว (แถวที่ %(lines)s) จึงยังไม่ได้นำเข้ารายการใดเลย")
            % {"count": len(bad), "lines": ", ".join(str(row.line) for row in bad[:10])}
        )
    saved = []
    for row in checked:
        organisation = ModelOrganisation.objects.select_for_update().get(pk=row.values["organisation"].pk)
        assessment, _created = Assessment.objects.update_or_create(
            organisation=organisation,
            fiscal_year=row.values["fiscal_year"],
            defaults={"level": row.values["level"], "notes": row.values["notes"], "recorded_by": by},
        )
        saved.append(assessment)
    return saved
