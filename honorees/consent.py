"""Every PDPA consent question, for one row and as a queryset filter, in one place.

Works for any model with the honoree's consent fields: `is_living`, `is_minor`,
`consent_given_on`, `consent_method`, `consent_covers_name` / `_photo` / `_story`, `guardian_name`,
`guardian_consent_on`, `consent_withdrawn_at`, and optionally `kind` (only a `"person"` needs
consent: organisations, groups and communities are not natural persons; a model without `kind`
holds people). The row functions take an instance; the `_q` functions take the model and return a
filter for its queryset, and always agree with them.
"""

from django.db.models import Q
from django.utils.translation import gettext as _

PERSON = "person"
COVERED = ("name", "photo", "story")


def _has_kind(model) -> bool:
    return any(field.name == "kind" for field in model._meta.get_fields())


def needs_consent(row) -> bool:
    """A living person; the late, organisations, groups and communities need no consent."""
    return getattr(row, "kind", PERSON) == PERSON and row.is_living


def no_consent_needed_q(model) -> Q:
    late = Q(is_living=False)
    return (~Q(kind=PERSON) | late) if _has_kind(model) else late


def consent_missing(row) -> list[str]:
    """Why the row's consent does not allow publishing it, in Thai; empty when it does.

    A living person needs consent recorded (date, method) that covers their name, not withdrawn,
    and for a minor a guardian's consent (name and date) too.
    """
    if not needs_consent(row):
        return []
    missing = []
    if row.consent_withdrawn_at:
        missing.append(_("ถอนความยินยอมแล้ว"))
    if not row.consent_given_on:
        missing.append(_("วันที่ให้ความยินยอม"))
    if not row.consent_method:
        missing.append(_("วิธีให้ความยินยอม"))
    if not row.consent_covers_name:
        missing.append(_("ยินยอมเผยแพร่ชื่อ"))
    if row.is_minor and not (row.guardian_name and row.guardian_consent_on):
        missing.append(_("ความยินยอมของผู้ปกครอง"))
    return missing


def has_publishable_consent(row) -> bool:
    return not consent_missing(row)


# The workflow steps that move a candidate towards publication: a living person goes forward only
# with consent that would let them be published (not only when they are placed or published).
STEPS_NEEDING_CONSENT = frozenset({"nominate", "approve"})


def step_consent_missing(row, step: str) -> list[str]:
    """What consent the row lacks for `step`, in Thai; empty when the step needs none or it is there."""
    return consent_missing(row) if step in STEPS_NEEDING_CONSENT else []


def publishable_consent_q(model) -> Q:
    """Rows whose consent allows publishing them: the filter twin of has_publishable_consent."""
    guardian = Q(guardian_consent_on__isnull=False) & ~Q(guardian_name="")
    recorded = (
        Q(consent_withdrawn_at__isnull=True, consent_given_on__isnull=False, consent_covers_name=True)
        & ~Q(consent_method="")
        & (Q(is_minor=False) | guardian)
    )
    return no_consent_needed_q(model) | recorded


def covers(row, what: str) -> bool:
    """May the public see the row's `what` ("name", "photo" or "story")?"""
    return not needs_consent(row) or getattr(row, f"consent_covers_{what}")


def covers_q(model, what: str) -> Q:
    return no_consent_needed_q(model) | Q(**{f"consent_covers_{what}": True})


def consent_record_errors(row) -> dict[str, str]:
    """What is wrong with the consent as staff recorded it (form, import): {field: Thai message}.
    Called from the model's clean(), so every ModelForm and full_clean() applies it."""
    errors = {}
    given_on, method = row.consent_given_on, row.consent_method
    if any(getattr(row, f"consent_covers_{what}") for what in COVERED) and not (given_on and method):
        errors["consent_given_on"] = _("ระบุวันที่และวิธีให้ความยินยอม ก่อนเลือกว่าความยินยอมครอบคลุมอะไร")
    if given_on and not method:
        errors["consent_method"] = _("ระบุวิธีให้ความยินยอม")
    if row.is_minor and getattr(row, "kind", PERSON) != PERSON:
        errors["is_minor"] = _("เฉพาะบุคคลเท่านั้นที่เป็นผู้เยาว์ได้")
    if row.is_minor and given_on and not (row.guardian_name and row.guardian_consent_on):
        errors["guardian_name"] = _("ผู้เยาว์ต้องมีความยินยอมของผู้ปกครอง ระบุชื่อและวันที่ให้ความยินยอม")
    return errors
