"""Staff accounts: create or update one with its role (group) and districts (add_staff and the
secretariat's account pages in the admin call these), and send a link to set a password."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import override

from halloffame.staff import permissions
from halloffame.staff.models import StaffProfile
from honorees.services import WorkflowError
from networks.models import District


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
    groups = _role_groups()
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
    _role_and_districts_set(user, role, districts, groups)
    return user, created


def _role_groups() -> dict:
    groups = {g.name: g for g in Group.objects.filter(name__in=permissions.ROLES)}
    if set(groups) != set(permissions.ROLES):
        raise WorkflowError(_("ยังไม่มีกลุ่มบทบาทในฐานข้อมูล — โปรดรัน python manage.py migrate ก่อน"))
    return groups


def _role_and_districts_set(user, role, districts, groups) -> None:
    user.groups.remove(*[g for name, g in groups.items() if name != role])
    user.groups.add(groups[role])
    profile, _created = StaffProfile.objects.get_or_create(user=user)
    profile.districts.set(districts)


def staff_role_errors(*, role: str, districts) -> dict[str, str]:
    """What is wrong with a role and its districts, as {field: Thai message} (the admin's form)."""
    if role not in permissions.ROLES:
        return {"role": _("โปรดเลือกบทบาท")}
    if role == permissions.DISTRICT_OFFICER and not districts:
        return {"districts": _("เจ้าหน้าที่วัฒนธรรมอำเภอต้องรับผิดชอบอย่างน้อยหนึ่งอำเภอ")}
    if role == permissions.SECRETARIAT and districts:
        return {"districts": _("ฝ่ายเลขานุการจังหวัดดูแลทุกอำเภออยู่แล้ว ไม่ต้องเลือกอำเภอ")}
    return {}


@transaction.atomic
def staff_account_save(*, user, role: str, districts, by):
    """Save an account the secretariat edits in the admin (a new one without a password: its owner
    sets one from the link staff_password_reset_send mails), with its role and districts."""
    errors = staff_role_errors(role=role, districts=districts)
    if errors:
        raise WorkflowError(" ".join(errors.values()))
    if user.pk is None:
        user.set_unusable_password()
    if user.pk == by.pk and not user.is_active:
        raise WorkflowError(_("ปิดบัญชีของตัวเองไม่ได้"))
    user.is_staff = True
    user.save()
    _role_and_districts_set(user, role, list(districts), _role_groups())
    return user


@transaction.atomic
def staff_deactivate(*, user, by) -> None:
    """Close an account: it can no longer log in; its records and history stay."""
    if user.pk == by.pk:
        raise WorkflowError(_("ปิดบัญชีของตัวเองไม่ได้"))
    user.is_active = False
    user.save(update_fields=["is_active"])


def staff_password_link(*, user) -> str:
    """The address where the account's owner sets a new password (valid PASSWORD_RESET_TIMEOUT)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})


def staff_password_reset_send(*, user, new_account: bool = False) -> None:
    """Mail the account's owner a link to set their password (for a new account: their first)."""
    if not user.is_active:
        raise WorkflowError(_("บัญชี %(username)s ปิดอยู่ เปิดบัญชีก่อนส่งลิงก์") % {"username": user.get_username()})
    if not user.email:
        raise WorkflowError(_("บัญชี %(username)s ยังไม่มีอีเมล") % {"username": user.get_username()})
    context = {
        "user": user,
        "link": staff_password_link(user=user),
        "new_account": new_account,
        "days": settings.PASSWORD_RESET_TIMEOUT // 86400,
        "login_url": settings.SITE_URL + reverse("admin:login"),
    }
    with override(settings.LANGUAGE_CODE):
        subject = render_to_string("staff/password_set_subject.txt", context).strip()
        body = render_to_string("staff/password_set_email.txt", context)
    EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
