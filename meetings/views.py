from django.views.generic import DetailView, ListView

from honorees.models import Honoree
from meetings.models import Meeting


class MeetingListView(ListView):
    def get_queryset(self):
        return Meeting.objects.published()


class MeetingDetailView(DetailView):
    def get_queryset(self):
        return Meeting.objects.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["honorees"] = (
            Honoree.objects.public().filter(meeting=self.object).with_related().order_by("district__code")
        )
        return context
