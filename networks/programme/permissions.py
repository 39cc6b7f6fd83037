"""Who may do what with programme records: one table, read by the admin and the services.

Roles and districts are the staff app's (halloffame/staff/permissions.py): a district officer proposes
model organisations and learning sources for the districts of their staff profile only; the
secretariat records assessments, publishes and withdraws, and writes lessons and coaches.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from halloffame.staff.permissions import DISTRICT_OFFICER, SECRETARIAT, covers_district, role_of, user_districts
from networks.programme.models import Status

ALL_STATUSES = frozenset(Status.values)

# action -> role -> the statuses the record may be in for that role to take the action.
RULES: dict[str, dict[str, frozenset]] = {
    "edit": {DISTRICT_OFFICER: frozenset({Status.DRAFT, Status.PROPOSED}), SECRETARIAT: ALL_STATUSES},
    "propose": {DISTRICT_OFFICER: frozenset({Status.DRAFT}), SECRETARIAT: frozenset({Status.DRAFT})},
    "publish": {SECRETARIAT: frozenset({Status.DRAFT, Status.PROPOSED, Status.WITHDRAWN})},
    "withdraw": {
        DISTRICT_OFFICER: frozenset({Status.DRAFT, Status.PROPOSED}),
        SECRETARIAT: frozenset({Status.DRAFT, Status.PROPOSED, Status.PUBLISHED}),
    },
    "delete": {SECRETARIAT: frozenset({Status.DRAFT, Status.WITHDRAWN})},
    # Coaches only (the records with PDPA consent), at any step.
    "withdraw_consent": {SECRETARIAT: ALL_STATUSES},
}
ACTION_LABELS = {
    "edit": gettext_lazy("แก้ไข"),
    "propose": gettext_lazy("เสนอ"),
    "publish": gettext_lazy("เผยแพร่"),
    "withdraw": gettext_lazy("ถอนออก"),
    "delete": gettext_lazy("ลบ"),
    "withdraw_consent": gettext_lazy("บันทึกการถอนความยินยอม"),
}
STEPS = ("propose", "publish", "withdraw", "withdraw_consent")


def visible(user, queryset):
    """The records of `queryset` the user may see in the admin."""
    role = role_of(user)
    if role == SECRETARIAT:
        return queryset
    if role == DISTRICT_OFFICER and _has_district(queryset.model):
        return queryset.filter(district__in=user_districts(user))
    return queryset.none()


def _has_district(model) -> bool:
    return any(f.name == "district" for f in model._meta.fields)


def refusal(user, action: str, record) -> str | None:
    """Why `user` may not take `action` on `record` now, in Thai; None when they may."""
    role = role_of(user)
    label = ACTION_LABELS[action]
    allowed = RULES[action]
    if role is None:
        return _("บัญชีนี้ยังไม่ได้กำหนดบทบาท จึง%(action)sไม่ได้ — โปรดติดต่อผู้ดูแลระบบ") % {"action": label}
    if role not in allowed:
        return _("เฉพาะฝ่ายเลขานุการจังหวัดเท่านั้นที่%(action)sได้") % {"action": label}
    if role != SECRETARIAT and not _has_district(type(record)):
        return _("เฉพาะฝ่ายเลขานุการจังหวัดเท่านั้นที่%(action)sได้") % {"action": label}
    if getattr(record, "district_id", None) and not covers_district(user, record.district_id):
        return _("%(name)s ไม่ได้อยู่ในอำเภอที่คุณรับผิดชอบ") % {"name": record.name}
    if action == "withdraw_consent" and (not hasattr(record, "consent_withdrawn_at") or record.consent_withdrawn_at):
        return _("ไม่มีความยินยอมที่ถอนได้สำหรับ %(name)s") % {"name": record.name}
    if record.status not in allowed[role]:
        return _("%(action)s %(name)s ไม่ได้ เพราะสถานะขณะนี้คือ “%(status)s”") % {
            "action": label,
            "name": record.name,
            "status": record.get_status_display(),
        }
    return None


def can(user, action: str, record) -> bool:
    return refusal(user, action, record) is None


def allowed_steps(user, record) -> list[str]:
    return [step for step in STEPS if can(user, step, record)]
