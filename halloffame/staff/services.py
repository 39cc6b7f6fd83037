"""Staff accounts: create or update one with its role (group) and districts (add_staff calls this)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils.translation import gettext as _

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
