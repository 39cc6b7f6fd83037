"""/feeds/honorees/: an Atom feed of the newest public honorees (public fields only)."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from halloffame.templatetags.thai import meeting_number, thai_date
from honorees.filters import NewestFirstPages
from honorees.models import Honoree
from honorees.summary import public_summary

FEED_SIZE = 50


class TextSummaryAtomFeed(Atom1Feed):
    """Atom whose summaries are plain text: Django's are type="html", so markup typed into a
    citation would come alive in a feed reader."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class LatestHonoreesFeed(Feed):
    feed_type = TextSummaryAtomFeed

    def title(self):
        return _("หอเกียรติยศคนดี จังหวัดสุราษฎร์ธานี")

    def subtitle(self):
        return _("ผู้ได้รับการยกย่องเชิดชูคนดีล่าสุด")

    def link(self):
        return reverse("honorees:list")

    def feed_url(self):
        return reverse("honoree-feed")

    def items(self):
        """The newest, read from only the latest meetings (their counts are shared, honorees/summary.py)."""
        return NewestFirstPages(Honoree.objects.public().with_related(), public_summary().meetings)[:FEED_SIZE]

    def item_title(self, item):
        return item.display_name

    def item_description(self, item):
        return _("%(citation)s — อำเภอ%(district)s, %(network)s, %(meeting)s %(date)s") % {
            "citation": item.shown_citation.text,
            "district": item.district.name,
            "network": item.network.name,
            "meeting": meeting_number(item.meeting),
            "date": thai_date(item.meeting.date),
        }

    def item_pubdate(self, item):
        return item.published_at or _meeting_moment(item)

    def item_updateddate(self, item):
        return item.published_at or _meeting_moment(item)

    def item_categories(self, item):
        return [item.district.name, item.network.name]


def _meeting_moment(item):
    return timezone.make_aware(datetime.combine(item.meeting.date, time(9, 0)))
