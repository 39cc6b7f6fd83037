"""The programme's entries in /sitemap.xml: each kind through its public() queryset."""

from django.urls import reverse

from halloffame.sitemaps import PublicSitemap
from networks.programme.models import LearningSource, Lesson, ModelOrganisation


class ProgrammePagesSitemap(PublicSitemap):
    priority = 0.6

    def items(self):
        return ["programme:model-list", "programme:model-progress", "programme:learning-list", "programme:lesson-list"]

    def location(self, item):
        return reverse(item)


class PublicRecordSitemap(PublicSitemap):
    model = None

    def items(self):
        return self.model.objects.public().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # The index would read every row of each kind for it; the section pages still date each URL.
        return None


class ModelOrganisationSitemap(PublicRecordSitemap):
    model = ModelOrganisation


class LearningSourceSitemap(PublicRecordSitemap):
    model = LearningSource


class LessonSitemap(PublicRecordSitemap):
    model = Lesson


PROGRAMME_SITEMAPS = {
    "programme": ProgrammePagesSitemap,
    "models": ModelOrganisationSitemap,
    "learning": LearningSourceSitemap,
    "lessons": LessonSitemap,
}
