"""The meeting-day pages make the same number of queries for 1 honoree as for a full meeting of 19."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.models import District
from tests.factories import make_honoree

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10


def page_urls(meeting):
    return [
        reverse("meetings:announcement", args=[meeting.slug]),
        reverse("meetings:present", args=[meeting.slug]),
    ]


def count_queries(client, urls):
    counts = {}
    for url in urls:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[url] = len(queries)
    return counts


def fill(meeting, districts):
    for district in districts:
        make_honoree(meeting=meeting, district=district)


def test_announcement_and_slides_make_the_same_queries_for_1_and_19_honorees(client, meeting):
    districts = list(District.objects.order_by("code"))
    fill(meeting, districts[:1])
    with_one = count_queries(client, page_urls(meeting))
    fill(meeting, districts[1:])
    with_all = count_queries(client, page_urls(meeting))
    assert with_all == with_one
    assert all(n <= MAX_QUERIES for n in with_all.values()), with_all


def test_certificates_and_board_make_the_same_queries_for_1_and_19_honorees(secretariat_client, meeting):
    districts = list(District.objects.order_by("code"))
    urls = [
        reverse("admin:meetings_meeting_certificates", args=[meeting.pk]),
        reverse("admin:meetings_meeting_board", args=[meeting.pk]),
    ]
    fill(meeting, districts[:1])
    count_queries(secretariat_client, urls)  # the first print makes the certificates
    with_one = count_queries(secretariat_client, urls)
    fill(meeting, districts[1:])
    count_queries(secretariat_client, urls)
    with_all = count_queries(secretariat_client, urls)
    assert with_all == with_one


def test_verification_page_makes_few_queries(client, meeting, samui_honoree, django_assert_max_num_queries):
    from meetings.services import certificates_issue

    certificate = certificates_issue(meeting=meeting, honorees=[samui_honoree])[samui_honoree.pk]
    with django_assert_max_num_queries(4):
        assert client.get(reverse("verify", args=[certificate.code])).status_code == 200
