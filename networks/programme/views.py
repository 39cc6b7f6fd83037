"""/models/, /learning/, /lessons/: thin views over each kind's public() queryset."""

from urllib.parse import urlencode

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from honorees.filters import clean_text
from honorees.models import Honoree
from networks import map as district_map
from networks.models import District, Network
from networks.programme.models import (
    MODEL_LEVELS,
    Assessment,
    Coach,
    LearningSource,
    Lesson,
    Level,
    ModelOrganisation,
    ProgrammeTarget,
)


class ModelOrganisationListView(ListView):
    """Browse: level, district, network, assessment year and search in the address."""

    paginate_by = 24
    template_name = "programme/modelorganisation_list.html"

    def get(self, request, *args, **kwargs):
        self.params, self.invalid = self.clean_params(request.GET)
        response = super().get(request, *args, **kwargs)
        if self.invalid:
            response.status_code = 400
        return response

    def clean_params(self, query):
        self.districts = list(District.objects.order_by("code"))
        self.networks = list(Network.objects.order_by("order"))
        self.years = list(
            Assessment.objects.filter(organisation__in=ModelOrganisation.objects.public())
            .order_by("-fiscal_year")
            .values_list("fiscal_year", flat=True)
            .distinct()
        )
        options = {
            "level": {str(v) for v in Level.values},
            "district": {d.slug for d in self.districts},
            "network": {n.slug for n in self.networks},
            "year": {str(y) for y in self.years},
        }
        params, invalid = {}, []
        for key, allowed in options.items():
            value = clean_text(query.get(key, ""))
            if not value:
                continue
            if value in allowed:
                params[key] = value
            else:
                invalid.append(key)
        q = clean_text(query.get("q", ""), 100)
        if q:
            params["q"] = q
        return params, invalid

    def get_queryset(self):
        queryset = ModelOrganisation.objects.public().with_latest_assessment()
        p = self.params
        if "district" in p:
            queryset = queryset.filter(district__slug=p["district"])
        if "network" in p:
            queryset = queryset.filter(network__slug=p["network"])
        if "level" in p:
            level = int(p["level"])
            if "year" in p:
                queryset = queryset.filter(
                    pk__in=Assessment.objects.filter(fiscal_year=int(p["year"]), level=level).values("organisation")
                )
            else:
                queryset = queryset.filter(latest_level=level)
        elif "year" in p:
            queryset = queryset.filter(
                pk__in=Assessment.objects.filter(fiscal_year=int(p["year"])).values("organisation")
            )
        if "q" in p:
            queryset = queryset.filter(
                Q(name__icontains=p["q"]) | Q(name_en__icontains=p["q"]) | Q(summary__icontains=p["q"])
            )
        return queryset.select_related("district", "network").thai_order()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        labels = {"level": _("ระดับ"), "district": _("อำเภอ"), "network": _("เครือข่าย"), "year": _("ปีงบประมาณที่ประเมิน")}
        context.update(
            params=self.params,
            invalid=[str(labels[key]) for key in self.invalid],
            query_without_page=urlencode(self.params),
            is_filtered=bool(self.params),
            facet_fields=[
                {"name": "level", "label": labels["level"], "options": [(str(v), lbl) for v, lbl in Level.choices]},
                {
                    "name": "district",
                    "label": labels["district"],
                    "options": [(d.slug, d.name) for d in self.districts],
                },
                {"name": "network", "label": labels["network"], "options": [(n.slug, n.name) for n in self.networks]},
                {"name": "year", "label": labels["year"], "options": [(str(y), str(y)) for y in self.years]},
            ],
            levels=Level,
        )
        return context


def public_honorees():
    return Honoree.objects.public().select_related("district", "meeting").order_by("-meeting__date", "pk")


class ModelOrganisationDetailView(DetailView):
    template_name = "programme/modelorganisation_detail.html"

    def get_queryset(self):
        return (
            ModelOrganisation.objects.public()
            .select_related("district", "network")
            .prefetch_related(
                "target_virtues",
                Prefetch("assessments", queryset=Assessment.objects.order_by("-fiscal_year")),
                Prefetch("honorees", queryset=public_honorees(), to_attr="public_honorees"),
                Prefetch(
                    "learning_sources", queryset=LearningSource.objects.public(), to_attr="public_learning_sources"
                ),
                Prefetch("coaches", queryset=Coach.objects.public().order_by("sort_key"), to_attr="public_coaches"),
                Prefetch(
                    "lessons", queryset=Lesson.objects.public().select_related("network"), to_attr="public_lessons"
                ),
            )
        )


