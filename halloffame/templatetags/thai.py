"""Buddhist-Era dates for templates (builtins). On English pages they read "26 October 2564 B.E.";
the wording of both languages lives in halloffame/thai.py."""

from django import template
from django.utils.translation import gettext as _

from halloffame import thai

register = template.Library()


_language = thai.page_language


@register.filter
def thai_date(value):
    return thai.be_date(value, _language()) if value else ""


@register.filter
def thai_date_short(value):
    return thai.be_date_short(value, _language()) if value else ""


@register.filter
def thai_month_year(value):
    return thai.be_month_year(value, _language()) if value else ""


@register.filter
def keep_marks(value):
    return thai.keep_marks_with_words(str(value)) if value else ""


@register.filter
def be_year(value):
    return thai.be_year(value) if value else ""


@register.filter
def be_year_title(title):
    """The admin's date_hierarchy links a year by its Gregorian number ("2021"): show it in B.E."""
    text = str(title)
    return thai.be_year_number(int(text)) if text.isascii() and text.isdigit() and len(text) == 4 else title


@register.filter
def meeting_number(meeting):
    """ครั้งที่ 1/2565 (No. 1/2565 in English)."""
    if not meeting:
        return ""
    return _("ครั้งที่ %(number)s/%(fiscal_year)s") % {"number": meeting.number, "fiscal_year": meeting.fiscal_year}
