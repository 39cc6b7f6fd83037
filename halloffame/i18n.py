"""Texts kept in Thai and, optionally, English: which one a page shows, and in which language;
and the addresses of pages that live under a list in each language."""

from functools import cache
from typing import NamedTuple

from django.urls import get_script_prefix, reverse
from django.utils import translation

from halloffame.thai import page_language


class ShownText(NamedTuple):
    text: str
    # "th" when the Thai text stands in for a missing English one, so templates mark it lang="th".
    lang: str = ""


def in_page_language(thai: str, english: str) -> ShownText:
    if page_language() == "en":
        return ShownText(english) if english else ShownText(thai, "th" if thai else "")
    return ShownText(thai)


def list_path(url_name: str, language: str | None = None) -> str:
    """reverse(url_name) of a page without arguments (a list, the contact page) in a language, the
    page's by default; worked out once per language and script prefix."""
    return _list_path(url_name, language or translation.get_language(), get_script_prefix())


@cache
def _list_path(url_name: str, language: str, script_prefix: str) -> str:
    with translation.override(language):
        return reverse(url_name)


def item_path(list_url_name: str, slug: str) -> str:
    """The path of a row's page at <list>/<slug>/ (an honoree's) in the page's language:
    what reverse() gives, without its cost on each of a hundred rows of a list, the API or a feed."""
    return f"{list_path(list_url_name)}{slug}/"
