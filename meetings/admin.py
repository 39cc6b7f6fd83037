"""Meetings in the admin, with each meeting's honour board (19 district places) and publishing."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db.models import Count
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from halloffame.staff import permissions
from honorees.models import Honoree, holds_place_q
from honorees.services import WorkflowError, consent_blockers, honoree_place, honoree_unplace
from meetings.documents import certificates
from meetings.documents.pdf import DocumentsUnavailable, pdf_response, unavailable_response
from meetings.documents.selection import certified_honorees
from meetings.models import Meeting
from meetings.services import meeting_open_places, meeting_places, meeting_publish
from networks.reference import DISTRICTS


class MeetingAdminForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "date",
            "nomination_deadline",
            "number",
            "title",
            "venue",
            "announcement",
            "signatory_name",
            "signatory_position",
        ]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    form = MeetingAdminForm
    list_display = ["__str__", "date", "nomination_deadline", "venue", "places", "is_published", "board_link"]
    list_filter = ["is_published", "fiscal_year"]
    search_fields = ["title", "venue"]
    date_hierarchy = "date"
    readonly_fields = ["is_published", "published_at", "fiscal_year", "slug"]
    fields = MeetingAdminForm.Meta.fields + ["is_published", "published_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(place_count=Count("honorees", filter=holds_place_q("honorees__")))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("ไม่พบการประชุมนี้"))
        return obj

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and permissions.meeting_refusal(request.user, "edit") is None

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or (not obj.is_published and not obj.honorees.exists()))

    @admin.display(description=gettext_lazy("ที่บรรจุแล้ว"), ordering="place_count")
    def places(self, obj):
        return f"{obj.place_count}/{len(DISTRICTS)}"

    @admin.display(description=gettext_lazy("ทำเนียบ"))
    def board_link(self, obj):
        url = reverse("admin:meetings_meeting_board", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("เปิดทำเนียบ 19 อำเภอ"))

    def history_view(self, request, object_id, extra_context=None):
        self.get_object(request, unquote(object_id))
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.get_object(request, unquote(object_id))
        if request.method == "POST":
            raise Http404
        return super().history_form_view(request, object_id, version_id, extra_context)

    def revert_disabled(self, request, obj=None):
        return True

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/board/", view(self.board_view), name="meetings_meeting_board"),
            path("<path:object_id>/publish/", view(self.publish_view), name="meetings_meeting_publish"),
            path(
                "<path:object_id>/certificates.pdf", view(self.certificates_view), name="meetings_meeting_certificates"
            ),
            path(
                "<path:object_id>/certificates/<int:honoree_id>.pdf",
                view(self.certificates_view),
                name="meetings_meeting_certificate",
            ),
            *super().get_urls(),
        ]

    # ------------------------------------------------------------ certificates

    def certificates_view(self, request, object_id, honoree_id=None):
        """The meeting's certificates as one PDF, or one honoree's (an honoree the user may see)."""
        if not self.has_view_permission(request):
            raise Http404
        meeting = self.get_object(request, unquote(object_id))
        honorees = certificates.meeting_certificates(meeting, within=permissions.visible_honorees(request.user))
        if honoree_id is not None:
            honorees = [h for h in honorees if h.pk == honoree_id]
        if not honorees:
            raise Http404(_("ไม่มีเกียรติบัตรของผู้ได้รับการยกย่องนี้ในการประชุมนี้"))
        try:
            data = certificates.certificates_pdf(meeting=meeting, honorees=honorees)
        except DocumentsUnavailable:
            return unavailable_response()
        suffix = f"-{honorees[0].district.code}" if honoree_id is not None else ""
        return pdf_response(data, f"certificates-{meeting.slug}{suffix}.pdf", private=True)

    # ------------------------------------------------------------ the honour board

    def _board_url(self, meeting):
        return reverse("admin:meetings_meeting_board", args=[meeting.pk])

    def board_view(self, request, object_id):
        if not self.has_view_permission(request):
            raise Http404
        meeting = self.get_object(request, unquote(object_id))
        if request.method == "POST":
            self._board_post(request, meeting)
            return HttpResponseRedirect(self._board_url(meeting))
        # A place filled after publication (say, after a withdrawal) is published at once by honoree_place.
        can_place = permissions.meeting_refusal(request.user, "place") is None
        candidates = self._candidates(request.user) if can_place else {}
        public_ids = set(Honoree.objects.public().filter(meeting=meeting).values_list("pk", flat=True))
        certified = set(certified_honorees(meeting).values_list("pk", flat=True))
        rows = []
        for district, holder in meeting_places(meeting=meeting):
            visible = holder is not None and (
                permissions.covers_district(request.user, district.pk) or holder.pk in public_ids
            )
            rows.append(
                {
                    "district": district,
                    "holder": holder if visible else None,
                    "taken": holder is not None,
                    "can_unplace": visible and permissions.can(request.user, "unplace", holder),
                    "has_certificate": visible and holder.pk in certified,
                    "candidates": candidates.get(district.pk, []),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": meeting,
            "meeting": meeting,
            "title": _("ทำเนียบผู้ได้รับการยกย่อง %(meeting)s") % {"meeting": meeting.fiscal_number},
            "rows": rows,
            "can_place": can_place,
            "can_publish": permissions.meeting_refusal(request.user, "publish") is None and not meeting.is_published,
            "filled": sum(1 for r in rows if r["taken"]),
            "any_certificate": any(r["has_certificate"] for r in rows),
        }
        return TemplateResponse(request, "admin/meetings/meeting/board.html", context)

    def _candidates(self, user):
        """Approved, not-yet-placed honorees the user may see, by district id."""
        by_district = {}
        for honoree in permissions.visible_honorees(user, Honoree.objects.awaiting_place()).order_by("sort_key"):
            by_district.setdefault(honoree.district_id, []).append(honoree)
        return by_district

    def _board_post(self, request, meeting):
        honoree_id = request.POST.get("honoree", "")
        honoree = (
            permissions.visible_honorees(request.user).select_related("district").filter(pk=honoree_id).first()
            if honoree_id.isdigit() and len(honoree_id) < 19
            else None
        )
        if honoree is None:
            messages.error(request, _("ไม่พบผู้ได้รับการยกย่องที่เลือก"))
            return
        try:
            if request.POST.get("action") == "unplace":
                if honoree.meeting_id != meeting.pk:
                    raise WorkflowError(_("%(name)s ไม่ได้อยู่ในการประชุมนี้") % {"name": honoree.name})
                honoree_unplace(honoree=honoree, by=request.user)
                messages.success(request, _("นำ %(name)s ออกจากการประชุมแล้ว") % {"name": honoree.name})
                return
            district_code = request.POST.get("district", "")
            if district_code and district_code != honoree.district.code:
                raise WorkflowError(
                    _("%(name)s อยู่อำเภอ%(district)s จึงบรรจุในที่ของอำเภออื่นไม่ได้")
                    % {"name": honoree.name, "district": honoree.district.name_th}
                )
            honoree_place(honoree=honoree, meeting=meeting, by=request.user)
            messages.success(
                request,
                _("บรรจุ %(name)s ในที่ของอำเภอ%(district)s แล้ว")
                % {"name": honoree.name, "district": honoree.district.name_th},
            )
        except WorkflowError as error:
            messages.error(request, error.message)

    def publish_view(self, request, object_id):
        """Publishing always asks first, on its own page saying what will happen (a GET shows it too);
        only a POST from that page (confirm=1) publishes."""
        meeting = self.get_object(request, unquote(object_id))
        refusal = permissions.meeting_refusal(request.user, "publish")
        post = request.POST if request.method == "POST" else {}
        confirmed = post.get("confirm") == "1" or post.get("confirm_vacancies") == "1"
        if not confirmed or refusal or meeting.is_published:
            if refusal or meeting.is_published:
                messages.error(
                    request, refusal or _("การประชุม%(meeting)s เผยแพร่แล้ว") % {"meeting": meeting.fiscal_number}
                )
                return HttpResponseRedirect(self._board_url(meeting))
            approved = list(meeting.honorees.filter(status=Honoree.Status.APPROVED).select_related("district"))
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "original": meeting,
                "meeting": meeting,
                "title": _("ยืนยันการเผยแพร่ %(meeting)s") % {"meeting": meeting.fiscal_number},
                "open_places": meeting_open_places(meeting=meeting),
                "approved": approved,
                "approved_count": len(approved),
                "consent_blockers": consent_blockers(approved),
            }
            return TemplateResponse(request, "admin/meetings/meeting/publish_confirm.html", context)
        try:
            meeting_publish(meeting=meeting, by=request.user, confirm_vacancies=True)
        except WorkflowError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("เผยแพร่การประชุม%(meeting)s แล้ว ผู้ได้รับการยกย่องที่อนุมัติแล้วแสดงต่อสาธารณะทันที")
                % {"meeting": meeting.fiscal_number},
            )
        return HttpResponseRedirect(self._board_url(meeting))
