"""honorees/consent.py answers every consent question; its row predicates and its queryset
filters agree on every combination of the consent fields."""

import itertools
from datetime import date
from types import SimpleNamespace

import pytest
from django.utils import timezone

from honorees import consent
from honorees.models import Honoree
from networks.models import District, Network

pytestmark = pytest.mark.django_db

GUARDIANS = {"none": ("", None), "full": ("นางแม่ ผู้ปกครอง", date(2024, 1, 2)), "name only": ("นางแม่", None)}
GRID = list(
    itertools.product(
        ["person", "organization"],  # kind
        [True, False],  # is_living
        [True, False],  # is_minor
        [True, False],  # consent given on a date
        ["", "written"],  # consent_method
        [True, False],  # covers name
        [True, False],  # covers photo
        list(GUARDIANS),
        [True, False],  # withdrawn
    )
)


@pytest.fixture
def grid_rows():
    district, network = District.objects.first(), Network.objects.first()
    rows = []
    for n, (kind, living, minor, given, method, name, photo, guardian, withdrawn) in enumerate(GRID):
        guardian_name, guardian_on = GUARDIANS[guardian]
        rows.append(
            Honoree(
                name=f"ทดสอบ {n}",
                slug=f"grid-{n}",
                sort_key=str(n),
                name_key=str(n),
                citation="ทดสอบ",
                district=district,
                network=network,
                kind=kind,
                is_living=living,
                is_minor=minor,
                consent_given_on=date(2024, 1, 1) if given else None,
                consent_method=method,
                consent_covers_name=name,
                consent_covers_photo=photo,
                guardian_name=guardian_name,
                guardian_consent_on=guardian_on,
                consent_withdrawn_at=timezone.now() if withdrawn else None,
            )  # fmt: skip
        )
    return Honoree.objects.bulk_create(rows)


def test_publishable_consent_filter_agrees_with_the_row_predicate(grid_rows):
    publishable = set(Honoree.objects.filter(consent.publishable_consent_q(Honoree)).values_list("pk", flat=True))
    for row in grid_rows:
        assert (row.pk in publishable) == consent.has_publishable_consent(row), GRID[grid_rows.index(row)]
    assert 0 < len(publishable) < len(grid_rows)


def test_photo_filter_agrees_with_the_row_predicate(grid_rows):
    covered = set(Honoree.objects.filter(consent.covers_q(Honoree, "photo")).values_list("pk", flat=True))
    for row in grid_rows:
        assert (row.pk in covered) == consent.covers(row, "photo")


def test_the_filters_work_for_another_model_with_the_same_fields(grid_rows):
    history = Honoree.history.model
    assert history.objects.count() == 0  # bulk_create writes no history: make some
    for row in grid_rows[:64]:
        row.save(update_fields=["consent_method"])
    publishable = set(history.objects.filter(consent.publishable_consent_q(history)).values_list("id", flat=True))
    assert publishable == {row.pk for row in grid_rows[:64] if consent.has_publishable_consent(row)}


def test_missing_consent_is_named_piece_by_piece():
    row = SimpleNamespace(
        is_living=True, is_minor=True, consent_given_on=None, consent_method="", consent_covers_name=False,
        guardian_name="", guardian_consent_on=None, consent_withdrawn_at=None,
    )  # fmt: skip
    assert consent.consent_missing(row) == [
        "วันที่ให้ความยินยอม",
        "วิธีให้ความยินยอม",
        "ยินยอมเผยแพร่ชื่อ",
        "ความยินยอมของผู้ปกครอง",
    ]
    row.is_living = False  # a row without `kind` holds a person; the late need no consent
    assert consent.consent_missing(row) == [] and consent.has_publishable_consent(row)


def test_recorded_consent_errors_name_their_fields():
    row = Honoree(kind="organization", is_minor=True, consent_covers_photo=True, consent_given_on=None)
    assert set(consent.consent_record_errors(row)) == {"consent_given_on", "is_minor"}
    row = Honoree(kind="person", is_minor=True, consent_given_on=date(2024, 1, 1), consent_method="")
    assert set(consent.consent_record_errors(row)) == {"consent_method", "guardian_name"}
    row.consent_method, row.guardian_name, row.guardian_consent_on = "written", "นางแม่", date(2024, 1, 2)
    assert consent.consent_record_errors(row) == {}
