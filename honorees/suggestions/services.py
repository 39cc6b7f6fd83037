"""What happens to a suggestion: it arrives (with an acknowledgement), an officer reviews it and
turns it into a draft candidate, declines it with a reason, or merges it into a duplicate; the
ones not taken forward are deleted after the retention period. The admin, the public view, the
management command and the tests all call these functions."""

import logging
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from honorees.models import Honoree
from honorees.services import WorkflowError
from honorees.suggestions import scope
from honorees.suggestions.models import Suggestion

logger = logging.getLogger(__name__)

CITATION_LENGTH = Honoree._meta.get_field("citation").max_length


@transaction.atomic
def suggestion_submit(*, fields: dict, language: str = "th") -> Suggestion:
    """Store a suggestion from the public form; the acknowledgement e-mail goes once it is committed."""
    suggestion = Suggestion(**fields, consent_given_at=timezone.now(), language=language)
    suggestion.full_clean(exclude=["reference"])
    for _attempt in range(5):  # two submissions drawing the same random reference at once
        try:
            with transaction.atomic():
                suggestion.save()
            break
        except IntegrityError:
            suggestion.reference = ""
    else:
        raise WorkflowError(_("ระบบไม่สามารถออกเลขอ้างอิงได้ในขณะนี้ กรุณาลองใหม่อีกครั้ง"))
    if suggestion.suggester_email:
        transaction.on_commit(lambda: suggestion_acknowledge(suggestion=suggestion))
    return suggestion


def suggestion_acknowledge(*, suggestion: Suggestion) -> bool:
    """E-mail the reference number and what happens next, in the language the form was sent in.
    A mail server that is down is logged, never shown to the person as an error."""
    if not suggestion.suggester_email:
        return False
    with translation.override(suggestion.language):
        status_url = settings.SITE_URL + reverse("suggestions:status") + f"?ref={suggestion.reference}"
        context = {"suggestion": suggestion, "status_url": status_url, "site_name": _("หอเกียรติยศคนดี จังหวัดสุราษฎร์ธานี")}
        subject = _("ได้รับข้อเสนอชื่อคนดีของท่านแล้ว เลขอ้างอิง %(reference)s") % {"reference": suggestion.reference}
        body = render_to_string("suggestions/acknowledgement_email.txt", context)
    try:
        send_mail(subject, body, None, [suggestion.suggester_email])
    except Exception:  # SMTP refusals, timeouts, DNS: the suggestion itself is stored
        logger.exception("Could not send the acknowledgement of suggestion %s", suggestion.reference)
        return False
    return True


def _locked(suggestion: Suggestion) -> Suggestion:
    return Suggestion.objects.select_for_update().get(pk=suggestion.pk)


def _check_open(user, suggestion: Suggestion) -> None:
    if not scope.may_handle(user):
        raise WorkflowError(_("บัญชีนี้ยังไม่ได้กำหนดบทบาท จึงพิจารณาข้อเสนอไม่ได้ — โปรดติดต่อผู้ดูแลระบบ"))
    if not scope.covers(user, suggestion):
        raise WorkflowError(_("ข้อเสนอ %(reference)s ไม่ได้อยู่ในอำเภอที่คุณรับผิดชอบ") % {"reference": suggestion.reference})
    if not suggestion.is_open:
        raise WorkflowError(
            _("ข้อเสนอ %(reference)s ได้รับการพิจารณาไปแล้ว (สถานะ: %(status)s)")
            % {"reference": suggestion.reference, "status": suggestion.get_status_display()}
        )


def _decide(suggestion: Suggestion, by, status, fields=()) -> None:
    suggestion.status = status
    suggestion.decided_at = timezone.now()
    suggestion.decided_by = by
    suggestion.save(update_fields=["status", "decided_at", "decided_by", "updated_at", *fields])


@transaction.atomic
def suggestion_start_review(*, suggestion: Suggestion, by) -> Suggestion:
    current = _locked(suggestion)
    _check_open(by, current)
    if current.status == Suggestion.Status.UNDER_REVIEW:
        return current
    current.status = Suggestion.Status.UNDER_REVIEW
    current.save(update_fields=["status", "updated_at"])
    return current


