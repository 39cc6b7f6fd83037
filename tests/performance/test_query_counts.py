"""No public page makes more than 10 database queries, whatever the number of honorees."""

import pytest

from honorees.models import Honoree
from tests.performance.conftest import public_urls

MAX_QUERIES = 10


@pytest.fixture
def urls(site):
    return public_urls(site)


def test_every_public_page_makes_at_most_ten_queries_when_rendered(
    client, site, urls, settings, django_assert_max_num_queries
):
    settings.PAGE_CACHE = False
    for url in urls:
        with django_assert_max_num_queries(MAX_QUERIES, info=url):
            response = client.get(url)
        assert response.status_code == 200, url


def test_a_cache_miss_adds_only_the_version_read(client, site, urls, django_assert_max_num_queries):
    for url in urls:
        with django_assert_max_num_queries(MAX_QUERIES + 1, info=url):
            response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == "miss", url


def test_a_cached_page_costs_one_query(client, site, urls, django_assert_num_queries):
    for url in urls:
        client.get(url)
        with django_assert_num_queries(1, info=url):
            response = client.get(url)
        assert response["X-Page-Cache"] == "hit", url


def test_query_count_does_not_grow_with_the_number_of_honorees(client, site, settings):
    """The same pages with a tenth of the honorees make exactly as many queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE = False
    urls = [url for url in public_urls(site) if "page=2" not in url]

    def counts():
        result = {}
        for url in urls:
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200, url
            result[url] = len(queries)
        return result

    big = counts()
    for honoree in site["public"][6:]:
        honoree.virtues.clear()
        honoree.delete()
    small = counts()
    assert small == big


def api_urls(site) -> list[str]:
    honoree, meeting = site["public"][0], site["meetings"][0]
    return [
        "/api/v1/honorees/",
        "/api/v1/honorees/?q=สม",
        f"/api/v1/honorees/?district={honoree.district.slug}",
        f"/api/v1/honorees/{honoree.slug}/",
        f"/api/v1/meetings/{meeting.slug}/",
    ]


def test_the_api_queries_do_not_grow_with_the_honorees_it_lists(client, site, settings):
    """Records take their virtues from the shared summary: no query per honoree, none per virtue."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PAGE_CACHE = False

    def counts():
        result = {}
        for url in api_urls(site):
            client.get(url)  # the shared summary's parts, counted once per content version
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, url
            result[url] = len(queries)
        return result

    big = counts()
    assert max(big.values()) <= MAX_QUERIES, big
    for honoree in site["public"][6:]:
        honoree.delete()
    Honoree.objects.filter(pk=site["public"][0].pk).first().virtues.clear()
    assert counts() == big
