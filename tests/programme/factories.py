"""Programme rows for tests: real rows, sensible defaults, coordinates inside their district."""

import itertools
import random
from datetime import date

from networks.models import District, Network
from networks.programme.demo import point_inside
from networks.programme.models import Assessment, Coach, LearningSource, Lesson, Level, ModelOrganisation, Status

_counter = itertools.count(1)


def make_organisation(*, district=None, network=None, status=Status.PUBLISHED, levels=(), **fields):
    n = next(_counter)
    organisation = ModelOrganisation.objects.create(
        name=fields.pop("name", f"ชุมชนคุณธรรมทดสอบ {n}"),
        name_en=fields.pop("name_en", f"Test Moral Community {n}"),
        district=district or District.objects.get(code="8404"),
        network=network or Network.objects.first(),
        summary=fields.pop("summary", "ชุมชนที่ร่วมกันทำความดี"),
        status=status,
        **fields,
    )
    for year, level in levels:
        Assessment.objects.create(organisation=organisation, fiscal_year=year, level=level)
    return organisation


def make_learning_source(*, district=None, organisation=None, status=Status.PUBLISHED, **fields):
    n = next(_counter)
    district = district or (organisation.district if organisation else District.objects.get(code="8404"))
    lon, lat = point_inside(district.code, random.Random(n))
    return LearningSource.objects.create(
        name=fields.pop("name", f"แหล่งเรียนรู้ทดสอบ {n}"),
        name_en=fields.pop("name_en", f"Test Learning Source {n}"),
        organisation=organisation,
        district=district,
        network=fields.pop("network", None) or Network.objects.first(),
        what_you_learn="การทำเกษตรพอเพียง",
        address="หมู่ 1",
        latitude=f"{lat:.5f}",
        longitude=f"{lon:.5f}",
        status=status,
        **fields,
    )


def make_lesson(*, network=None, status=Status.PUBLISHED, **fields):
    n = next(_counter)
    return Lesson.objects.create(
        network=network or Network.objects.first(),
        name=fields.pop("name", f"บทเรียนทดสอบ {n}"),
        name_en=fields.pop("name_en", f"Test Lesson {n}"),
        summary="สรุป",
        body=fields.pop("body", "## หัวข้อ\nย่อหน้าแรก\n\nย่อหน้าที่สอง"),
        status=status,
        **fields,
    )


def make_coach(*, status=Status.PUBLISHED, **fields):
    n = next(_counter)
    defaults = {
        "name": f"นายโค้ช ทดสอบ{n}",
        "name_en": f"Coach Test {n}",
        "network": Network.objects.first(),
        "district": District.objects.get(code="8404"),
        "role": "โค้ชชุมชนคุณธรรม",
        "consent_given_on": date(2025, 1, 1),
        "consent_method": Coach.ConsentMethod.WRITTEN,
        "consent_covers_name": True,
        "consent_covers_photo": True,
        "consent_covers_story": True,
    }
    defaults.update(fields)
    return Coach.objects.create(status=status, **defaults)


LEVEL_MODEL = Level.MODEL
