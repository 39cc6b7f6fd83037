"""Every list page makes the same number of queries for 1 honoree as for 50, and at most 10."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.public.conftest import make_public_honorees

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10


def list_urls(honoree):
    return [
        "/",
        "/en/",
        "/honorees/",
        "/honorees/?sort=name",
        "/honorees/?district=mueang-surat-thani&network=government&kind=person&virtue=sufficiency&year=2563&q=นาย",
        "/districts/",
        honoree.district.get_absolute_url(),
        "/networks/",
        honoree.network.get_absolute_url(),
        "/meetings/",
        honoree.meeting.get_absolute_url(),
        honoree.get_absolute_url(),
        "/feeds/honorees/",
    ]


def count_queries(client, urls):
    from django.core.cache import cache

    counts = {}
    for url in urls:
        cache.clear()  # measure the page, not the page cache
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


@pytest.mark.parametrize("rows", [1, 50])
def test_public_pages_stay_within_the_query_budget(client, rows):
    honorees = make_public_honorees(rows)
    for url, n in count_queries(client, list_urls(honorees[0])).items():
        assert n <= MAX_QUERIES, (url, n)


def test_list_pages_make_the_same_number_of_queries_for_1_and_50_honorees(client, django_db_blocker):
    one = make_public_honorees(1)[0]
    with_one = count_queries(client, list_urls(one))
    make_public_honorees(49)
    with_fifty = count_queries(client, list_urls(one))
    assert with_fifty == with_one


def test_honoree_list_query_count_is_fixed(client, django_assert_num_queries):
    make_public_honorees(1)
    from django.core.cache import cache

    with CaptureQueriesContext(connection) as baseline:
        client.get("/honorees/")
    make_public_honorees(49)
    cache.clear()
    with django_assert_num_queries(len(baseline)):
        response = client.get("/honorees/")
    assert response.content.decode().count('class="card"') == 24
