from django.contrib import admin

from halloffame.staff import permissions
from networks.models import District, Network, Virtue


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    exclude = ["slug"]  # reference data from the migrations; its web address never changes
    list_display = ["code", "name_th", "name_en"]
    search_fields = ["code", "name_th", "name_en"]

    def get_search_results(self, request, queryset, search_term):
        # Autocomplete on the honoree form: an officer may only pick their own districts.
        queryset = queryset.filter(pk__in=permissions.user_districts(request.user).values("pk"))
        return super().get_search_results(request, queryset, search_term)


@admin.register(Network)
class NetworkAdmin(admin.ModelAdmin):
    exclude = ["slug"]  # reference data from the migrations; its web address never changes
    list_display = ["order", "name_th", "name_en"]
    search_fields = ["name_th", "name_en"]


@admin.register(Virtue)
class VirtueAdmin(admin.ModelAdmin):
    exclude = ["slug"]  # reference data from the migrations; its web address never changes
    list_display = ["order", "name_th", "name_en"]
    search_fields = ["name_th", "name_en"]
