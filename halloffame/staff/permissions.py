"""Who may do what in the staff workflow: the one table the admin, the services, the role groups
and the tests read.

A role is a group (created by the `networks` roles migration; its permissions are set from this
table after every migrate). A superuser counts as the secretariat. A district officer works only
on the honorees of the districts in their staff profile.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from honorees import consent
from honorees.models import Honoree
from networks.models import District

DISTRICT_OFFICER = "district_officer"
SECRETARIAT = "secretariat"
ROLES = (DISTRICT_OFFICER, SECRETARIAT)
ROLE_LABELS = {DISTRICT_OFFICER: gettext_lazy("เจ้าหน้าที่วัฒนธรรมอำเภอ"), SECRETARIAT: gettext_lazy("ฝ่ายเลขานุการจังหวัด")}

S = Honoree.Status
ALL_STATUSES = frozenset(S.values)

# action -> role -> the statuses the honoree may be in for that role to take the action.
RULES: dict[str, dict[str, frozenset]] = {
    "view": {DISTRICT_OFFICER: ALL_STATUSES, SECRETARIAT: ALL_STATUSES},
    "add": {DISTRICT_OFFICER: frozenset({S.DRAFT}), SECRETARIAT: frozenset({S.DRAFT})},
    "edit": {
        DISTRICT_OFFICER: frozenset({S.DRAFT, S.NOMINATED, S.REJECTED}),
        SECRETARIAT: ALL_STATUSES,
    },
    "nominate": {
        DISTRICT_OFFICER: frozenset({S.DRAFT, S.REJECTED}),
        SECRETARIAT: frozenset({S.DRAFT, S.REJECTED}),
    },
    "approve": {SECRETARIAT: frozenset({S.NOMINATED})},
    "reject": {SECRETARIAT: frozenset({S.NOMINATED, S.APPROVED})},
    "place": {SECRETARIAT: frozenset({S.APPROVED})},
    "unplace": {SECRETARIAT: frozenset({S.APPROVED})},
    "withdraw": {
        DISTRICT_OFFICER: frozenset({S.DRAFT, S.NOMINATED, S.REJECTED}),
        SECRETARIAT: frozenset({S.DRAFT, S.NOMINATED, S.APPROVED, S.PUBLISHED, S.REJECTED}),
    },
    # Consent can be withdrawn at any step; once published only the secretariat takes it down.
    "withdraw_consent": {
        DISTRICT_OFFICER: frozenset({S.DRAFT, S.NOMINATED, S.APPROVED, S.REJECTED}),
        SECRETARIAT: ALL_STATUSES - {S.WITHDRAWN},
    },
    "delete": {SECRETARIAT: frozenset({S.DRAFT, S.REJECTED, S.WITHDRAWN})},
}
# action -> the roles that may take it, for what is not one honoree.
MEETING_RULES = {
    "view": {DISTRICT_OFFICER, SECRETARIAT},
    "publish": {SECRETARIAT},
    "edit": {SECRETARIAT},
    "place": {SECRETARIAT},
}
OFFICE_RULES = {
    "view_reference": {DISTRICT_OFFICER, SECRETARIAT},
    "handle_privacy_requests": {SECRETARIAT},
    "view_staff": {SECRETARIAT},
    # Suggestions from the public (honorees/suggestions/): an officer only their districts'.
    "handle_suggestions": {DISTRICT_OFFICER, SECRETARIAT},
    "delete_suggestions": {SECRETARIAT},
    # Create officer accounts, set their districts, close them, send a link to set a password.
    "manage_staff": {SECRETARIAT},
}
# The moral-province programme (networks/programme): district officers add and propose model
# organisations and learning sources (for their own districts, and only the workflow steps that
# networks/programme/permissions.py allows) and read the assessments; the secretariat does all.
PROGRAMME_RULES = {
    "propose_places": {DISTRICT_OFFICER, SECRETARIAT},
    "view_assessments": {DISTRICT_OFFICER, SECRETARIAT},
    "manage": {SECRETARIAT},
}
PROGRAMME_PLACES = ("modelorganisation", "learningsource")
PROGRAMME_MODELS = (*PROGRAMME_PLACES, "assessment", "lesson", "lessonimage", "coach", "programmetarget")

# The Django model permissions (what the admin itself checks) each allowed action brings to a
# role's group.
MODEL_PERMISSIONS = {
    ("honoree", "view"): ["honorees.view_honoree"],
    ("honoree", "add"): ["honorees.add_honoree"],
    ("honoree", "edit"): ["honorees.change_honoree"],
    ("honoree", "delete"): ["honorees.delete_honoree"],
    ("meeting", "view"): ["meetings.view_meeting"],
    ("meeting", "edit"): ["meetings.add_meeting", "meetings.change_meeting", "meetings.delete_meeting"],
    ("office", "view_reference"): ["networks.view_district", "networks.view_network", "networks.view_virtue"],
    ("office", "handle_privacy_requests"): ["honorees.view_privacyrequest", "honorees.change_privacyrequest"],
    ("office", "view_staff"): ["staff.view_staffprofile", "staff.view_nominationdigest"],
    ("office", "manage_staff"): ["auth.view_user", "auth.add_user", "auth.change_user"],
    ("office", "handle_suggestions"): ["suggestions.view_suggestion", "suggestions.change_suggestion"],
    ("office", "delete_suggestions"): ["suggestions.delete_suggestion"],
    ("programme", "propose_places"): [
        f"programme.{action}_{model}" for model in PROGRAMME_PLACES for action in ("add", "change", "view")
    ],
    ("programme", "view_assessments"): ["programme.view_assessment"],
    ("programme", "manage"): [
        f"programme.{action}_{model}" for model in PROGRAMME_MODELS for action in ("add", "change", "delete", "view")
    ],
}

ACTION_LABELS = {
    "view": gettext_lazy("ดู"),
    "add": gettext_lazy("เพิ่ม"),
    "edit": gettext_lazy("แก้ไข"),
    "nominate": gettext_lazy("เสนอชื่อ"),
    "approve": gettext_lazy("อนุมัติ"),
    "reject": gettext_lazy("ไม่อนุมัติ"),
    "place": gettext_lazy("บรรจุในการประชุม"),
    "unplace": gettext_lazy("นำออกจากการประชุม"),
    "withdraw": gettext_lazy("ถอนออก"),
    "withdraw_consent": gettext_lazy("บันทึกการถอนความยินยอม"),
    "delete": gettext_lazy("ลบ"),
    "publish": gettext_lazy("เผยแพร่"),
}


def role_of(user) -> str | None:
    if not user or not user.is_authenticated or not user.is_active or not user.is_staff:
        return None
    if user.is_superuser:
        return SECRETARIAT
    cached = getattr(user, "_hof_role", "unset")
    if cached != "unset":
        return cached
    names = set(user.groups.filter(name__in=ROLES).values_list("name", flat=True))
    role = SECRETARIAT if SECRETARIAT in names else DISTRICT_OFFICER if DISTRICT_OFFICER in names else None
    user._hof_role = role
    return role


def is_secretariat(user) -> bool:
    return role_of(user) == SECRETARIAT


def user_districts(user):
    """The districts the user works for: all of them for the secretariat, none without a role."""
    role = role_of(user)
    if role == SECRETARIAT:
        return District.objects.all()
    if role == DISTRICT_OFFICER:
        return District.objects.filter(staff__user=user)
    return District.objects.none()


def user_district_ids(user) -> set[int]:
    cached = getattr(user, "_hof_district_ids", None)
    if cached is None:
        cached = set(user_districts(user).values_list("pk", flat=True))
        user._hof_district_ids = cached
    return cached


def visible_honorees(user, queryset=None):
    queryset = Honoree.objects.all() if queryset is None else queryset
    role = role_of(user)
    if role == SECRETARIAT:
        return queryset
    if role == DISTRICT_OFFICER:
        return queryset.for_districts(user_districts(user))
    return queryset.none()


def covers_district(user, district_id) -> bool:
    return role_of(user) == SECRETARIAT or district_id in user_district_ids(user)


def refusal(user, action: str, honoree: Honoree, *, check_consent: bool = True) -> str | None:
    """Why `user` may not take `action` on `honoree` now, in Thai; None when they may.

    Without check_consent only the role, the district and the status are asked (the change page
    uses it to show a step that consent alone holds back, with the reason)."""
    role = role_of(user)
    label = ACTION_LABELS[action]
    allowed = RULES[action]
    if role is None:
        return _("บัญชีนี้ยังไม่ได้กำหนดบทบาท จึง%(action)sไม่ได้ — โปรดติดต่อผู้ดูแลระบบ") % {"action": label}
    if role not in allowed:
        return _("%(role)sไม่มีสิทธิ์%(action)s — เป็นหน้าที่ของฝ่ายเลขานุการจังหวัด") % {
            "role": ROLE_LABELS[role],
            "action": label,
        }
    if not covers_district(user, honoree.district_id):
        return _("%(name)s ไม่ได้อยู่ในอำเภอที่คุณรับผิดชอบ") % {"name": honoree.name}
    if honoree.status not in allowed[role]:
        statuses = ", ".join(str(S(s).label) for s in S.values if s in allowed[role])
        return _("%(action)s %(name)s ไม่ได้ เพราะสถานะขณะนี้คือ “%(status)s” (ทำได้เมื่อสถานะเป็น: %(allowed)s)") % {
            "action": label,
            "name": honoree.name,
            "status": honoree.get_status_display(),
            "allowed": statuses,
        }
    if check_consent:
        return consent_refusal(action, honoree)
    return None


def consent_refusal(action: str, honoree: Honoree) -> str | None:
    """Why consent holds `action` back for `honoree` (honorees/consent.py decides), in Thai."""
    missing = consent.step_consent_missing(honoree, action)
    if not missing:
        return None
    return _(
        "%(action)s %(name)s ไม่ได้ เพราะยังไม่มีความยินยอมที่เผยแพร่ได้ตาม PDPA (ขาด: %(missing)s) "
        "— โปรดบันทึกความยินยอมในแบบฟอร์มก่อน"
    ) % {"action": ACTION_LABELS[action], "name": honoree.name, "missing": ", ".join(missing)}


def can(user, action: str, honoree: Honoree) -> bool:
    return refusal(user, action, honoree) is None


def allowed_actions(user, honoree: Honoree, actions=None) -> list[str]:
    actions = actions or ("nominate", "approve", "reject", "withdraw", "withdraw_consent", "unplace")
    return [action for action in actions if can(user, action, honoree)]


def meeting_refusal(user, action: str) -> str | None:
    role = role_of(user)
    if role in MEETING_RULES[action]:
        return None
    return _("เฉพาะฝ่ายเลขานุการจังหวัดเท่านั้นที่%(action)sได้") % {"action": ACTION_LABELS[action]}


def role_model_permissions(role: str) -> set[str]:
    """The "app_label.codename" permissions of the role's group, from the tables above."""
    allowed = [("honoree", action) for action, roles in RULES.items() if role in roles]
    allowed += [("meeting", action) for action, roles in MEETING_RULES.items() if role in roles]
    allowed += [("office", action) for action, roles in OFFICE_RULES.items() if role in roles]
    allowed += [("programme", action) for action, roles in PROGRAMME_RULES.items() if role in roles]
    return {perm for key in allowed for perm in MODEL_PERMISSIONS.get(key, ())}


