"""The officers' queue of suggestions from the public. Officers see only their districts'
suggestions (another district's is a 404); every decision is a POST to a small view that calls a
service in honorees/suggestions/services.py."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from halloffame import thai
from honorees.models import Honoree
from honorees.services import WorkflowError
from honorees.suggestions import scope, services
from honorees.suggestions.forms import DeclineForm, MergeForm
from honorees.suggestions.models import Suggestion
from networks.models import Network


def be_datetime(value) -> str:
    if not value:
        return "—"
    from django.utils import timezone

    return f"{thai.be_date(value, thai.page_language())} {timezone.localtime(value):%H:%M}"


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["reference", "name", "kind", "district", "status", "received", "candidate"]
    list_display_links = ["reference", "name"]
    list_filter = ["status", ("district", admin.RelatedOnlyFieldListFilter), "kind"]
    search_fields = ["reference", "name", "suggester_name"]
    list_select_related = ["district", "honoree"]
    autocomplete_fields = ["network"]
    list_per_page = 50
    actions = None
    fieldsets = [
        (
            gettext_lazy("ผู้ที่ได้รับการเสนอ"),
            {"fields": ["reference", "status_text", "kind", "name", "district", "achievements", "links"]},
        ),
        (
            gettext_lazy("ผู้เสนอ (เจ้าหน้าที่อำเภอนั้นและฝ่ายเลขานุการเท่านั้น)"),
            {
                "description": gettext_lazy("ไม่แสดงในหน้าสาธารณะ และไม่ส่งออกนอกระบบเจ้าหน้าที่"),
                "fields": ["suggester_name", "suggester_email", "suggester_phone", "relationship", "consented"],
            },
        ),
        (
            gettext_lazy("การพิจารณา"),
            {
                "fields": [
                    "network",
                    "staff_notes",
                    "decline_reason",
                    "duplicate_of",
                    "honoree",
                    "received",
                    "decided",
                    "decided_by",
                ]
            },
        ),
    ]
    # Everything the public wrote is shown as escaped text, never as HTML or a clickable link.
    readonly_fields = [
        "reference",
        "status_text",
        "kind",
        "name",
        "district",
        "achievements",
        "links",
        "suggester_name",
        "suggester_email",
        "suggester_phone",
        "relationship",
        "consented",
        "decline_reason",
        "duplicate_of",
        "honoree",
        "received",
        "decided",
        "decided_by",
    ]

    # ------------------------------------------------------------ list

    @admin.display(description=gettext_lazy("ได้รับเมื่อ"), ordering="created_at")
    def received(self, obj):
        return be_datetime(obj.created_at)

    @admin.display(description=gettext_lazy("ตัดสินเมื่อ"), ordering="decided_at")
    def decided(self, obj):
        return be_datetime(obj.decided_at)

    @admin.display(description=gettext_lazy("ผู้เสนอให้ความยินยอมเมื่อ"))
    def consented(self, obj):
        return be_datetime(obj.consent_given_at)

    @admin.display(description=gettext_lazy("สถานะ"), ordering="status")
    def status_text(self, obj):
        if obj.status == Suggestion.Status.MERGED and obj.duplicate_of_id:
            return _("%(status)s (ข้อเสนอหลัก %(reference)s)") % {
                "status": obj.get_status_display(),
                "reference": obj.duplicate_of.reference,
            }
        return obj.get_status_display()

    @admin.display(description=gettext_lazy("ผู้ได้รับการเสนอชื่อ"))
    def candidate(self, obj):
        return obj.honoree.name if obj.honoree else "—"

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(
            request, {**(extra_context or {}), "new_per_district": scope.suggestions_per_district(request.user)}
        )

    # ------------------------------------------------------------ who sees and changes what

    def get_queryset(self, request):
        return scope.visible_suggestions(request.user, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:  # not there, or another district's: the same answer for both
            raise Http404(_("ไม่พบข้อเสนอนี้ หรือไม่ได้อยู่ในอำเภอที่คุณรับผิดชอบ"))
        return obj

    # The model permissions come from the role groups (halloffame.staff.permissions); the role and
    # district checks keep a hand-given permission from reaching another district's suggestions.
    def has_module_permission(self, request):
        return super().has_module_permission(request) and scope.may_handle(request.user)

    def has_view_permission(self, request, obj=None):
        return (
            super().has_view_permission(request, obj)
            and scope.may_handle(request.user)
            and (obj is None or scope.covers(request.user, obj))
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return False  # suggestions come only from the public form

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and scope.may_delete(request.user)

    # ------------------------------------------------------------ change page

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None:
            context.update(
                networks=Network.objects.order_by("order"),
                decline_form=DeclineForm(),
                merge_form=MergeForm(),
                similar_suggestions=scope.visible_suggestions(request.user)
                .named_like(obj.name)
                .exclude(pk=obj.pk)
                .select_related("district")[:10],
                similar_honorees=Honoree.objects.named_like(obj.name).select_related("district")[:10],
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/review/", view(self.review_view), name="suggestions_suggestion_review"),
            path("<path:object_id>/convert/", view(self.convert_view), name="suggestions_suggestion_convert"),
            path("<path:object_id>/decline/", view(self.decline_view), name="suggestions_suggestion_decline"),
            path("<path:object_id>/merge/", view(self.merge_view), name="suggestions_suggestion_merge"),
            *super().get_urls(),
        ]

    def _back(self, obj):
        return HttpResponseRedirect(reverse("admin:suggestions_suggestion_change", args=[obj.pk]))

    def _run(self, request, function, **kwargs):
        try:
            return function(by=request.user, **kwargs)
        except WorkflowError as error:
            messages.error(request, error.message)
            return None

    def review_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        if self._run(request, services.suggestion_start_review, suggestion=obj):
            messages.success(request, _("รับข้อเสนอ %(reference)s ไว้พิจารณาแล้ว") % {"reference": obj.reference})
        return self._back(obj)

    def convert_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        network_id = request.POST.get("network", "")
        network = Network.objects.filter(pk=network_id).first() if network_id.isdigit() else None
        honoree = self._run(request, services.suggestion_convert, suggestion=obj, network=network)
        if honoree is None:
            return self._back(obj)
        url = reverse("admin:honorees_honoree_change", args=[honoree.pk])
        messages.success(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("สร้างฉบับร่างผู้ได้รับการเสนอชื่อ %(name)s แล้ว บันทึกความยินยอมและรูปภาพ แล้วเสนอชื่อตามขั้นตอนปกติ")
                % {"name": honoree.name},
                url,
                _("เปิดฉบับร่าง"),
            ),
        )
        return HttpResponseRedirect(url)

    def decline_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        form = DeclineForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            if self._run(request, services.suggestion_decline, suggestion=obj, reason=form.cleaned_data["reason"]):
                messages.success(
                    request, _("บันทึกว่าไม่นำข้อเสนอ %(reference)s ไปพิจารณาต่อแล้ว") % {"reference": obj.reference}
                )
            return self._back(obj)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("ไม่นำข้อเสนอ %(reference)s ไปพิจารณาต่อ") % {"reference": obj.reference},
            "original": obj,
            "form": form,
        }
        status = 400 if request.method == "POST" else 200
        return TemplateResponse(request, "admin/suggestions/suggestion/decline.html", context, status=status)

    def merge_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self.get_object(request, unquote(object_id))
        form = MergeForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["into"]))
            return self._back(obj)
        into = scope.visible_suggestions(request.user).filter(reference=form.cleaned_data["into"]).first()
        if into is None:
            messages.error(
                request, _("ไม่พบข้อเสนอ %(reference)s ในอำเภอที่คุณรับผิดชอบ") % {"reference": form.cleaned_data["into"]}
            )
            return self._back(obj)
        merged = self._run(request, services.suggestion_merge, suggestion=obj, into=into)
        if merged:
            messages.success(
                request,
                _("รวมข้อเสนอ %(reference)s เข้ากับ %(into)s แล้ว")
                % {"reference": obj.reference, "into": merged.duplicate_of.reference},
            )
        return self._back(obj)
