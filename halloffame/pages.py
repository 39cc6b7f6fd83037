"""The pages a Thai government website must have (DGA standard) that need data: about and the
HTML site map. Contact, accessibility and cookies are plain templates (urls.py)."""

from django.views.generic import TemplateView

from networks.models import District, Network


class AboutView(TemplateView):
    template_name = "pages/about.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(networks=Network.objects.order_by("order"), **kwargs)


class SiteMapView(TemplateView):
    template_name = "pages/site_map.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            districts=District.objects.order_by("code"), networks=Network.objects.order_by("order"), **kwargs
        )
