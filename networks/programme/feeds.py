"""/feeds/programme/: an Atom feed of the newest public model organisations, learning sources and
lessons, each kind through its public() (the honorees have /feeds/honorees/)."""

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from honorees.feeds import TextSummaryAtomFeed
from networks.programme.models import LearningSource, Lesson, ModelOrganisation

FEED_SIZE = 50


def _newest(queryset):
    newest_first = (F("published_at").desc(nulls_last=True), "-updated_at", "-pk")
    return list(queryset.select_related("network").order_by(*newest_first)[:FEED_SIZE])


class ProgrammeFeed(Feed):
    feed_type = TextSummaryAtomFeed

    def title(self):
        return _("โครงการจังหวัดคุณธรรม จังหวัดสุราษฎร์ธานี")

    def subtitle(self):
        return _("องค์กรต้นแบบ แหล่งเรียนรู้ และบทเรียนของเครือข่ายล่าสุด")

    def link(self):
        return reverse("programme:model-list")

    def feed_url(self):
        return reverse("programme-feed")

    def items(self):
        records = [
            *_newest(ModelOrganisation.objects.public().select_related("district")),
            *_newest(LearningSource.objects.public().select_related("district")),
            *_newest(Lesson.objects.public()),
        ]
        records.sort(key=lambda record: (record.published_at or record.updated_at, record.pk), reverse=True)
        return records[:FEED_SIZE]

    def item_title(self, item):
        return item.display_name

    def item_description(self, item):
        summary = item.what_you_learn if isinstance(item, LearningSource) else item.summary
        where = [item.district.name] if getattr(item, "district", None) else []
        return " — ".join([summary, ", ".join([*where, item.network.name])])

    def item_guid(self, item):
        return f"{item._meta.model_name}-{item.pk}"

    def item_pubdate(self, item):
        return item.published_at or item.updated_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [str(item._meta.verbose_name), item.network.name]
