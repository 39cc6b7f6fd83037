"""Bad input: a clear Thai refusal and nothing saved."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from networks import map as district_map
from networks.models import District, Network
from networks.programme.demo import point_inside
from networks.programme.models import Assessment, LearningSource
from tests.programme.factories import make_learning_source, make_organisation

pytestmark = pytest.mark.django_db


def source(district, lat, lon):
    return LearningSource(
        name="ทดสอบ", district=district, network=Network.objects.first(), what_you_learn="x", address="x",
        latitude=lat, longitude=lon,
    )  # fmt: skip


def test_coordinates_outside_the_province_are_refused_in_thai():
    samui = District.objects.get(code="8404")
    with pytest.raises(ValidationError) as error:
        source(samui, "13.75630", "100.50180").full_clean()  # Bangkok
    assert "อยู่นอกจังหวัดสุราษฎร์ธานี" in str(error.value)


def test_coordinates_in_another_district_are_refused_naming_it():
    samui = District.objects.get(code="8404")
    import random

    lon, lat = point_inside("8405", random.Random(1))  # Ko Pha-ngan
    with pytest.raises(ValidationError) as error:
        source(samui, f"{lat:.5f}", f"{lon:.5f}").full_clean()
    assert "เกาะพะงัน" in str(error.value) and "เกาะสมุย" in str(error.value)


def test_every_district_holds_the_points_found_inside_it():
    import random

    for district in District.objects.all():
        lon, lat = point_inside(district.code, random.Random(district.pk))
        assert district_map.district_code_at(lon, lat) == district.code


def test_the_map_places_a_point_inside_the_drawing():
    drawing = district_map.district_map()
    x, y = drawing.point(99.33, 9.14)  # Mueang Surat Thani
    assert 0 < x < drawing.width and 0 < y < drawing.height


def test_an_assessment_year_in_ce_is_refused_in_thai():
    organisation = make_organisation()
    with pytest.raises(ValidationError) as error:
        Assessment(organisation=organisation, fiscal_year=2025, level=2).full_clean()
    assert "ค.ศ." in str(error.value) and "2568" in str(error.value)


def test_a_level_that_does_not_exist_is_refused():
    organisation = make_organisation()
    with pytest.raises(ValidationError):
        Assessment(organisation=organisation, fiscal_year=2568, level=9).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Assessment.objects.create(organisation=organisation, fiscal_year=2568, level=9)
    assert not Assessment.objects.exists()


def test_one_assessment_per_organisation_and_year():
    organisation = make_organisation(levels=[(2568, 2)])
    with pytest.raises(ValidationError) as error:
        Assessment(organisation=organisation, fiscal_year=2568, level=3).full_clean()
    assert "ปีงบประมาณนี้แล้ว" in str(error.value)


def test_bad_filter_values_give_the_list_with_a_thai_note_and_400(client):
    make_learning_source()
    response = client.get("/models/", {"level": "9", "year": "2025"})
    assert response.status_code == 400
    assert "ตัวกรองบางรายการไม่ถูกต้อง" in response.content.decode()
    response = client.get("/learning/", {"district": "atlantis"})
    assert response.status_code == 400
    assert "ไม่รู้จักอำเภอนี้" in response.content.decode()


def test_lesson_text_is_never_rendered_as_html(client):
    from tests.programme.factories import make_lesson

    lesson = make_lesson(body="## <script>alert(1)</script>\n\n<b>ตัวหนา</b> & [รูป 7]")
    body = client.get(lesson.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in body and "&lt;script&gt;" in body
    assert "<b>ตัวหนา</b>" not in body
