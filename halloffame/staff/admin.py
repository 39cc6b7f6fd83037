from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from halloffame.staff import permissions
from halloffame.staff.models import StaffProfile


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

    @admin.display(description=_("บทบาท"))
    def role(self, obj):
        names = [g.name for g in obj.user.groups.all()]
        return ", ".join(str(permissions.ROLE_LABELS.get(name, name)) for name in names) or "—"

    @admin.display(description=_("อำเภอที่รับผิดชอบ"))
    def district_list(self, obj):
        return ", ".join(f"{d.code} {d.name_th}" for d in obj.districts.all()) or "—"
