import json
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import Http404
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from halloffame.staff import permissions
from honorees import filters
from honorees.models import Honoree
from honorees.summary import public_summary
from networks.programme.search import programme_search


class HonoreeListView(ListView):
    """Browse and search: every filter lives in the address, so a filtered list can be shared."""

    paginate_by = 24
    template_name = "honorees/honoree_list.html"

    def get(self, request, *args, **kwargs):
        self.summary = public_summary()
        self.params, self.invalid = filters.split_valid(filters.clean_params(request.GET), self.summary)
        self.facets, self.meetings = filters.facet_counts(Honoree.objects.public(), self.params, self.summary)
        response = super().get(request, *args, **kwargs)
        if self.invalid:
            response.status_code = 400
        return response

    def get_queryset(self):
        queryset = filters.filtered(Honoree.objects.public(), self.params, summary=self.summary).for_cards()
        if self.params.get("sort") == filters.HonoreeFilter.SORT_NAME:
            total = sum(m.count for m in self.meetings)
            return filters.CountedPages(queryset.thai_order(), total)
        return filters.NewestFirstPages(queryset, self.meetings)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        facets = self.facets
        labels = dict(filters.HonoreeFilter.base_filters.items())
        context.update(
            params=self.params,
            facets=facets,
            facet_fields=[
                {"name": key, "label": labels[key].label, "options": facets[key], "selected": self.params.get(key, "")}
                for key in filters.HonoreeFilter.FACETS
            ],
            active_filters=filters.active_filters(self.params, facets),
            sort_choices=filters.HonoreeFilter.SORT_CHOICES,
            sort=self.params.get("sort", filters.HonoreeFilter.SORT_NEWEST),
            invalid=[str(labels[key].label) if key in labels else _("การเรียงลำดับ") for key in self.invalid],
            query_without_page=urlencode(self.params),
            is_filtered=any(key in self.params for key in (*filters.HonoreeFilter.FACETS, "q")),
            search_max_length=filters.SEARCH_MAX_LENGTH,
            programme_results=programme_search(filters.clean_text(self.params.get("q", ""), filters.SEARCH_MAX_LENGTH)),
        )
        return context


class HonoreeDetailView(DetailView):
    template_name = "honorees/honoree_detail.html"

    def get_queryset(self):
        from networks.programme.models import ModelOrganisation

        organisation = Prefetch("model_organisation", queryset=ModelOrganisation.objects.public())
        return Honoree.objects.public().with_related().prefetch_related(organisation)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        honoree = self.object
        url = self.request.build_absolute_uri(honoree.get_absolute_url())
        context["share_url"] = url
        context["json_ld"] = json_ld(honoree, url=url, request=self.request)
        return context


class HonoreePreviewView(HonoreeDetailView):
    """An honoree's profile exactly as the public page will show it, for staff who may see the
    honoree, marked as a preview; a 404 for everyone else (the public included) and never cached."""

    http_method_names = ["get", "head"]

    def get_queryset(self):
        if permissions.role_of(self.request.user) is None:
            return Honoree.objects.none()
        return permissions.visible_honorees(self.request.user).with_related()

    def get_object(self, queryset=None):
        pk = str(self.kwargs.get("pk", ""))
        if not pk.isdigit() or len(pk) > 18:
            raise Http404(_("ไม่พบผู้ได้รับการยกย่องรายการนี้"))
        return super().get_object(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["preview"] = True
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True, no_store=True)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response


def json_ld(honoree, *, url, request) -> str:
    """schema.org data for the profile: a Person or an Organization, with the award."""
    meeting = honoree.meeting
    data = {
        "@context": "https://schema.org",
        "@type": "Person" if honoree.kind == Honoree.Kind.PERSON else "Organization",
        "name": honoree.display_name,
        "url": url,
        "description": honoree.shown_citation.text,
    }
    if meeting is not None:  # a preview of a candidate not yet placed has no meeting
        data["award"] = _("ยกย่องเชิดชูคนดี จังหวัดสุราษฎร์ธานี ประจำเดือน%(month)s") % {"month": meeting.month_label}
    if honoree.name_en and honoree.name_en != honoree.display_name:
        data["alternateName"] = honoree.name_en
    photo = honoree.public_photo
    if photo:
        data["image"] = request.build_absolute_uri(photo.url)
    area = {"@type": "AdministrativeArea", "name": honoree.district.name}
    data["homeLocation" if honoree.kind == Honoree.Kind.PERSON else "areaServed"] = area
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(_json_script_escapes))  # noqa: S308 - <, > and & are escaped above
