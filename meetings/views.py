from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView, ListView

from honorees.models import Honoree, public_count
from meetings.models import Meeting, MeetingRedirect


class MeetingListView(ListView):
    """Published meetings, newest first, grouped by fiscal year in the template."""

    template_name = "meetings/meeting_list.html"

    def get_queryset(self):
        return Meeting.objects.published().annotate(public_count=public_count()).order_by("-fiscal_year", "-date")


class MeetingDetailView(DetailView):
    """A meeting's announcement: ประกาศยกย่องเชิดชูคนดี ประจำเดือน… with its honorees in district order."""

    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        return Meeting.objects.published()

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            # A published meeting whose date moved it to another fiscal year keeps its old address.
            moved = MeetingRedirect.objects.filter(old_slug=kwargs["slug"], meeting__is_published=True).first()
            if moved is None:
                raise
            return HttpResponsePermanentRedirect(moved.meeting.get_absolute_url())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["honorees"] = (
            Honoree.objects.public().filter(meeting=self.object).with_related().order_by("district__code")
        )
        published = Meeting.objects.published().only("slug", "date", "number", "fiscal_year")
        meeting = self.object
        context["previous_meeting"] = (
            published.filter(date__lte=meeting.date).exclude(pk=meeting.pk).order_by("-date", "-pk").first()
        )
        context["next_meeting"] = (
            published.filter(date__gte=meeting.date).exclude(pk=meeting.pk).order_by("date", "pk").first()
        )
        context["announcement_paragraphs"] = [
            p.strip() for p in self.object.announcement.replace("\r\n", "\n").split("\n\n") if p.strip()
        ]
        return context
