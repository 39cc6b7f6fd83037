"""The staff workflow in the admin. Every change of status is a POST to a small view that calls
a service in honorees/services.py; who may do what is decided in halloffame/staff/permissions.py."""

import secrets

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from halloffame import thai
from halloffame.staff import permissions
from halloffame.staff.dashboard import days_phrase
from honorees import services, spreadsheets
from honorees.forms import HonoreeAdminForm, ImportUploadForm, RejectForm
from honorees.models import Honoree, PrivacyRequest
from honorees.photos import pending
from honorees.photos.renditions import thumbnail_url
from honorees.views import HonoreePreviewView
from meetings.models import Meeting

admin.site.site_header = gettext_lazy("หอเกียรติยศคนดี — ระบบเจ้าหน้าที่")
admin.site.site_title = gettext_lazy("ระบบเจ้าหน้าที่ หอเกียรติยศคนดี")
admin.site.index_title = gettext_lazy("งานของเจ้าหน้าที่")

IMPORT_SESSION_KEY = "honoree_import"
# The workflow steps of the step view (reject asks for a reason on its own page). Each is taken by
# a POST; a GET shows what it will do and asks for confirmation.
SIMPLE_STEPS = {
    "nominate": services.honoree_nominate,
    "approve": services.honoree_approve,
    "withdraw": services.honoree_withdraw,
    "withdraw_consent": services.honoree_withdraw_consent,
    "unplace": services.honoree_unplace,
}
# Steps that cannot be undone: a POST takes them only with confirm=1 (from their confirmation page).
CONFIRMED_STEPS = frozenset({"withdraw", "withdraw_consent"})
# What each step will do, for its confirmation page.
STEP_CONSEQUENCES = {
    "nominate": [
        gettext_lazy("ส่งรายชื่อให้ฝ่ายเลขานุการจังหวัดพิจารณา สถานะจะเป็น “เสนอชื่อแล้ว”"),
        gettext_lazy("ยังแก้ไขข้อมูลได้จนกว่าจะได้รับการอนุมัติ"),
    ],
    "approve": [
        gettext_lazy("สถานะจะเป็น “อนุมัติแล้ว” และพร้อมบรรจุในที่ของอำเภอในการประชุม"),
        gettext_lazy("เจ้าหน้าที่วัฒนธรรมอำเภอจะได้รับอีเมลแจ้ง"),
    ],
    "withdraw": [
        gettext_lazy("สถานะจะเป็น “ถอนออก” และนำออกจากหน้าสาธารณะ ฟีด แผนที่ และรูปภาพทันที หากเผยแพร่อยู่"),
        gettext_lazy("ที่ของอำเภอในการประชุม (ถ้ามี) จะว่าง"),
        gettext_lazy("ย้อนกลับในระบบไม่ได้ ถ้าต้องการเสนอชื่ออีกครั้งต้องสร้างรายการใหม่"),
    ],
    "withdraw_consent": [
        gettext_lazy("บันทึกว่าเจ้าของข้อมูล (หรือผู้ปกครอง) ถอนความยินยอมแล้ว พร้อมวันเวลาและชื่อผู้บันทึก"),
        gettext_lazy("สถานะจะเป็น “ถอนออก” และนำออกจากทุกหน้าสาธารณะ ฟีด และรูปภาพทันที"),
        gettext_lazy("ย้อนกลับในระบบไม่ได้"),
    ],
    "unplace": [
        gettext_lazy("นำออกจากการประชุม ที่ของอำเภอในการประชุมนั้นจะว่าง"),
        gettext_lazy("สถานะยังคงเป็น “อนุมัติแล้ว” บรรจุในการประชุมอื่นได้"),
    ],
}
REJECT_CONSEQUENCES = [
    gettext_lazy("สถานะจะเป็น “ไม่อนุมัติ” และนำออกจากการประชุม (ถ้าบรรจุไว้) ที่ของอำเภอจะว่าง"),
    gettext_lazy("เจ้าหน้าที่วัฒนธรรมอำเภอจะเห็นเหตุผลนี้และได้รับอีเมลแจ้ง แก้ไขแล้วเสนอชื่อใหม่ได้"),
]
STEP_DONE = {
    "nominate": gettext_lazy("เสนอชื่อ %(name)s แล้ว"),
    "approve": gettext_lazy("อนุมัติ %(name)s แล้ว"),
    "reject": gettext_lazy("บันทึกว่าไม่อนุมัติ %(name)s แล้ว"),
    "withdraw": gettext_lazy("ถอน %(name)s ออกแล้ว ไม่แสดงต่อสาธารณะ"),
    "withdraw_consent": gettext_lazy("บันทึกการถอนความยินยอมของ %(name)s แล้ว นำออกจากทุกหน้าสาธารณะทันที"),
    "unplace": gettext_lazy("นำ %(name)s ออกจากการประชุมแล้ว"),
    "place": gettext_lazy("บรรจุ %(name)s ในการประชุมแล้ว"),
}


