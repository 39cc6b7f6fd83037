from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from meetings.models import Meeting


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "date", "venue", "is_published"]
    list_filter = ["is_published", "fiscal_year"]
    search_fields = ["title", "venue"]
    date_hierarchy = "date"