class ModelProgressView(TemplateView):
    """How far the province is towards its target of model organisations, by network and district."""

    template_name = "programme/progress.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        target = ProgrammeTarget.current().model_organisations
        latest = list(
            ModelOrganisation.objects.public()
            .with_latest_assessment()
            .values_list("district", "network", "latest_level")
        )
        by_level = {level: 0 for level in Level.values}
        by_district, by_network = {}, {}
        for district_id, network_id, level in latest:
            if level:
                by_level[level] += 1
            for table, key in ((by_district, district_id), (by_network, network_id)):
                row = table.setdefault(key, {level: 0 for level in Level.values})
                if level:
                    row[level] += 1

        def rows(objects, table):
            result = []
            for obj in objects:
                counts = table.get(obj.pk, {level: 0 for level in Level.values})
                result.append(
                    {
                        "object": obj,
                        "counts": [counts[level] for level in Level.values],
                        "models": sum(counts[level] for level in MODEL_LEVELS),
                    }
                )
            return result

        reached = sum(by_level[level] for level in MODEL_LEVELS)
        context.update(
            target=target,
            reached=reached,
            percent=min(100, round(100 * reached / target)) if target else 0,
            levels=Level.choices,
            level_totals=[by_level[level] for level in Level.values],
            networks=rows(Network.objects.order_by("order"), by_network),
            districts=rows(District.objects.order_by("code"), by_district),
        )
        return context


class LearningSourceListView(ListView):
    """Learning sources as points on the district map, with the same list beside it."""

    template_name = "programme/learningsource_list.html"

    def get(self, request, *args, **kwargs):
        slug = clean_text(request.GET.get("district", ""))
        self.district = District.objects.filter(slug=slug).first() if slug else None
        self.invalid = bool(slug) and self.district is None
        response = super().get(request, *args, **kwargs)
        if self.invalid:
            response.status_code = 400
        return response

    def get_queryset(self):
        queryset = LearningSource.objects.public().select_related("district", "network", "organisation")
        if self.district:
            queryset = queryset.filter(district=self.district)
        return queryset.order_by("district__code", "sort_key", "pk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        drawing = district_map.district_map()
        districts = list(District.objects.annotate(n=Count("learning_sources", filter=Q(
            learning_sources__in=LearningSource.objects.public()))).order_by("code"))  # fmt: skip
        points = []
        for number, source in enumerate(context["object_list"], start=1):
            x, y = drawing.point(source.longitude, source.latitude)
            points.append({"source": source, "x": x, "y": y, "number": number})
        context.update(
            map=drawing,
            shapes=[{"district": d, "shape": drawing.shapes[d.code]} for d in districts if d.code in drawing.shapes],
            districts=districts,
            points=points,
            district=self.district,
            invalid=self.invalid,
            attribution=district_map.ATTRIBUTION,
        )
        return context


class LearningSourceDetailView(DetailView):
    template_name = "programme/learningsource_detail.html"

    def get_queryset(self):
        return LearningSource.objects.public().select_related("district", "network", "organisation")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        drawing = district_map.district_map()
        x, y = drawing.point(self.object.longitude, self.object.latitude)
        context.update(
            map=drawing,
            shapes=[{"code": code, "shape": shape} for code, shape in drawing.shapes.items()],
            point={"x": x, "y": y},
            attribution=district_map.ATTRIBUTION,
        )
        return context


class LessonListView(ListView):
    """Each of the 8 networks with its lessons."""

    template_name = "programme/lesson_list.html"

    def get_queryset(self):
        return Network.objects.order_by("order").prefetch_related(
            Prefetch(
                "lessons", queryset=Lesson.objects.public().order_by("-published_at", "pk"), to_attr="public_lessons"
            )
        )


class LessonDetailView(DetailView):
    template_name = "programme/lesson_detail.html"

    def get_queryset(self):
        return (
            Lesson.objects.public()
            .select_related("network")
            .prefetch_related(
                "images",
                Prefetch(
                    "organisations",
                    queryset=ModelOrganisation.objects.public().select_related("district"),
                    to_attr="public_organisations",
                ),
                Prefetch("honorees", queryset=public_honorees(), to_attr="public_honorees"),
            )
        )

    def get_context_data(self, **kwargs):
        from networks.programme.lessons import blocks

        context = super().get_context_data(**kwargs)
        context["blocks"] = blocks(self.object.body, list(self.object.images.all()))
        context["coaches"] = list(
            Coach.objects.public()
            .filter(network=self.object.network)
            .prefetch_related(Prefetch("organisation", queryset=ModelOrganisation.objects.public()))
            .order_by("sort_key", "pk")[:12]
        )
        return context
