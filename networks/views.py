from django.views.generic import DetailView, ListView
from django.views.generic.list import MultipleObjectMixin

from honorees.filters import NewestFirstPages, fiscal_year_param
from honorees.models import Honoree, public_count
from honorees.summary import public_summary
from networks import map as district_map
from networks.models import District, Network


class DistrictListView(ListView):
    """The 19 districts on a server-drawn map and as a list, shaded by their public honorees."""

    template_name = "networks/district_list.html"

    def get(self, request, *args, **kwargs):
        """?fiscal_year=2569 shades the map by that fiscal year's honours; an unknown one is a 400."""
        try:
            self.fiscal_year, self.invalid = fiscal_year_param(request.GET.get("fiscal_year")), False
        except ValueError:
            self.fiscal_year, self.invalid = None, True
        response = super().get(request, *args, **kwargs)
        if self.invalid:
            response.status_code = 400
        return response

    def get_queryset(self):
        if not self.fiscal_year:
            return public_summary().districts
        narrowed = {"meeting__fiscal_year": self.fiscal_year}
        return District.objects.annotate(public_count=public_count("district", **narrowed)).order_by("code")

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
        context["fiscal_year"] = self.fiscal_year
        context["invalid"] = self.invalid
        # The years with public honorees come from the counts shared per content version.
        years = {m.fiscal_year for m in public_summary().meetings if m.count}
        context["fiscal_years"] = sorted(years | ({self.fiscal_year} - {None}), reverse=True)
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
    """A detail page (district, network) whose body is a paginated list of public honorees, newest
    first, read a page at a time from the meetings it spans (honorees/filters.py)."""

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
        honorees = Honoree.objects.public().for_district(self.object).for_cards()
        return NewestFirstPages.of(honorees, public_summary(), order=("-meeting__date", "sort_key", "pk"))


class NetworkListView(ListView):
    template_name = "networks/network_list.html"

    def get_queryset(self):
        return public_summary().networks


class NetworkDetailView(PublicHonoreesMixin, DetailView):
    model = Network
    template_name = "networks/network_detail.html"

    def honorees(self):
        return NewestFirstPages.of(Honoree.objects.public().filter(network=self.object).for_cards(), public_summary())
