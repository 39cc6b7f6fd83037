from django import template

from halloffame import thai

register = template.Library()


@register.filter
def thai_date(value):
    return thai.thai_date(value) if value else ""


@register.filter
def thai_date_short(value):
    return thai.thai_date_short(value) if value else ""


@register.filter
def thai_month_year(value):
    return thai.thai_month_year(value) if value else ""


@register.filter
def be_year(value):
    return thai.be_year(value) if value else ""
