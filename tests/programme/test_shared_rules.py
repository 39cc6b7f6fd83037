"""The programme keeps no rule of its own that the hall already has: coaches' consent is
honorees/consent.py, the role groups' permissions are halloffame/staff/permissions.py, photos are
honorees/photos/."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from halloffame.staff import permissions
from honorees import consent
from networks.programme.models import Coach
from tests.factories import uploaded_jpeg
from tests.programme.factories import make_coach, make_organisation

pytestmark = pytest.mark.django_db


def group_permissions(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_coaches_and_honorees_share_one_consent_module():
    public = make_coach()
    minor = make_coach(is_minor=True)
    assert consent.has_publishable_consent(public) and public.has_publishable_consent
    assert consent.consent_missing(minor) == ["ความยินยอมของผู้ปกครอง"]
    assert set(Coach.objects.filter(consent.publishable_consent_q(Coach))) == {public}
    assert list(Coach.objects.public()) == [public]


def test_a_coach_photo_without_photo_consent_is_not_shown_nor_served(client):
    coach = make_coach(consent_covers_photo=False)
    coach.photo = uploaded_jpeg()
    coach.save()
    assert coach in Coach.objects.public() and coach.public_photo is None
    assert client.get(f"/media/{coach.photo.name}").status_code == 404


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"consent_given_on": None, "consent_method": ""}, "consent_given_on"),  # covers name, no record
        ({"is_minor": True}, "guardian_name"),  # a minor without a guardian's consent
        ({"consent_given_on": timezone.localdate() + timedelta(days=2)}, "consent_given_on"),  # the future
    ],
)
def test_a_coach_consent_recorded_wrongly_is_refused_in_thai(fields, field):
    coach = make_coach()
    for name, value in fields.items():
        setattr(coach, name, value)
    with pytest.raises(ValidationError) as raised:
        coach.full_clean()
    assert field in raised.value.message_dict
    assert any("\u0e00" <= c <= "\u0e7f" for c in " ".join(raised.value.message_dict[field]))


def test_role_groups_get_the_programme_permissions_from_the_staff_table():
    officer, secretariat = group_permissions("district_officer"), group_permissions("secretariat")
    proposes = {"programme.add_modelorganisation", "programme.change_learningsource", "programme.view_assessment"}
    assert proposes <= officer
    assert not {"programme.add_assessment", "programme.add_lesson", "programme.view_coach"} & officer
    assert not {p for p in officer if p.startswith("programme.delete_")}
    assert {"programme.add_assessment", "programme.delete_coach", "programme.change_programmetarget"} <= secretariat
    for role in permissions.ROLES:
        programme = {p for p in permissions.role_model_permissions(role) if p.startswith("programme.")}
        assert programme == {p for p in group_permissions(role) if p.startswith("programme.")}


def test_a_replaced_programme_photo_takes_its_renditions_with_it(django_capture_on_commit_callbacks):
    organisation = make_organisation()
    with django_capture_on_commit_callbacks(execute=True):
        organisation.photo = uploaded_jpeg(size=(900, 700))
        organisation.save()
    first = organisation.photo.name
    folder = f"programme/renditions/{first.removeprefix('programme/').removesuffix('.jpg')}"
    assert stored_in(folder)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        organisation.photo = uploaded_jpeg(size=(800, 600))
        organisation.save()
    assert organisation.photo.name != first
    assert not default_storage.exists(first)
    assert stored_in(folder) == []


def stored_in(folder: str) -> list[str]:
    try:
        return default_storage.listdir(folder)[1]
    except FileNotFoundError:
        return []
