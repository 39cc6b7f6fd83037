from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from honorees import permissions
from networks.models import District, Network, StaffProfile, Virtue


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name_th", "name_en"]
    search_fields = ["code", "name_th", "name_en"]

    def get_search_results(self, request, queryset, search_term):
        # Autocomplete on the honoree form: an officer may only pick their own districts.
        queryset = queryset.filter(pk__in=permissions.user_districts(request.user).values("pk"))
        return super().get_search_results(request, queryset, search_term)


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    list_display = ["order", "name_th", "name_en"]
    search_fields = ["name_th", "name_en"]


@admin.register(Virtue)
class VirtueAdmin(admin.ModelAdmin):
    list_display = ["order", "name_th", "name_en"]
    search_fields = ["name_th", "name_en"]


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "district_list"]
    list_filter = ["user__groups", "districts"]
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
