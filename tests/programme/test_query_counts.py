"""The programme's pages make the same number of queries for 1 row as for 50."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from networks.models import District, Network
from networks.programme.models import Level
from tests.factories import make_honoree
from tests.programme.factories import make_coach, make_learning_source, make_lesson, make_organisation

pytestmark = pytest.mark.django_db
MAX_QUERIES = 12


def make_rows(count):
    districts = list(District.objects.order_by("code"))
    networks = list(Network.objects.order_by("order"))
    first = None
    for i in range(count):
        organisation = make_organisation(
            district=districts[i % 19], network=networks[i % 8], levels=[(2568, Level.MORAL), (2569, Level.MODEL)]
        )
        make_learning_source(organisation=organisation)
        lesson = make_lesson(network=networks[i % 8])
        lesson.organisations.add(organisation)
        make_coach(organisation=organisation, network=networks[i % 8])
        if first is None:
            first = (organisation, lesson)
        make_honoree(model_organisation=first[0])
    return first


def urls(organisation, lesson):
    return [
        "/models/",
        "/models/?level=3&year=2569&district=mueang-surat-thani",
        "/models/progress/",
        organisation.get_absolute_url(),
        "/learning/",
        organisation.learning_sources.first().get_absolute_url(),
        "/lessons/",
        lesson.get_absolute_url(),
        "/honorees/?q=ชุมชน",
    ]


def counts(client, addresses):
    result = {}
    for url in addresses:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        result[url] = len(queries)
    return result


def test_programme_pages_make_as_many_queries_for_50_rows_as_for_1(client):
    organisation, lesson = make_rows(1)
    with_one = counts(client, urls(organisation, lesson))
    make_rows(49)
    with_fifty = counts(client, urls(organisation, lesson))
    assert with_fifty == with_one
    assert max(with_one.values()) <= MAX_QUERIES, with_one
