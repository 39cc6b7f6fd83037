from django.views.generic import DetailView, ListView

from honorees.models import Honoree


class HonoreeListView(ListView):
    paginate_by = 24

    def get_queryset(self):
        return Honoree.objects.public().with_related().order_by("-meeting__date", "district__code")


class HonoreeDetailView(DetailView):
    def get_queryset(self):
        return Honoree.objects.public().with_related()
