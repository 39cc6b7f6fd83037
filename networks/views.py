from django.views.generic import DetailView, ListView
from django.views.generic.list import MultipleObjectMixin

from honorees.models import Honoree
from honorees.summary import public_summary
from networks import map as district_map
from networks.models import District, Network


class DistrictListView(ListView):
    """The 19 districts on a server-drawn map and as a list, shaded by their public honorees."""

    template_name = "networks/district_list.html"

    def get_queryset(self):
        return public_summary().districts

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        drawing = district_map.district_map()
        districts = list(context["object_list"])
        highest = max((d.public_count for d in districts), default=0)
        context["map"] = drawing
        context["map_districts"] = [
            {
                "district": d,
                "shape": drawing.shapes[d.code],
                "shade": district_map.shade(d.public_count, highest),
            }
            for d in districts
            if d.code in drawing.shapes
        ]
        context["legend"] = _legend(highest)
        context["total"] = sum(d.public_count for d in districts)
        context["attribution"] = district_map.ATTRIBUTION
        return context


def _legend(highest: int) -> list[dict]:
    """The count range each shade stands for."""
    legend = [{"shade": 0, "low": 0, "high": 0}]
    previous = 0
    for bucket in range(1, district_map.BUCKETS + 1):
        high = highest * bucket // district_map.BUCKETS
        if high > previous:
            legend.append({"shade": bucket, "low": previous + 1, "high": high})
            previous = high
    return legend


class PublicHonoreesMixin(MultipleObjectMixin):
    """A detail page (district, network) whose body is a paginated list of public honorees."""

    paginate_by = 24

    def honorees(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(object_list=self.honorees(), **kwargs)
        context[self.model._meta.model_name] = self.object
        return context


class DistrictDetailView(PublicHonoreesMixin, DetailView):
    model = District
    template_name = "networks/district_detail.html"

    def honorees(self):
        return (
            Honoree.objects.public()
            .for_district(self.object)
            .with_related()
            .order_by("-meeting__date", "sort_key", "pk")
        )


class NetworkListView(ListView):
    template_name = "networks/network_list.html"

    def get_queryset(self):
        return public_summary().networks


class NetworkDetailView(PublicHonoreesMixin, DetailView):
    model = Network
    template_name = "networks/network_detail.html"

    def honorees(self):
        return (
            Honoree.objects.public()
            .filter(network=self.object)
            .with_related()
            .order_by("-meeting__date", "district__code", "pk")
        )
