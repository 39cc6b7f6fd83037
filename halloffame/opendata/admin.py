from django.contrib import admin
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from halloffame.opendata import reports
from halloffame.opendata.models import CoverageReport
from halloffame.staff.permissions import is_secretariat
from honorees.filters import fiscal_year_param
from meetings.models import Meeting


@admin.register(CoverageReport)
class CoverageReportAdmin(admin.ModelAdmin):
    """The secretariat's coverage report per fiscal year, on screen and as XLSX."""

    def has_module_permission(self, request):
        return is_secretariat(request.user)

    def has_view_permission(self, request, obj=None):
        return is_secretariat(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("", view(self.changelist_view), name="opendata_coveragereport_changelist"),
            path("xlsx/", view(self.xlsx_view), name="opendata_coveragereport_xlsx"),
        ]

    def _fiscal_year(self, request):
        if not self.has_view_permission(request):
            raise Http404
        try:
            return fiscal_year_param(request.GET.get("fiscal_year")) or reports.default_fiscal_year(), False
        except ValueError:
            return reports.default_fiscal_year(), True

    def changelist_view(self, request, extra_context=None):
        fiscal_year, invalid = self._fiscal_year(request)
        report = reports.report_build(fiscal_year=fiscal_year)
        years = set(Meeting.objects.published().values_list("fiscal_year", flat=True).distinct()) | {fiscal_year}
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": report.title,
            "report": report,
            "data": report.coverage,
            "fiscal_years": sorted(years, reverse=True),
            "invalid": invalid,
            "today": timezone.localdate(),
        }
        response = TemplateResponse(request, "admin/opendata/coverage_report.html", context)
        if invalid:
            response.status_code = 400
        return response

    def xlsx_view(self, request):
        fiscal_year, invalid = self._fiscal_year(request)
        if invalid:
            return HttpResponse(_("ปีงบประมาณไม่ถูกต้อง"), status=400, content_type="text/plain; charset=utf-8")
        report = reports.report_build(fiscal_year=fiscal_year)
        response = HttpResponse(
            reports.report_xlsx(report),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="coverage-{fiscal_year}.xlsx"'
        return response
