"""Texts kept in Thai and, optionally, English: which one a page shows, and in which language."""

from typing import NamedTuple

from halloffame.thai import page_language


class ShownText(NamedTuple):
    text: str
    # "th" when the Thai text stands in for a missing English one, so templates mark it lang="th".
    lang: str = ""


def in_page_language(thai: str, english: str) -> ShownText:
    if page_language() == "en":
        return ShownText(english) if english else ShownText(thai, "th" if thai else "")
    return ShownText(thai)
