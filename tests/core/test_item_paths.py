"""A row's address built from its list's path (halloffame.i18n.item_path) is the one reverse()
gives, in Thai and English, under a script prefix too."""

import pytest
from django.urls import reverse, set_script_prefix
from django.utils import translation

from halloffame.i18n import item_path


@pytest.mark.parametrize("language", ["th", "en"])
@pytest.mark.parametrize("prefix", ["/", "/halloffame/"])
def test_an_honoree_address_is_the_one_reverse_gives(language, prefix):
    set_script_prefix(prefix)
    try:
        with translation.override(language):
            expected = reverse("honorees:detail", kwargs={"slug": "ban-wat-pradu-school-20273"})
            assert item_path("honorees:list", "ban-wat-pradu-school-20273") == expected
    finally:
        set_script_prefix("/")
    assert expected.startswith(prefix) and ("/en/" in expected) == (language == "en")
