"""The programme's demo data: believable, at every level over three years, points inside districts."""

import pytest

from networks import map as district_map
from networks.models import Network
from networks.programme.demo import FISCAL_YEARS, programme_demo_load
from networks.programme.models import Assessment, LearningSource, Lesson, Level, ModelOrganisation

pytestmark = pytest.mark.django_db


def test_demo_data_covers_every_level_three_years_a_dozen_sources_and_a_lesson_per_network():
    programme_demo_load()
    assert ModelOrganisation.objects.public().count() >= 20
    assert set(Assessment.objects.values_list("fiscal_year", flat=True)) == set(FISCAL_YEARS)
    assert {Level.PROMOTING, Level.MORAL, Level.MODEL} <= set(Assessment.objects.values_list("level", flat=True))
    assert ModelOrganisation.objects.values("district").distinct().count() == 19
    sources = list(LearningSource.objects.public().select_related("district"))
    assert len(sources) == 12
    for source in sources:
        assert district_map.district_code_at(source.longitude, source.latitude) == source.district.code
    for network in Network.objects.all():
        assert Lesson.objects.public().filter(network=network).count() == 1
    programme_demo_load()  # again: nothing doubles
    assert LearningSource.objects.count() == 12
