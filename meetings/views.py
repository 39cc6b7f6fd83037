from django.http import Http404, HttpResponsePermanentRedirect
from django.views.generic import DetailView, ListView

from honorees.models import Honoree
from honorees.summary import public_summary
from meetings.models import Meeting, MeetingRedirect


class MeetingListView(ListView):
    """One fiscal year's published meetings, newest first (`?year=` in B.E., the latest year by
    default), with a link to every other year: the page stays one year long as decades pass."""

    template_name = "meetings/meeting_list.html"

    def get(self, request, *args, **kwargs):
        self.summary = public_summary()
        self.years = self.summary.fiscal_years()
        known = {year for year, _count in self.years}
        raw = request.GET.get("year")
        if raw is None:
            self.year = self.years[0][0] if self.years else None
        elif raw.isascii() and raw.isdigit() and int(raw) in known:
            self.year = int(raw)
        else:
            raise Http404("no published meetings in that fiscal year")
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if self.year is None:
            return []
        counts = {m.id: m.count for m in self.summary.meetings}
        meetings = list(Meeting.objects.published().in_fiscal_year(self.year).order_by("-date"))
        for meeting in meetings:
            meeting.public_count = counts.get(meeting.pk, 0)
        return meetings

    def get_context_data(self, **kwargs):
        return super().get_context_data(fiscal_year=self.year, fiscal_years=self.years, **kwargs)


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
            Honoree.objects.public().filter(meeting=self.object).for_cards().order_by("district__code")
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
