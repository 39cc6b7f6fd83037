"""The programme in the staff admin, in Thai, scoped like honorees: a district officer sees and
proposes only their own districts' organisations and learning sources (another district's is a
404); the secretariat records assessments, publishes, and writes lessons and coaches. Every
status change is a service in networks/programme/services.py."""

import secrets

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from halloffame.staff.permissions import is_secretariat, role_of, user_districts
from honorees.forms import ImportUploadForm
from networks.programme import permissions, services, spreadsheets
from networks.programme.models import (
    Assessment,
    Coach,
    LearningSource,
    Lesson,
    LessonImage,
    ModelOrganisation,
    ProgrammeTarget,
    Status,
)

STEP_SERVICES = {
    "propose": services.record_propose,
    "publish": services.record_publish,
    "withdraw": services.record_withdraw,
    "withdraw_consent": lambda *, record, by: services.coach_withdraw_consent(coach=record, by=by),
}
STEP_DONE = {
    "propose": gettext_lazy("เสนอ %(name)s แล้ว"),
    "publish": gettext_lazy("เผยแพร่ %(name)s แล้ว"),
    "withdraw": gettext_lazy("ถอน %(name)s ออกแล้ว ไม่แสดงต่อสาธารณะ"),
    "withdraw_consent": gettext_lazy("บันทึกการถอนความยินยอมของ %(name)s แล้ว นำออกจากทุกหน้าสาธารณะทันที"),
}
IMPORT_SESSION_KEY = "assessment_import"
WORKFLOW_READONLY = ["status", "published_at", "created_by", "created_at", "updated_by", "updated_at"]


