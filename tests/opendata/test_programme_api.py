"""The programme's kinds in the open-data API, each under its own public() rule."""

import pytest

from networks.programme.models import Level, Status
from tests.opendata.test_api import get_json
from tests.programme.factories import make_learning_source, make_lesson, make_organisation

pytestmark = pytest.mark.django_db


def test_only_public_organisations_sources_and_lessons_are_listed(client):
    public = make_organisation(levels=[(2569, Level.MODEL)])
    draft = make_organisation(status=Status.DRAFT)
    source = make_learning_source(organisation=public)
    hidden_source = make_learning_source(organisation=draft)  # its organisation is not public
    lesson = make_lesson()
    make_lesson(status=Status.PROPOSED)

    organisations = get_json(client, "/api/v1/model-organisations/")["results"]
    assert [o["slug"] for o in organisations] == [public.slug]
    assert organisations[0]["level"] == Level.MODEL and organisations[0]["level_fiscal_year"] == 2569
    sources = get_json(client, "/api/v1/learning-sources/")["results"]
    assert [s["slug"] for s in sources] == [source.slug] and hidden_source.slug not in str(sources)
    assert sources[0]["organisation"] == public.slug and isinstance(sources[0]["latitude"], float)
    lessons = get_json(client, "/api/v1/lessons/")["results"]
    assert [item["slug"] for item in lessons] == [lesson.slug]


def test_withdrawing_an_organisation_takes_it_and_its_sources_out_at_once(client):
    organisation = make_organisation()
    make_learning_source(organisation=organisation)
    assert get_json(client, "/api/v1/learning-sources/")["results"]
    organisation.status = Status.WITHDRAWN
    organisation.save()
    assert get_json(client, "/api/v1/model-organisations/")["results"] == []
    assert get_json(client, "/api/v1/learning-sources/")["results"] == []


@pytest.mark.parametrize("url", ["/api/v1/model-organisations/", "/api/v1/learning-sources/", "/api/v1/lessons/"])
def test_query_count_does_not_grow_with_the_rows(client, url, django_assert_max_num_queries):
    make_organisation()
    make_learning_source()
    make_lesson()
    with django_assert_max_num_queries(4):  # rate limit, content version, the rows
        get_json(client, url)
    for _ in range(10):
        make_organisation()
        make_learning_source()
        make_lesson()
    with django_assert_max_num_queries(4):
        assert len(get_json(client, url)["results"]) >= 11
