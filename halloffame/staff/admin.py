"""Staff accounts in the admin: the secretariat creates officer accounts, sets their role and
districts, closes them and sends a link to set a password, without a shell (add_staff stays for
the IT officer). Writes go through halloffame/staff/services.py."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from halloffame.staff import permissions, services
from halloffame.staff.models import NominationDigest, StaffProfile
from honorees.services import WorkflowError
from networks.models import District

User = get_user_model()


class RoleFilter(admin.SimpleListFilter):
    """The role by its Thai name (the groups are named by their code, e.g. district_officer)."""

    title = _("บทบาท")
    parameter_name = "role"

    def lookups(self, request, model_admin):
        return [(role, permissions.ROLE_LABELS[role]) for role in permissions.ROLES]

    def queryset(self, request, queryset):
        if self.value() in permissions.ROLES:
            return queryset.filter(user__groups__name=self.value())
        return queryset


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "district_list"]
    list_filter = [RoleFilter, "districts"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["districts"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("districts", "user__groups")

    @admin.display(description=gettext_lazy("บทบาท"))
    def role(self, obj):
        names = [g.name for g in obj.user.groups.all()]
        return ", ".join(str(permissions.ROLE_LABELS.get(name, name)) for name in names) or "—"

    @admin.display(description=gettext_lazy("อำเภอที่รับผิดชอบ"))
    def district_list(self, obj):
        return ", ".join(f"{d.code} {d.name_th}" for d in obj.districts.all()) or "—"


@admin.register(NominationDigest)
class NominationDigestAdmin(admin.ModelAdmin):
    list_display = ["day", "user", "honoree_count", "sent_at"]
    list_filter = ["day"]
    search_fields = ["user__username"]
    list_select_related = ["user"]
    date_hierarchy = "day"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StaffAccountForm(forms.ModelForm):
    role = forms.ChoiceField(
        label=gettext_lazy("บทบาท"), choices=[(role, permissions.ROLE_LABELS[role]) for role in permissions.ROLES]
    )
    districts = forms.ModelMultipleChoiceField(
        District.objects.order_by("code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("อำเภอที่รับผิดชอบ"),
        help_text=gettext_lazy("เฉพาะเจ้าหน้าที่วัฒนธรรมอำเภอ ฝ่ายเลขานุการจังหวัดดูแลทุกอำเภอ"),
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "last_name", "email", "is_active"]
        labels = {
            "username": gettext_lazy("ชื่อผู้ใช้"),
            "first_name": gettext_lazy("ชื่อ"),
            "last_name": gettext_lazy("นามสกุล"),
            "email": gettext_lazy("อีเมล"),
            "is_active": gettext_lazy("เปิดใช้บัญชี"),
        }
        help_texts = {
            "username": gettext_lazy("อักษรอังกฤษ ตัวเลข และ @ . + - _ ไม่เกิน 150 ตัว ใช้เข้าสู่ระบบ"),
            "email": gettext_lazy("ลิงก์ตั้งรหัสผ่านและการแจ้งเตือนส่งไปที่อีเมลนี้"),
            "is_active": gettext_lazy("เอาเครื่องหมายออกเพื่อปิดบัญชี (เข้าสู่ระบบไม่ได้ แต่ประวัติการทำงานยังอยู่)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        user = self.instance
        if user.pk:
            self.initial.setdefault("role", permissions.role_of(user) or "")
            profile = StaffProfile.objects.filter(user=user).first()
            self.initial.setdefault("districts", list(profile.districts.all()) if profile else [])
        else:
            self.initial.setdefault("role", permissions.DISTRICT_OFFICER)

    def clean_username(self):
        return (self.cleaned_data.get("username") or "").strip()

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        if role:
            for field, message in services.staff_role_errors(role=role, districts=cleaned.get("districts")).items():
                self.add_error(field, message)
        editor = getattr(self, "editor", None)
        if editor is not None and self.instance.pk == editor.pk and cleaned.get("is_active") is False:
            self.add_error("is_active", _("ปิดบัญชีของตัวเองไม่ได้"))
        return cleaned


class StaffUserAdmin(admin.ModelAdmin):
    form = StaffAccountForm
    list_display = ["username", "full_name", "email", "role_label", "district_list", "is_active", "last_login"]
    list_filter = ["is_active", "groups"]
    search_fields = ["username", "first_name", "last_name", "email"]
    list_select_related = []
    ordering = ["username"]
    actions = ["send_password_link_selected", "deactivate_selected"]
    fieldsets = [
        (gettext_lazy("บัญชี"), {"fields": ["username", ("first_name", "last_name"), "email", "is_active"]}),
        (gettext_lazy("บทบาทและอำเภอ"), {"fields": ["role", "districts"]}),
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).prefetch_related("groups", "staff_profile__districts")
        if not request.user.is_superuser:  # the IT officer's accounts are not the secretariat's to change
            queryset = queryset.filter(is_superuser=False)
        return queryset

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("ไม่พบบัญชีนี้"))
        return obj

    def has_delete_permission(self, request, obj=None):
        return False  # accounts are closed, never deleted: their history names them

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"editor": request.user})

    @admin.display(description=gettext_lazy("ชื่อ-นามสกุล"))
    def full_name(self, obj):
        return obj.get_full_name() or "—"

    @admin.display(description=gettext_lazy("บทบาท"))
    def role_label(self, obj):
        if obj.is_superuser:
            return _("ผู้ดูแลระบบ")
        names = [g.name for g in obj.groups.all() if g.name in permissions.ROLES]
        return ", ".join(str(permissions.ROLE_LABELS[name]) for name in names) or "—"

    @admin.display(description=gettext_lazy("อำเภอที่รับผิดชอบ"))
    def district_list(self, obj):
        profile = getattr(obj, "staff_profile", None)
        districts = profile.districts.all() if profile else []
        return ", ".join(f"{d.code} {d.name_th}" for d in districts) or "—"

    def save_model(self, request, obj, form, change):
        services.staff_account_save(
            user=obj, role=form.cleaned_data["role"], districts=form.cleaned_data["districts"], by=request.user
        )

    def save_related(self, request, form, formsets, change):
        pass  # the role and districts are saved by staff_account_save

    def response_add(self, request, obj, post_url_continue=None):
        self._send_link(request, obj, new_account=True)
        return super().response_add(request, obj, post_url_continue)

    def _send_link(self, request, user, *, new_account=False) -> bool:
        try:
            services.staff_password_reset_send(user=user, new_account=new_account)
        except WorkflowError as error:
            messages.error(request, error.message)
            return False
        except Exception:  # the mail server: the account is saved, the link can be sent again
            messages.error(request, _("ส่งอีเมลไม่สำเร็จ โปรดลองส่งลิงก์อีกครั้งภายหลัง"))
            return False
        messages.success(
            request, _("ส่งลิงก์ตั้งรหัสผ่านไปที่ %(email)s แล้ว") % {"email": user.email}
        )  # fmt: skip
        return True

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/password-link/", view(self.password_link_view), name="auth_user_password_link"),
            *super().get_urls(),
        ]

    def password_link_view(self, request, object_id):
        if not self.has_change_permission(request):
            raise Http404
        user = self.get_object(request, unquote(object_id))
        if request.method == "POST":
            self._send_link(request, user)
            return HttpResponseRedirect(reverse("admin:auth_user_change", args=[user.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": user,
            "title": _("ส่งลิงก์ตั้งรหัสผ่านให้ %(username)s") % {"username": user.get_username()},
        }
        return TemplateResponse(request, "admin/auth/user/password_link_confirm.html", context)

    @admin.action(description=gettext_lazy("ส่งลิงก์ตั้งรหัสผ่านให้บัญชีที่เลือก"))
    def send_password_link_selected(self, request, queryset):
        for user in queryset:
            self._send_link(request, user)

    @admin.action(description=gettext_lazy("ปิดบัญชีที่เลือก"))
    def deactivate_selected(self, request, queryset):
        closed = 0
        for user in queryset:
            try:
                services.staff_deactivate(user=user, by=request.user)
                closed += 1
            except WorkflowError as error:
                messages.error(request, error.message)
        if closed:
            messages.success(request, _("ปิดบัญชีแล้ว %(count)s บัญชี") % {"count": closed})


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, StaffUserAdmin)
