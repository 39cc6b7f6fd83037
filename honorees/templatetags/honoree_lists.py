"""The repeated parts of list pages: `{% honoree_cards honorees %}` (with `show_month=True`, the
meeting's month instead of the district, as on a district's own page) and `{% facet_options field %}`.

Written in Python rather than as templates: a page of 24 cards and a hundred filter options spent
more time in the template engine's includes, lookups and translation tags than in everything else.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from halloffame import thai
from honorees.templatetags.honoree_images import honoree_picture

register = template.Library()

CARD = (
    '<li class="card">\n'
    '  <div class="card__photo">{}</div>\n'
    '  <div class="card__body">\n'
    '    <h3 class="card__title"><a class="card__link" href="{}">{}</a></h3>\n'
    '    <p class="card__meta"><span class="badge">{}</span> {}</p>\n'
    '    <p class="card__citation"{}>{}</p>\n'
    "  </div>\n"
    "</li>\n"
)


@register.simple_tag
def honoree_cards(honorees, show_month=False):
    language = thai.page_language()
    return format_html_join("", CARD, (_card(honoree, show_month, language) for honoree in honorees))


def _card(honoree, show_month, language):
    if show_month:
        meta = _("ประจำเดือน%(month)s") % {"month": thai.be_month_year(honoree.meeting.date, language)}
    else:
        meta = _("อำเภอ%(name)s") % {"name": honoree.district.name}
    citation = honoree.shown_citation
    return (
        honoree_picture(honoree, "card"),
        honoree.get_absolute_url(),
        honoree.display_name,
        honoree.get_kind_display(),
        meta,
        format_html(' lang="{}"', citation.lang) if citation.lang else "",
        citation.text,
    )


@register.simple_tag
def facet_options(field):
    """The <option>s of one filter of /honorees/, each with its count; the chosen one selected."""
    selected = field["selected"]
    return format_html_join(
        "",
        '<option value="{}"{}>{} ({})</option>\n        ',
        ((o["value"], " selected" if o["value"] == selected else "", o["label"], o["count"]) for o in field["options"]),
    )
