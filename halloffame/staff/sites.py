"""The staff admin site: Django's admin, landing on the dashboard of the user's role."""

from django.contrib.admin import AdminSite
from django.utils import timezone

from halloffame.staff.dashboard import dashboard_for


class StaffAdminSite(AdminSite):
    index_template = "admin/dashboard/index.html"

    def index(self, request, extra_context=None):
        context = {"dashboard": dashboard_for(user=request.user, today=timezone.localdate()), **(extra_context or {})}
        return super().index(request, context)
