"""The honoree changelist costs the same number of queries with 1 row or 50."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.models import District
from tests.factories import make_honoree, uploaded_jpeg

pytestmark = pytest.mark.django_db


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("client_fixture", ["secretariat_client", "officer_client"])
def test_changelist_queries_do_not_grow_with_rows(request, client_fixture, samui, django_assert_max_num_queries):
    client = request.getfixturevalue(client_fixture)
    url = reverse("admin:honorees_honoree_changelist")
    make_honoree(district=samui, status="draft", meeting=None, photo=uploaded_jpeg())
    one = count_queries(client, url)
    for _ in range(49):
        make_honoree(district=samui, status="nominated", meeting=None)
    with django_assert_max_num_queries(one):
        page = client.get(url).content.decode()
    assert page.count('class="hof-thumb"') == 1  # the thumbnail column
    assert one <= 16


def test_meeting_board_queries_are_bounded(secretariat_client, django_assert_max_num_queries):
    from tests.factories import make_meeting

    meeting = make_meeting(published=False)
    for district in District.objects.all()[:10]:
        make_honoree(meeting=meeting, district=district, status="approved")
    with django_assert_max_num_queries(12):
        assert secretariat_client.get(reverse("admin:meetings_meeting_board", args=[meeting.pk])).status_code == 200
