"""Small helpers for the public templates: the language switcher and absolute URLs."""

from urllib.parse import quote

from django import template
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.safestring import mark_safe

from halloffame.thai import page_language

register = template.Library()


@register.simple_tag(takes_context=True)
def other_language(context):
    """(code, url) of this page in the other language: a plain link, no JavaScript or form."""
    request = context.get("request")
    target = "th" if page_language() == "en" else "en"
    home = "/" if target == "th" else "/en/"
    if request is None:
        return {"code": target, "url": home}
    path = request.get_full_path()
    try:
        url = translate_url(path, target)
    except ValueError:  # not a URL at all, e.g. //[x/ (an unclosed IPv6 host)
        url = path
    if url == path:
        url = home
    return {"code": target, "url": url}


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """This site's address for `path`. Built by hand, not by build_absolute_uri: a path such as
    //evil.example/x would otherwise name another host, and //[x/ would raise."""
    request = context.get("request")
    path, sep, query = path.partition("?")  # a query string (already encoded) is kept as it is
    path = escape_uri_path("/" + path.lstrip("/")) + sep + query
    return f"{request.scheme}://{request.get_host()}{path}" if request else path


@register.filter
def urlquote(value):
    return quote(str(value), safe="")


@register.simple_tag(takes_context=True)
def language_urls(context):
    """This page's address in each language ({"th": ..., "en": ...}), for the hreflang links."""
    other = other_language(context)
    current = "en" if other["code"] == "th" else "th"
    request = context.get("request")
    return {
        current: request.get_full_path() if request else ("/en/" if current == "en" else "/"),
        other["code"]: other["url"],
    }


@register.filter
def sitemap_urls(urlset) -> str:
    """Every <url> of a sitemap page (templates/sitemaps/sitemap.xml)."""
    from halloffame.sitemaps import url_xml

    return mark_safe("".join(map(url_xml, urlset)))  # noqa: S308 - url_xml escapes every value
