from django.contrib import admin

from networks.models import District, Network, StaffProfile, Virtue


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name_th", "name_en"]
    search_fields = ["code", "name_th", "name_en"]


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
    list_display = ["user"]
    search_fields = ["user__username"]
    filter_horizontal = ["districts"]