@transaction.atomic
def suggestion_decline(*, suggestion: Suggestion, by, reason: str) -> Suggestion:
    """Not taken forward: the reason is kept for the record (never shown to the public)."""
    current = _locked(suggestion)
    _check_open(by, current)
    reason = (reason or "").strip()
    if not reason:
        raise WorkflowError(_("โปรดระบุเหตุผลที่ไม่นำข้อเสนอนี้ไปพิจารณาต่อ"))
    current.decline_reason = reason
    _decide(current, by, Suggestion.Status.DECLINED, ["decline_reason"])
    return current


@transaction.atomic
def suggestion_merge(*, suggestion: Suggestion, into: Suggestion, by) -> Suggestion:
    """A duplicate: from now on it follows `into` (its status is the one the suggester sees)."""
    current = _locked(suggestion)
    _check_open(by, current)
    primary = _locked(into)
    if primary.status == Suggestion.Status.MERGED and primary.duplicate_of_id:
        primary = _locked(primary.duplicate_of)
    if primary.pk == current.pk:
        raise WorkflowError(_("รวมข้อเสนอเข้ากับตัวเองไม่ได้"))
    if not scope.covers(by, primary):
        raise WorkflowError(_("ข้อเสนอ %(reference)s ไม่ได้อยู่ในอำเภอที่คุณรับผิดชอบ") % {"reference": primary.reference})
    current.duplicates.update(duplicate_of=primary)
    current.duplicate_of = primary
    _decide(current, by, Suggestion.Status.MERGED, ["duplicate_of"])
    return current


def citation_from(text: str) -> str:
    """The candidate's one-line citation from the first paragraph the suggester wrote."""
    first = next((part for part in re.split(r"\n\s*\n", text.strip()) if part.strip()), "")
    line = " ".join(first.split())
    return line if len(line) <= CITATION_LENGTH else line[: CITATION_LENGTH - 1].rstrip() + "…"


@transaction.atomic
def suggestion_convert(*, suggestion: Suggestion, by, network=None) -> Honoree:
    """Turn the suggestion into a draft candidate of its district, through the honoree's own rules
    (the officer must be allowed to add a candidate there; the model's validation runs). Consent
    and approval then go as for any candidate: nothing is published from a suggestion alone."""
    current = _locked(suggestion)
    _check_open(by, current)
    network = network or current.network
    if network is None:
        raise WorkflowError(_("โปรดเลือกเครือข่ายของผู้ที่เสนอก่อนส่งต่อเป็นผู้ได้รับการเสนอชื่อ"))
    notes = [_("สร้างจากข้อเสนอของประชาชน เลขอ้างอิง %(reference)s") % {"reference": current.reference}]
    if current.link_lines:
        notes.append(_("ลิงก์ที่ผู้เสนอให้มา:") + "\n" + "\n".join(current.link_lines))
    honoree = Honoree(
        kind=current.kind,
        name=current.name,
        district_id=current.district_id,
        network=network,
        citation=citation_from(current.achievements),
        story=current.achievements.strip(),
        staff_notes="\n\n".join(notes),
        status=Honoree.Status.DRAFT,
        created_by=by,
        updated_by=by,
    )
    reason = scope.honoree_refusal(by, "add", honoree)
    if reason:
        raise WorkflowError(reason)
    honoree._history_user = by
    try:
        honoree.full_clean(exclude=["slug", "photo"])
    except ValidationError as error:
        raise WorkflowError(" ".join(error.messages)) from error
    honoree.save()
    current.honoree = honoree
    current.network = network
    _decide(current, by, Suggestion.Status.FORWARDED, ["honoree", "network"])
    return honoree


@transaction.atomic
def suggestions_purge(*, now=None) -> int:
    """Delete the suggestions not taken forward whose retention period is over (with the
    duplicates merged into them). Returns how many suggestions were deleted."""
    _total, per_model = Suggestion.objects.past_retention(now=now).delete()
    return per_model.get(Suggestion._meta.label, 0)
