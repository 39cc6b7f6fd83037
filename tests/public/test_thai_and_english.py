"""Thai first, English at /en/: B.E. dates in both, English names, a switcher, translated strings."""

from datetime import date

import pytest
from django.utils import translation

from halloffame import thai
from halloffame.templatetags import thai as thai_filters
from networks.models import Network
from tests.factories import make_honoree, make_meeting

pytestmark = pytest.mark.django_db


def test_english_dates_stay_in_the_buddhist_era():
    assert thai.be_date(date(2021, 10, 26), "en") == "26 October 2564 B.E."
    assert thai.be_month_year(date(2021, 10, 26), "en") == "October 2564 B.E."
    assert thai.be_date_short(date(2022, 1, 1), "en") == "1 Jan 2565"


def test_date_filters_follow_the_page_language():
    meeting = make_meeting(day=date(2021, 10, 26))
    assert thai_filters.thai_date(meeting.date) == "26 ตุลาคม 2564"
    assert thai_filters.meeting_number(meeting) == "ครั้งที่ 1/2565"
    with translation.override("en"):
        assert thai_filters.thai_date(meeting.date) == "26 October 2564 B.E."
        assert thai_filters.thai_month_year(meeting.date) == "October 2564 B.E."
        assert thai_filters.meeting_number(meeting) == "No. 1/2565"


def test_thai_pages_are_lang_th_and_self_host_sarabun(client):
    body = client.get("/").content.decode()
    assert '<html lang="th">' in body
    assert "/static/fonts/sarabun-thai-400-normal.woff2" in body
    assert "fonts.googleapis" not in body and "cdn" not in body.lower()


def test_english_profile_uses_english_names_and_interface(client):
    honoree = make_honoree(
        meeting=make_meeting(day=date(2021, 10, 26)), name="นางมาลี ศรีสุข", name_en="Mrs. Malee Srisuk"
    )
    response = client.get(f"/en{honoree.get_absolute_url()}")
    assert response.status_code == 200
    body = response.content.decode()
    assert '<html lang="en">' in body
    assert '<h1 class="profile__name">Mrs. Malee Srisuk</h1>' in body
    assert honoree.district.name_en in body and honoree.network.name_en in body
    assert "26 October 2564 B.E." in body and "No. 1/2565" in body
    assert "Person" in body  # the kind, translated
    assert "ผู้ได้รับการยกย่อง" not in body  # the menu is in English
    assert "Share on LINE" in body


@pytest.mark.parametrize("path", ["/", "/honorees/", "/districts/", "/networks/", "/meetings/"])
def test_every_page_links_to_itself_in_the_other_language(client, path):
    make_honoree()
    thai_body = client.get(path).content.decode()
    assert f'<a class="lang-switch" href="/en{path}" hreflang="en" lang="en">English</a>' in thai_body
    english_body = client.get(f"/en{path}").content.decode()
    assert f'<a class="lang-switch" href="{path}" hreflang="th" lang="th">ภาษาไทย</a>' in english_body


def test_language_switch_keeps_the_filters(client):
    body = client.get("/honorees/?district=ko-samui&sort=name").content.decode()
    assert 'href="/en/honorees/?district=ko-samui&amp;sort=name"' in body


def test_english_pages_have_no_untranslated_interface_text(client):
    """Every interface string is in the English catalogue; only data (Thai names) may stay Thai."""
    network = Network.objects.get(slug="government")
    honoree = make_honoree(
        name="นางมาลี", name_en="Mrs. Malee", network=network, citation="Helps everyone", story="Her story."
    )
    honoree.meeting.venue = "Provincial Hall"
    honoree.meeting.save()
    import re

    objects = [honoree, honoree.meeting, honoree.district, network]
    paths = ["/en/", "/en/honorees/", "/en/districts/", "/en/networks/", "/en/meetings/", "/en/nowhere/"]
    for path in paths + [f"/en{obj.get_absolute_url()}" for obj in objects]:
        body = client.get(path).content.decode()
        body = re.sub(r'<script type="application/ld\+json">.*?</script>', "", body, flags=re.S)
        # Data in Thai is marked as such (the Thai name under the English one, the switcher).
        body = re.sub(r'lang="th">[^<]*<', "", body)
        thai_text = re.findall(r"[\u0e00-\u0e7f]+", body)
        assert thai_text == [], f"{path}: {thai_text[:10]}"


@pytest.mark.parametrize("path", ["/", "/honorees/?district=ko-samui", "/about/"])
def test_head_names_the_page_in_both_languages_and_a_default(client, path):
    for body in (client.get(path).content.decode(), client.get(f"/en{path}").content.decode()):
        assert f'<link rel="alternate" hreflang="th" href="http://testserver{path}">' in body
        assert f'<link rel="alternate" hreflang="en" href="http://testserver/en{path}">' in body
        assert f'<link rel="alternate" hreflang="x-default" href="http://testserver{path}">' in body