class ProgrammeAdmin(SimpleHistoryAdmin):
    """Scoping, the draft → proposed → published workflow and read-only history for every kind."""

    change_form_template = "admin/programme/change_form.html"
    list_per_page = 50
    actions = ["propose_selected", "publish_selected", "withdraw_selected"]

    def get_queryset(self, request):
        return permissions.visible(request.user, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:  # not there, or another district's: the same answer for both
            raise Http404(_("ไม่พบรายการนี้ หรือไม่ได้อยู่ในอำเภอที่คุณรับผิดชอบ"))
        return obj

    def has_add_permission(self, request):
        return super().has_add_permission(request) and role_of(request.user) is not None

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can(request.user, "edit", obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or permissions.can(request.user, "delete", obj))

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), *WORKFLOW_READONLY]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "district":
            kwargs["queryset"] = user_districts(request.user).order_by("code")
        if db_field.name == "organisation":
            kwargs["queryset"] = permissions.visible(request.user, ModelOrganisation.objects.all())
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "target_virtues":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_search_results(self, request, queryset, search_term):
        queryset = permissions.visible(request.user, queryset)
        return super().get_search_results(request, queryset, search_term)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        role = role_of(request.user)
        for step in ("propose", "publish", "withdraw"):
            if role not in permissions.RULES[step]:
                actions.pop(f"{step}_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.status = Status.DRAFT
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context["workflow_steps"] = [
                (step, permissions.ACTION_LABELS[step]) for step in permissions.allowed_steps(request.user, obj)
            ]
            context["step_url_name"] = f"admin:{self.opts.app_label}_{self.opts.model_name}_step"
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_view(self, request, object_id, extra_context=None):
        self.get_object(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.get_object(request, unquote(object_id))
        if request.method == "POST":
            raise PermissionDenied  # no revert: status changes only through the workflow
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_step"
        return [
            path("<path:object_id>/step/<slug:step>/", self.admin_site.admin_view(self.step_view), name=name),
            *super().get_urls(),
        ]

    def _run(self, request, step, obj) -> bool:
        try:
            STEP_SERVICES[step](record=obj, by=request.user)
        except services.WorkflowError as error:
            messages.error(request, error.message)
            return False
        messages.success(request, STEP_DONE[step] % {"name": obj.name})
        return True

    def step_view(self, request, object_id, step):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if step not in STEP_SERVICES:
            raise Http404(_("ไม่รู้จักขั้นตอนนี้"))
        self._run(request, step, obj)
        return HttpResponseRedirect(
            reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[obj.pk])
        )

    def _bulk(self, request, queryset, step):
        done = sum(self._run(request, step, obj) for obj in queryset)
        if done:
            messages.info(request, _("ดำเนินการแล้ว %(count)s รายการ") % {"count": done})

    @admin.action(description=gettext_lazy("เสนอรายการที่เลือก"))
    def propose_selected(self, request, queryset):
        self._bulk(request, queryset, "propose")

    @admin.action(description=gettext_lazy("เผยแพร่รายการที่เลือก"))
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish")

    @admin.action(description=gettext_lazy("ถอนรายการที่เลือกออก"))
    def withdraw_selected(self, request, queryset):
        self._bulk(request, queryset, "withdraw")


class AssessmentInline(admin.TabularInline):
    """The history of levels, one row per fiscal year (the secretariat records them; officers read)."""

    model = Assessment
    extra = 0
    fields = ["fiscal_year", "level", "notes", "recorded_by", "recorded_at"]
    readonly_fields = ["recorded_by", "recorded_at"]
    ordering = ["-fiscal_year"]


@admin.register(ModelOrganisation)
class ModelOrganisationAdmin(ProgrammeAdmin):
    list_display = ["name", "kind", "district", "network", "latest_level", "status"]
    list_filter = ["status", "kind", ("district", admin.RelatedOnlyFieldListFilter), "network", "assessments__level"]
    search_fields = ["name", "name_en", "summary"]
    list_select_related = ["district", "network"]
    autocomplete_fields = ["district", "network"]
    inlines = [AssessmentInline]
    fieldsets = [
        (None, {"fields": ["kind", "name", "name_en", "slug", ("district", "network"), "summary", "description"]}),
        (gettext_lazy("คุณธรรมเป้าหมาย"), {"fields": ["problems_to_solve", "goodness_to_do", "target_virtues"]}),
        (gettext_lazy("รูปภาพ"), {"fields": ["photo", "photo_alt"]}),
        (
            gettext_lazy("ข้อมูลติดต่อ"),
            {
                "description": gettext_lazy("แสดงในหน้าสาธารณะเฉพาะเมื่อองค์กรยินยอม (ทำเครื่องหมายช่องแรก)"),
                "fields": ["contact_is_public", "contact_person", "contact_phone", "contact_email", "contact_address"],
            },
        ),
        (
            gettext_lazy("สถานะ"),
            {
                "fields": [
                    "staff_notes",
                    "status",
                    "published_at",
                    ("created_by", "created_at"),
                    ("updated_by", "updated_at"),
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_latest_assessment()

    @admin.display(description=gettext_lazy("ระดับล่าสุด"), ordering="latest_level")
    def latest_level(self, obj):
        from networks.programme.models import Level

        if not obj.latest_level:
            return "—"
        return f"{Level(obj.latest_level).label} ({obj.latest_year})"

    def save_formset(self, request, form, formset, change):
        for instance in formset.save(commit=False):
            instance.recorded_by = request.user
            instance.save()
        for instance in formset.deleted_objects:
            instance.delete()


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    """All assessments, and the import of the Moral Center's spreadsheet (secretariat)."""

    change_list_template = "admin/programme/assessment/change_list.html"
    list_display = ["organisation", "fiscal_year", "level", "recorded_by", "recorded_at"]
    list_filter = ["fiscal_year", "level", "organisation__network"]
    search_fields = ["organisation__name", "organisation__name_en"]
    list_select_related = ["organisation", "recorded_by"]
    autocomplete_fields = ["organisation"]
    readonly_fields = ["recorded_by", "recorded_at"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_secretariat(request.user):
            return queryset
        return queryset.filter(organisation__district__in=user_districts(request.user))

    def save_model(self, request, obj, form, change):
        obj.recorded_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="programme_assessment_import"),
            path("import/confirm/", view(self.import_confirm_view), name="programme_assessment_import_confirm"),
            *super().get_urls(),
        ]

    def _context(self, request, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("นำเข้าผลการประเมินระดับคุณธรรมจากไฟล์ CSV หรือ Excel"),
            "columns": list(spreadsheets.COLUMNS.values()),
            **extra,
        }

    def _preview(self, rows):
        checked = spreadsheets.check_rows(rows)
        return {"checked": checked, "row_count": len(checked), "problem_count": sum(1 for r in checked if r.problems)}

    def import_view(self, request):
        if not is_secretariat(request.user):
            raise PermissionDenied
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        context = self._context(request, form=form)
        template = "admin/programme/assessment/import.html"
        if request.method == "POST":
            if not form.is_valid():
                return TemplateResponse(request, template, context, status=400)
            try:
                rows = spreadsheets.read_upload(form.cleaned_data["file"])
            except spreadsheets.SpreadsheetError as error:
                form.add_error("file", error.message)
                return TemplateResponse(request, template, context, status=400)
            token = secrets.token_urlsafe(16)
            request.session[IMPORT_SESSION_KEY] = {"token": token, "rows": rows}
            context.update(self._preview(rows), token=token)
        return TemplateResponse(request, template, context)

    def import_confirm_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not is_secretariat(request.user):
            raise PermissionDenied
        stored = request.session.get(IMPORT_SESSION_KEY) or {}
        if not stored or not secrets.compare_digest(stored.get("token", ""), request.POST.get("token", "")):
            messages.error(request, _("ไม่พบไฟล์ที่ตรวจไว้ หรือหมดอายุแล้ว โปรดอัปโหลดใหม่"))
            return HttpResponseRedirect(reverse("admin:programme_assessment_import"))
        try:
            saved = services.assessments_import(rows=stored["rows"], by=request.user)
        except services.WorkflowError as error:
            messages.error(request, error.message)
            context = self._context(request, form=ImportUploadForm(), token=stored["token"])
            context.update(self._preview(stored["rows"]))
            return TemplateResponse(request, "admin/programme/assessment/import.html", context, status=400)
        del request.session[IMPORT_SESSION_KEY]
        messages.success(request, _("บันทึกผลการประเมินแล้ว %(count)s รายการ") % {"count": len(saved)})
        return HttpResponseRedirect(reverse("admin:programme_assessment_changelist"))


@admin.register(LearningSource)
class LearningSourceAdmin(ProgrammeAdmin):
    list_display = ["name", "district", "network", "organisation", "status"]
    list_filter = ["status", ("district", admin.RelatedOnlyFieldListFilter), "network"]
    search_fields = ["name", "name_en", "what_you_learn"]
    list_select_related = ["district", "network", "organisation"]
    autocomplete_fields = ["district", "network", "organisation"]
    fieldsets = [
        (None, {"fields": ["name", "name_en", "slug", "organisation", ("district", "network"), "what_you_learn"]}),
        (
            gettext_lazy("การเข้าชม"),
            {
                "description": gettext_lazy("พิกัดต้องอยู่ในอำเภอที่เลือก (ดูจาก Google Maps: คลิกขวาที่จุด แล้วคัดลอกตัวเลข)"),
                "fields": ["address", ("latitude", "longitude"), "opening_hours", "how_to_book"],
            },
        ),
        (gettext_lazy("รูปภาพ"), {"fields": ["photo", "photo_alt"]}),
        (
            gettext_lazy("สถานะ"),
            {"fields": ["status", "published_at", ("created_by", "created_at"), ("updated_by", "updated_at")]},
        ),
    ]


class LessonImageInline(admin.StackedInline):
    model = LessonImage
    extra = 0
    fields = ["order", "photo", "caption"]


@admin.register(Lesson)
class LessonAdmin(ProgrammeAdmin):
    list_display = ["name", "network", "status", "published_at"]
    list_filter = ["status", "network"]
    search_fields = ["name", "summary", "body"]
    list_select_related = ["network"]
    autocomplete_fields = ["network", "organisations", "honorees"]
    inlines = [LessonImageInline]
    fields = ["network", "name", "name_en", "slug", "summary", "body", "organisations", "honorees", *WORKFLOW_READONLY]


class CoachForm(forms.ModelForm):
    class Meta:
        model = Coach
        fields = [
            *("name", "name_en", "slug", "organisation", "network", "district", "role", "story", "photo"),
            *("photo_alt", "is_living", "is_minor", "consent_given_on", "consent_method", "consent_covers_name"),
            *("consent_covers_photo", "consent_covers_story", "guardian_name", "guardian_consent_on", "contact_phone"),
        ]


@admin.register(Coach)
class CoachAdmin(ProgrammeAdmin):
    form = CoachForm
    list_display = ["name", "organisation", "network", "district", "status", "consent_ok"]
    list_filter = ["status", "network", ("district", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "name_en", "role"]
    list_select_related = ["organisation", "network", "district"]
    autocomplete_fields = ["organisation", "network", "district"]
    fieldsets = [
        (None, {"fields": ["name", "name_en", "slug", "organisation", ("network", "district"), "role", "story"]}),
        (gettext_lazy("รูปภาพ"), {"fields": ["photo", "photo_alt"]}),
        (
            gettext_lazy("ความยินยอมตาม PDPA"),
            {
                "description": gettext_lazy("กฎเดียวกับผู้ได้รับการยกย่อง: บุคคลที่ยังมีชีวิตอยู่ต้องมีความยินยอมที่บันทึกไว้จึงจะเผยแพร่ได้"),
                "fields": [
                    ("is_living", "is_minor"),
                    ("consent_given_on", "consent_method"),
                    ("consent_covers_name", "consent_covers_photo", "consent_covers_story"),
                    ("guardian_name", "guardian_consent_on"),
                    ("consent_withdrawn_at", "consent_withdrawn_by"),
                    "contact_phone",
                ],
            },
        ),
        (
            gettext_lazy("สถานะ"),
            {"fields": ["status", "published_at", ("created_by", "created_at"), ("updated_by", "updated_at")]},
        ),
    ]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "consent_withdrawn_at", "consent_withdrawn_by"]

    @admin.display(description=gettext_lazy("ความยินยอม"), boolean=True)
    def consent_ok(self, obj):
        return obj.has_publishable_consent


@admin.register(ProgrammeTarget)
class ProgrammeTargetAdmin(admin.ModelAdmin):
    list_display = ["__str__", "model_organisations", "updated_at"]
    list_filter = []
    search_fields = []

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not ProgrammeTarget.objects.exists()
