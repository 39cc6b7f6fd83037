from django.http import HttpResponse
from django.views.generic import TemplateView

from honorees.models import Honoree
from meetings.models import Meeting


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = Meeting.objects.published().filter(honorees__in=Honoree.objects.public()).distinct().first()
        context["latest_meeting"] = latest
        context["latest_honorees"] = (
            Honoree.objects.public().filter(meeting=latest).with_related().order_by("district__code")
            if latest
            else Honoree.objects.none()
        )
        context["public_count"] = Honoree.objects.public().count()
        return context