def role_groups_sync(*, using="default", apps=global_apps, **kwargs) -> None:
    """Give each role's group exactly the permissions the tables allow it (run after migrate)."""
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:  # a partial migrate (e.g. `migrate halloffame`) left auth out: nothing to sync
        return
    for app_config in global_apps.get_app_configs():  # apps later in the list have not had theirs made yet
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    _permission_names_in_thai(using=using, Permission=Permission)
    for role in ROLES:
        # The groups themselves come from networks/0003_roles; after a test database flush they are
        # gone until the serialized copy is restored, and creating them here would clash with it.
        group = Group.objects.using(using).filter(name=role).first()
        if group is None:
            continue
        wanted = [perm.split(".") for perm in role_model_permissions(role)]
        found = Permission.objects.using(using).select_related("content_type")
        found = found.filter(content_type__app_label__in={app_label for app_label, _codename in wanted})
        group.permissions.set([p for p in found if [p.content_type.app_label, p.codename] in wanted])


DEFAULT_PERMISSION_VERBS = {
    "add": gettext_lazy("เพิ่ม"),
    "change": gettext_lazy("แก้ไข"),
    "delete": gettext_lazy("ลบ"),
    "view": gettext_lazy("ดู"),
}


def _permission_names_in_thai(*, using, Permission) -> None:
    """Django names the default permissions in English ("Can add honoree"); the IT officer picks them
    on the group and user pages, so name them in Thai (เพิ่มผู้ได้รับการยกย่อง)."""
    renamed = []
    with translation.override("th"):
        for permission in Permission.objects.using(using).select_related("content_type"):
            verb, _sep, model_name = permission.codename.partition("_")
            model = global_apps.all_models.get(permission.content_type.app_label, {}).get(model_name)
            if verb not in DEFAULT_PERMISSION_VERBS or model is None or model_name != permission.content_type.model:
                continue
            name = f"{DEFAULT_PERMISSION_VERBS[verb]}{model._meta.verbose_name}"[:255]
            if permission.name != name:
                permission.name = name
                renamed.append(permission)
    Permission.objects.using(using).bulk_update(renamed, ["name"])
