from django.db.models import Count, Q
from django.views.generic import DetailView, ListView

from honorees.models import Honoree
from networks.models import District, Network


def with_public_count(queryset):
    public_ids = Honoree.objects.public().values("pk")
    return queryset.annotate(public_count=Count("honorees", filter=Q(honorees__in=public_ids)))


class DistrictListView(ListView):
    def get_queryset(self):
        return with_public_count(District.objects.all())


class DistrictDetailView(DetailView):
    model = District

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["honorees"] = (
            Honoree.objects.public().for_district(self.object).with_related().order_by("-meeting__date")
        )
        return context


class NetworkListView(ListView):
    def get_queryset(self):
        return with_public_count(Network.objects.all())


class NetworkDetailView(DetailView):
    model = Network

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["honorees"] = (
            Honoree.objects.public().filter(network=self.object).with_related().order_by("-meeting__date")
        )
        return context
