from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from honorees.models import Honoree, PrivacyRequest


@admin.register(Honoree)
class HonoreeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "district", "network", "meeting", "status"]
    list_filter = ["status", "district", "network", "meeting", "kind"]
    search_fields = ["name", "name_en", "citation"]
    list_select_related = ["district", "network", "meeting"]
    autocomplete_fields = ["district", "network", "meeting"]
    filter_horizontal = ["virtues"]


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "honoree", "created_at", "handled_at"]
    list_filter = ["kind"]
    search_fields = ["requester_name", "message"]
    list_select_related = ["honoree"]
