"""Hostile and odd input on every public URL: a friendly page or a 404, never a 500."""

import pytest

from tests.factories import make_honoree

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    "/",
    "/honorees/",
    "/districts/",
    "/districts/ko-samui/",
    "/networks/",
    "/networks/government/",
    "/meetings/",
    "/feeds/honorees/",
    "/en/",
    "/en/honorees/",
    "/en/districts/",
]
HOSTILE = [
    "page=abc",
    "page=99999",
    "page=0",
    "page=-1",
    "page=1e9",
    "q=" + "ก" * 5000,
    "q=" + "x" * 4000,
    "q=%00%00abc",
    "q=%ED%A0%80",
    "q=%E2%80%8F%E0%B8%A1%E0%B8%B2%E0%B8%A5%E0%B8%B5%E2%80%8E",
    "q=%FF%FE",
    "q='%20OR%201=1--",
    "q=%25%25_%5C",
    "district=%00",
    "district=atlantis",
    "district=" + "x" * 5000,
    "network=%ED%A0%80",
    "kind=robot",
    "kind=",
    "year=abc",
    "year=99999999999999999999",
    "year=-2568",
    "year=2568.5",
    "year=%C2%B2%E2%81%B5%E2%81%B6%E2%81%B4",  # superscript ²⁵⁶⁴: isdigit() but not int()
    "year=%E0%B9%92%E0%B9%95%E0%B9%96%E0%B9%98",  # Thai digits ๒๕๖๘
    "virtue=%00honesty",
    "sort=random",
    "sort=%00",
    "district=ko-samui&district=chaiya",
    "q[]=x",
]


@pytest.fixture(autouse=True)
def _content():
    make_honoree(name="นางมาลี ศรีสุข")


@pytest.mark.parametrize("url", PUBLIC_URLS)
@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_strings_never_give_a_server_error(client, url, query):
    response = client.get(f"{url}?{query}")
    # 414: the request guard refuses a query string over MAX_QUERY_STRING_LENGTH.
    assert response.status_code in (200, 400, 404, 414), response.status_code
    if response.status_code in (400, 404) and response["Content-Type"].startswith("text/html"):
        body = response.content.decode()
        assert "หอเกียรติยศคนดี" in body or "Hall of Fame" in body


@pytest.mark.parametrize(
    "url",
    [
        "/honorees/nobody/",
        "/honorees/%ED%A0%80/",
        "/honorees/%00/",
        "/honorees/%E0%B8%A1%E0%B8%B2%E0%B8%A5%E0%B8%B5/",
        "/districts/atlantis/",
        "/networks/nothing/",
        "/meetings/9999-1/",
        "/meetings/%00/",
        "/en/honorees/nobody/",
        "/" + "a" * 3000 + "/",
    ],
)
def test_unknown_and_odd_paths_are_a_friendly_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    body = response.content.decode()
    assert "ไม่พบหน้าที่ต้องการ" in body or "Page not found" in body


def test_page_beyond_the_last_is_a_friendly_404(client):
    response = client.get("/honorees/?page=99999")
    assert response.status_code == 404
    assert "ไม่พบหน้าที่ต้องการ" in response.content.decode()


def test_long_query_is_cut_and_shown_escaped(client):
    # 400 Thai letters: as long as an address may be (4,096 bytes encoded), far over the 100 kept.
    response = client.get("/honorees/", {"q": "<b>" + "ม" * 400})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<b>ม" not in body
    assert "&lt;b&gt;" + "ม" * 97 in body
    assert "ม" * 101 not in body


def test_direction_marks_and_zero_width_characters_are_stripped_from_the_search(client):
    response = client.get("/honorees/", {"q": "\u200fมา\u200bลี\u200e"})
    assert response.status_code == 200
    assert "นางมาลี ศรีสุข" in response.content.decode()


def test_clean_text_drops_what_no_database_takes():
    from honorees.filters import clean_text

    assert clean_text("มา\x00ลี\ud800\ufffd\u202e  ศรี\tสุข ") == "มาลี ศรี สุข"
    assert len(clean_text("ก" * 5000, 100)) == 100
