"""/feeds/honorees/: an Atom feed of the newest public honorees (public fields only)."""

import io
from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from halloffame.i18n import in_page_language, list_path
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

    def write(self, outfile, encoding):
        # Django's generator writes each piece of the XML to the response on its own, some 2,500
        # writes a feed; into a buffer first, the response takes it in one.
        buffer = io.StringIO()
        super().write(buffer, encoding)
        outfile.write(buffer.getvalue())


class LatestHonoreesFeed(Feed):
    """Signed by the culture office (the feed and every entry: RFC 4287 wants an author for each
    entry, and a reader shows the entry's own), dated by the honour, never by the row."""

    feed_type = TextSummaryAtomFeed

    def author_name(self):
        return office_name()

    def author_email(self):
        return settings.OFFICE_CONTACT["email"]

    def author_link(self):
        return list_path("contact")  # reverse("contact"), once per language rather than per entry

    item_author_name = author_name
    item_author_email = author_email
    item_author_link = author_link

    def get_feed(self, obj, request):
        # Django makes the feed's and the entries' links absolute, not the author's atom:uri.
        feed = super().get_feed(obj, request)
        for attrs in (feed.feed, *feed.items):
            if attrs.get("author_link"):
                attrs["author_link"] = request.build_absolute_uri(attrs["author_link"])
        return feed

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
        entries = Honoree.objects.public().for_cards().select_related("network")
        return NewestFirstPages(entries, public_summary().meetings)[:FEED_SIZE]

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
        return honour_moment(item)

    def item_updateddate(self, item):
        return honour_moment(item)

    def item_categories(self, item):
        return [item.district.name, item.network.name]


def office_name() -> str:
    office = settings.OFFICE_CONTACT
    return in_page_language(office["name"], office.get("name_en", "")).text


def honour_moment(honoree) -> datetime:
    """When the honour became public: the honoree's publication, else its meeting's, else the
    meeting's morning. Never created_at/updated_at: an edit or a re-import does not re-date it."""
    meeting = honoree.meeting
    return (
        honoree.published_at or meeting.published_at or timezone.make_aware(datetime.combine(meeting.date, time(9, 0)))
    )
