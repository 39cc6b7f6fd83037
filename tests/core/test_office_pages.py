"""The pages a Thai government site must have (DGA): linked from every page's footer, in both languages."""

import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

OFFICE_PAGES = {
    "/about/": "เกี่ยวกับหอเกียรติยศคนดี",
    "/contact/": "ติดต่อเรา",
    "/accessibility/": "WCAG 2.1",
    "/cookies/": "csrftoken",
    "/site-map/": "แผนผังเว็บไซต์",
}


@pytest.mark.parametrize("url", OFFICE_PAGES)
def test_office_page_is_linked_from_the_footer_of_the_home_page(client, url):
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    assert f'href="{url}"' in footer


@pytest.mark.parametrize("url,text", OFFICE_PAGES.items())
def test_office_page_renders_in_thai_and_english(client, url, text):
    thai = client.get(url)
    assert thai.status_code == 200
    assert text in thai.content.decode()
    english = client.get(f"/en{url}")
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()


def test_contact_page_and_footer_show_the_office_contact_from_settings(client, settings):
    settings.OFFICE_CONTACT = {**settings.OFFICE_CONTACT, "phone": "0 7700 0000", "email": "office@example.go.th"}
    body = client.get("/contact/").content.decode()
    assert 'href="tel:077000000"' in body
    assert body.count("office@example.go.th") >= 2  # the contact list and the footer


def test_site_map_lists_every_district_and_network(client):
    body = client.get("/site-map/").content.decode().split('<main id="main"')[1].split("</main>")[0]
    assert body.count('href="/districts/') == 19 + 1
    assert body.count('href="/networks/') == 8 + 1


def test_make_run_settings_have_debug_off_and_keep_one_generated_secret(tmp_path):
    code = "from django.conf import settings as s; print(s.DEBUG, s.SECRET_KEY)"
    env = {"HALLOFFAME_VAR_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "halloffame.settings.local", "PATH": ""}
    run = lambda: subprocess.run(  # noqa: E731
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    first, second = run(), run()
    assert first[0] == "False"
    assert first[1] == second[1] == (tmp_path / "secret-key.txt").read_text().strip()
    assert len(first[1]) >= 50
    assert (tmp_path / "secret-key.txt").stat().st_mode & 0o077 == 0