@admin.register(Honoree)
class HonoreeAdmin(SimpleHistoryAdmin):
    form = HonoreeAdminForm
    list_display = ["thumbnail", "name", "kind", "district", "network", "meeting_number", "status", "consent_ok"]
    list_display_links = ["thumbnail", "name"]
    list_filter = ["status", ("district", admin.RelatedOnlyFieldListFilter), "network", "meeting", "kind"]
    search_fields = ["name", "name_en", "citation"]
    list_select_related = ["district", "network", "meeting"]
    autocomplete_fields = ["district", "network", "model_organisation"]
    list_per_page = 50
    actions = ["nominate_selected", "approve_selected", "reject_selected", "withdraw_selected"]
    fieldsets = [
        (
            gettext_lazy("ข้อมูลผู้ได้รับการยกย่อง"),
            {
                "fields": [
                    "kind",
                    "name",
                    "name_en",
                    "slug",
                    ("district", "network"),
                    "model_organisation",
                    "virtues",
                    "citation",
                    "story",
                    "photo",
                    "photo_pending",
                    ("photo_focus_x", "photo_focus_y"),
                    "photo_alt",
                ]
            },
        ),
        (
            gettext_lazy("ฉบับภาษาอังกฤษ (ไม่บังคับ)"),
            {
                "description": gettext_lazy("หน้าภาษาอังกฤษใช้ข้อความนี้ ถ้าเว้นว่างจะแสดงข้อความภาษาไทยพร้อมหมายเหตุ"),
                "fields": ["citation_en", "story_en"],
            },
        ),
        (
            gettext_lazy("ความยินยอมตาม PDPA"),
            {
                "description": gettext_lazy(
                    "บุคคลที่ยังมีชีวิตอยู่ต้องมีความยินยอมที่บันทึกไว้ (วันที่ วิธี และสิ่งที่ยินยอมให้เผยแพร่) "
                    "จึงจะเผยแพร่ได้ ผู้เยาว์ต้องมีความยินยอมของผู้ปกครองด้วย รูปภาพที่ไม่ได้รับความยินยอมจะไม่แสดงต่อสาธารณะ"
                ),
                "fields": [
                    ("is_living", "is_minor"),
                    ("consent_given_on", "consent_method"),
                    ("consent_covers_name", "consent_covers_photo", "consent_covers_story"),
                    ("guardian_name", "guardian_consent_on"),
                    ("consent_withdrawn_at", "consent_withdrawn_by"),
                ],
            },
        ),
        (
            gettext_lazy("ข้อมูลติดต่อ (เจ้าหน้าที่เท่านั้น)"),
            {
                "description": gettext_lazy("ไม่แสดงในหน้าสาธารณะ ฟีด หรือไฟล์สำหรับสาธารณะใด ๆ"),
                "fields": ["contact_phone", "contact_email", "contact_address", "staff_notes"],
            },
        ),
        (
            gettext_lazy("สถานะ"),
            {
                "fields": [
                    ("status", "meeting"),
                    "rejection_reason",
                    "published_at",
                    ("created_by", "created_at"),
                    ("updated_by", "updated_at"),
                ]
            },
        ),
    ]
    # Status, meeting and consent withdrawal change only through the workflow buttons (services).
    base_readonly_fields = [
        "status",
        "meeting",
        "rejection_reason",
        "published_at",
        "consent_withdrawn_at",
        "consent_withdrawn_by",
        "created_by",
        "created_at",
        "updated_by",
        "updated_at",
    ]

    # ------------------------------------------------------------ list

    @admin.display(description=gettext_lazy("รูป"))
    def thumbnail(self, obj):
        """The list's small picture: the smallest square rendition."""
        url = thumbnail_url(obj)
        if not url:
            return "—"
        return format_html('<img src="{}" alt="" width="48" height="48" class="hof-thumb">', url)

    @admin.display(description=gettext_lazy("การประชุม"), ordering="meeting__date")
    def meeting_number(self, obj):
        return obj.meeting.fiscal_number if obj.meeting else "—"

    @admin.display(description=gettext_lazy("ความยินยอม"), boolean=True)
    def consent_ok(self, obj):
        return obj.has_publishable_consent

    # ------------------------------------------------------------ who sees and changes what

    def get_queryset(self, request):
        return permissions.visible_honorees(request.user, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:  # not there, or another district's: the same answer for both
            raise Http404(_("ไม่พบผู้ได้รับการยกย่องรายการนี้ หรือไม่ได้อยู่ในอำเภอที่คุณรับผิดชอบ"))
        return obj

    def has_add_permission(self, request):
        return super().has_add_permission(request) and permissions.role_of(request.user) is not None

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or permissions.can(request.user, "edit", obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or permissions.can(request.user, "delete", obj))

    class Media:
        js = ["js/photo-focus.js"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        hidden = set()
        if not permissions.is_secretariat(request.user):
            hidden.add("slug")  # officers never see it: the system makes it (from the English name) and keeps it
        if obj is not None and not self.has_change_permission(request, obj):
            hidden.add("photo_pending")  # a read-only view has no upload to keep
        if not hidden:
            return fieldsets
        return [
            (title, {**options, "fields": [f for f in options["fields"] if f not in hidden]})
            for title, options in fieldsets
        ]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if "district" not in initial and not permissions.is_secretariat(request.user):
            districts = permissions.user_district_ids(request.user)
            if len(districts) == 1:  # an officer of one district: it is theirs
                initial["district"] = next(iter(districts))
        return initial

    def get_readonly_fields(self, request, obj=None):
        fields = list(self.base_readonly_fields)
        if obj and obj.status == Honoree.Status.PUBLISHED:
            fields.append("slug")  # public links must not break
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "district":
            kwargs["queryset"] = permissions.user_districts(request.user).order_by("code")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "virtues":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # deleting goes one by one, through the rules
        role = permissions.role_of(request.user)
        steps = {"nominate_selected": "nominate", "approve_selected": "approve", "reject_selected": "reject"}
        steps["withdraw_selected"] = "withdraw"
        for name, step in steps.items():
            if role not in permissions.RULES[step]:
                actions.pop(name, None)
        return actions

    def get_search_results(self, request, queryset, search_term):
        # get_queryset() already limits officers; autocomplete from other admins also lands here.
        queryset = permissions.visible_honorees(request.user, queryset)
        return queryset.search(search_term), False  # the public page's search (halloffame/thai.py)

    # ------------------------------------------------------------ saving

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.status = Honoree.Status.DRAFT
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
        if getattr(form, "pending_token", ""):  # the kept photo is the honoree's now
            token, session = form.pending_token, request.session
            transaction.on_commit(lambda: pending.pending_photo_discard(session=session, token=token))

    def response_add(self, request, obj, post_url_continue=None):
        self._warn(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._warn(request, obj)
        return super().response_change(request, obj)

    def _warn(self, request, obj):
        for other in self.duplicates(obj):
            messages.warning(request, self._duplicate_message(request, other))
        if obj.status in (Honoree.Status.NOMINATED, Honoree.Status.APPROVED) and not obj.has_publishable_consent:
            messages.warning(
                request, _("%(name)s ยังไม่มีความยินยอมที่เผยแพร่ได้ตาม PDPA จะเผยแพร่ไม่ได้จนกว่าจะบันทึก") % {"name": obj.name}
            )

    def duplicates(self, obj):
        return Honoree.objects.named_like(obj.name).exclude(pk=obj.pk).select_related("district")

    def _duplicate_message(self, request, other):
        if not permissions.covers_district(request.user, other.district_id):
            # Another district's record is not this user's to see: not its name, district or status.
            return _("ชื่อนี้อาจซ้ำกับผู้ได้รับการยกย่องในอำเภออื่น โปรดสอบถามสำนักงานวัฒนธรรมจังหวัดก่อนเสนอชื่อ")
        text = _("ชื่อนี้อาจซ้ำกับ %(name)s (อำเภอ%(district)s, %(status)s)") % {
            "name": other.name,
            "district": other.district.name_th,
            "status": other.get_status_display(),
        }
        url = reverse("admin:honorees_honoree_change", args=[other.pk])
        return format_html('{} — <a href="{}">{}</a>', text, url, _("เปิดดูรายการนั้น"))

    # ------------------------------------------------------------ change page

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            steps = permissions.allowed_actions(request.user, obj)
            held_back = [
                permissions.consent_refusal(step, obj)
                for step in ("nominate", "approve")
                if step not in steps and permissions.refusal(request.user, step, obj, check_consent=False) is None
            ]
            context.update(
                workflow_steps=[
                    (step, permissions.ACTION_LABELS[step], step in CONFIRMED_STEPS)
                    for step in steps
                    if step not in ("reject", "unplace")
                ],
                consent_held_back=held_back,
                preview_url=reverse("admin:honorees_honoree_preview", args=[obj.pk]),
                can_reject="reject" in steps,
                can_unplace="unplace" in steps,
                place_meetings=self._place_meetings(request, obj),
                duplicates=[(other, self._duplicate_message(request, other)) for other in self.duplicates(obj)],
                role_label=permissions.ROLE_LABELS.get(permissions.role_of(request.user), ""),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _place_meetings(self, request, obj):
        if obj.meeting_id or not permissions.can(request.user, "place", obj):
            return []
        taken = Honoree.objects.holding_place().filter(district_id=obj.district_id)
        return list(Meeting.objects.exclude(pk__in=taken.values("meeting")).order_by("-date")[:24])

    # ------------------------------------------------------------ history (read-only, own districts)

    def history_view(self, request, object_id, extra_context=None):
        self.get_object(request, unquote(object_id))  # 404 for another district's honoree
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.get_object(request, unquote(object_id))
        if request.method == "POST":
            raise PermissionDenied  # no revert: status changes only through the workflow
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    # ------------------------------------------------------------ urls

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("export/csv/", view(self.export_csv_view), name="honorees_honoree_export_csv"),
            path("export/xlsx/", view(self.export_xlsx_view), name="honorees_honoree_export_xlsx"),
            path("import/", view(self.import_view), name="honorees_honoree_import"),
            path("import/confirm/", view(self.import_confirm_view), name="honorees_honoree_import_confirm"),
            path("import/template/", view(self.import_template_view), name="honorees_honoree_import_template"),
            path("<path:object_id>/step/<slug:step>/", view(self.step_view), name="honorees_honoree_step"),
            path("<path:object_id>/reject/", view(self.reject_view), name="honorees_honoree_reject"),
            path("<path:object_id>/place/", view(self.place_view), name="honorees_honoree_place"),
            # Not admin_view(): the public gets a 404 here, not the login page.
            path("<path:object_id>/preview/", self.preview_view, name="honorees_honoree_preview"),
            *super().get_urls(),
        ]

    def preview_view(self, request, object_id):
        if not self.has_view_permission(request):
            raise Http404(_("ไม่พบผู้ได้รับการยกย่องรายการนี้"))
        return HonoreePreviewView.as_view()(request, pk=object_id)

    def _back(self, obj):
        return HttpResponseRedirect(reverse("admin:honorees_honoree_change", args=[obj.pk]))

    def _run(self, request, step, function, obj, **kwargs) -> bool:
        try:
            function(honoree=obj, by=request.user, **kwargs)
        except services.WorkflowError as error:
            messages.error(request, error.message)
            return False
        messages.success(request, STEP_DONE[step] % {"name": obj.name})
        return True

    def step_view(self, request, object_id, step):
        obj = self.get_object(request, unquote(object_id))
        if step not in SIMPLE_STEPS:
            raise Http404(_("ไม่รู้จักขั้นตอนนี้"))
        confirmed = step not in CONFIRMED_STEPS or request.POST.get("confirm") == "1"
        if request.method == "POST" and confirmed:
            self._run(request, step, SIMPLE_STEPS[step], obj)
            return self._back(obj)
        # A GET (a link followed, an address typed) or an unconfirmed POST: say what will happen.
        refusal = permissions.refusal(request.user, step, obj)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("ยืนยัน: %(action)s %(name)s") % {"action": permissions.ACTION_LABELS[step], "name": obj.name},
            "original": obj,
            "honorees": [obj],
            "step": step,
            "step_label": permissions.ACTION_LABELS[step],
            "consequences": STEP_CONSEQUENCES[step],
            "irreversible": step in CONFIRMED_STEPS,
            "refusal": refusal,
            "action_url": reverse("admin:honorees_honoree_step", args=[obj.pk, step]),
            "cancel_url": reverse("admin:honorees_honoree_change", args=[obj.pk]),
        }
        status = 403 if refusal else 200
        return TemplateResponse(request, "admin/honorees/honoree/step_confirm.html", context, status=status)

    def reject_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        reason = permissions.refusal(request.user, "reject", obj)
        if reason:
            messages.error(request, reason)
            return self._back(obj)
        form = RejectForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if self._run(request, "reject", services.honoree_reject, obj, reason=form.cleaned_data["reason"]):
                return self._back(obj)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("ไม่อนุมัติ %(name)s") % {"name": obj.name},
            "original": obj,
            "form": form,
            "honorees": [obj],
            "consequences": REJECT_CONSEQUENCES,
        }
        return TemplateResponse(request, "admin/honorees/honoree/reject.html", context)

    def place_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if request.method != "POST":  # the meeting is chosen on the honoree's page
            return HttpResponseRedirect(reverse("admin:honorees_honoree_change", args=[obj.pk]) + "#hof-workflow-title")
        meeting_id = request.POST.get("meeting", "")
        meeting = Meeting.objects.filter(pk=meeting_id).first() if _is_int(meeting_id) else None
        if meeting is None:
            messages.error(request, _("โปรดเลือกการประชุม"))
        else:
            self._run(request, "place", services.honoree_place, obj, meeting=meeting)
        return self._back(obj)

    # ------------------------------------------------------------ list actions (call the same services)

    def _bulk(self, request, queryset, step, function, **kwargs):
        done = 0
        for obj in queryset:
            try:
                function(honoree=obj, by=request.user, **kwargs)
                done += 1
            except services.WorkflowError as error:
                messages.error(request, error.message)
        if done:
            messages.success(request, _("%(action)sแล้ว %(count)s รายการ") % {
                "action": permissions.ACTION_LABELS[step], "count": done
            })  # fmt: skip

    @admin.action(description=gettext_lazy("เสนอชื่อรายการที่เลือก"))
    def nominate_selected(self, request, queryset):
        self._bulk(request, queryset, "nominate", services.honoree_nominate)

    @admin.action(description=gettext_lazy("อนุมัติรายการที่เลือก"))
    def approve_selected(self, request, queryset):
        self._bulk(request, queryset, "approve", services.honoree_approve)

    @admin.action(description=gettext_lazy("ถอนรายการที่เลือกออก"))
    def withdraw_selected(self, request, queryset):
        if request.POST.get("confirm") == "1":
            self._bulk(request, queryset, "withdraw", services.honoree_withdraw)
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("ยืนยัน: ถอนรายการที่เลือกออก"),
            "honorees": list(queryset.select_related("district")),
            "step": "withdraw",
            "step_label": permissions.ACTION_LABELS["withdraw"],
            "consequences": STEP_CONSEQUENCES["withdraw"],
            "irreversible": True,
            "bulk": True,
            "bulk_action": "withdraw_selected",
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "action_url": "",
            "cancel_url": reverse("admin:honorees_honoree_changelist"),
        }
        return TemplateResponse(request, "admin/honorees/honoree/step_confirm.html", context)

    @admin.action(description=gettext_lazy("ไม่อนุมัติรายการที่เลือก (ระบุเหตุผล)"))
    def reject_selected(self, request, queryset):
        form = RejectForm(request.POST if "reason" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._bulk(request, queryset, "reject", services.honoree_reject, reason=form.cleaned_data["reason"])
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("ไม่อนุมัติรายการที่เลือก"),
            "form": form,
            "honorees": list(queryset),
            "bulk": True,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "consequences": REJECT_CONSEQUENCES,
        }
        return TemplateResponse(request, "admin/honorees/honoree/reject.html", context)

    # ------------------------------------------------------------ spreadsheets

    def _filtered(self, request):
        """The changelist's own queryset: the same filters and search the user is looking at."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            changelist = self.get_changelist_instance(request)
        except IncorrectLookupParameters as error:
            raise Http404(_("ตัวกรองไม่ถูกต้อง")) from error
        return changelist.get_queryset(request)

    def _download(self, content, content_type, extension):
        # The file carries staff-only contact details: say so in its name.
        stamp = thai.be_file_stamp(timezone.localdate())
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="honorees-staff-only-{stamp}.{extension}"'
        response["Cache-Control"] = "no-store"
        return response

    def export_csv_view(self, request):
        content = spreadsheets.export_csv(self._filtered(request), staff=True)
        return self._download(content, "text/csv; charset=utf-8", "csv")

    def export_xlsx_view(self, request):
        content = spreadsheets.export_xlsx(self._filtered(request), staff=True)
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        return self._download(content, mime, "xlsx")

    def _import_context(self, request, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("นำเข้าผู้ได้รับการยกย่องจากไฟล์ CSV หรือ Excel"),
            "columns": [c for c in spreadsheets.COLUMNS if c.importable],
            **extra,
        }

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        context = self._import_context(request, form=form)
        if request.method == "POST" and form.is_valid():
            try:
                rows = spreadsheets.read_upload(form.cleaned_data["file"])
            except spreadsheets.SpreadsheetError as error:
                form.add_error("file", error.message)
                return TemplateResponse(request, "admin/honorees/honoree/import.html", context, status=400)
            allowed = None if permissions.is_secretariat(request.user) else permissions.user_district_ids(request.user)
            checked = spreadsheets.check_rows(rows, allowed_district_ids=allowed)
            token = secrets.token_urlsafe(16)
            # Parsed rows wait in the session (never as a file on disk) until the user confirms.
            request.session[IMPORT_SESSION_KEY] = {"token": token, "rows": rows}
            context.update(self._preview(checked, request), token=token)
        elif request.method == "POST":
            return TemplateResponse(request, "admin/honorees/honoree/import.html", context, status=400)
        return TemplateResponse(request, "admin/honorees/honoree/import.html", context)

    def import_template_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        response = HttpResponse(spreadsheets.import_template_xlsx(), content_type=mime)
        response["Content-Disposition"] = 'attachment; filename="honorees-import-template.xlsx"'
        return response

    def _preview(self, checked, request=None):
        problem_count = sum(1 for row in checked if row.problems)
        return {
            "checked": checked,
            "problem_count": problem_count,
            "row_count": len(checked),
            "good_count": len(checked) - problem_count,
            # Leaving the bad rows out is the secretariat's explicit choice; officers fix the file.
            "can_import_good_rows": request is not None and permissions.is_secretariat(request.user),
        }

    def import_confirm_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not self.has_add_permission(request):
            raise PermissionDenied
        stored = request.session.get(IMPORT_SESSION_KEY) or {}
        if not stored or not secrets.compare_digest(stored.get("token", ""), request.POST.get("token", "")):
            messages.error(request, _("ไม่พบไฟล์ที่ตรวจไว้ หรือหมดอายุแล้ว โปรดอัปโหลดใหม่"))
            return HttpResponseRedirect(reverse("admin:honorees_honoree_import"))
        good_rows_only = request.POST.get("good_rows_only") == "1"
        try:
            created = services.honoree_import(rows=stored["rows"], by=request.user, good_rows_only=good_rows_only)
        except services.WorkflowError as error:
            messages.error(request, error.message)
            allowed = None if permissions.is_secretariat(request.user) else permissions.user_district_ids(request.user)
            checked = spreadsheets.check_rows(stored["rows"], allowed_district_ids=allowed)
            context = self._import_context(request, form=ImportUploadForm(), token=stored["token"])
            context.update(self._preview(checked, request))
            return TemplateResponse(request, "admin/honorees/honoree/import.html", context, status=400)
        del request.session[IMPORT_SESSION_KEY]
        left_out = len(stored["rows"]) - len(created)
        if left_out:
            messages.warning(
                request, _("ไม่ได้นำเข้า %(count)s แถวที่มีปัญหา — แก้ไขในไฟล์แล้วนำเข้าเฉพาะแถวนั้นอีกครั้ง") % {"count": left_out}
            )
        messages.success(request, _("นำเข้าแล้ว %(count)s รายการ เป็นฉบับร่างทั้งหมด") % {"count": len(created)})
        return HttpResponseRedirect(reverse("admin:honorees_honoree_changelist"))


def _is_int(value) -> bool:
    return bool(value) and str(value).isdigit() and len(str(value)) < 19


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(admin.ModelAdmin):
    list_display = ["__str__", "honoree", "created_at", "answer_due", "handled_at"]
    list_filter = ["kind", ("handled_at", admin.EmptyFieldListFilter)]
    search_fields = ["requester_name", "message"]
    list_select_related = ["honoree"]
    autocomplete_fields = ["honoree"]
    readonly_fields = ["answer_due"]

    @admin.display(description=gettext_lazy("กำหนดตอบ (PDPA 30 วัน)"))
    def answer_due(self, obj):
        if obj.pk is None:
            return "—"
        due = thai.thai_date(obj.answer_due_on)
        if obj.handled_at:
            return due
        left = obj.days_left()
        phrase = days_phrase(left)
        if left < 0:
            return format_html('{} — <strong class="hof-overdue">{}</strong>', due, phrase)
        return f"{due} — {phrase}"
