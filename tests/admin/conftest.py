"""Staff accounts for the admin tests, made the way add_staff makes them (the roles migration's groups)."""

import pytest
from django.test import Client

from halloffame.staff.services import staff_save
from networks.models import District

PASSWORD = "Ch4nge-me-please"


def make_staff(username, role, *codes):
    user, _created = staff_save(username=username, role=role, district_codes=codes, password=PASSWORD)
    return user


@pytest.fixture
def samui(db):
    return District.objects.get(code="8404")


@pytest.fixture
def phangan(db):
    return District.objects.get(code="8405")


@pytest.fixture
def officer(db):
    """The Ko Samui district culture officer."""
    return make_staff("officer_samui", "district_officer", "8404")


@pytest.fixture
def other_officer(db):
    return make_staff("officer_phangan", "district_officer", "8405")


@pytest.fixture
def secretariat_user(db):
    return make_staff("secretariat1", "secretariat")


@pytest.fixture
def officer_client(officer):
    client = Client()
    client.force_login(officer)
    return client


@pytest.fixture
def other_officer_client(other_officer):
    client = Client()
    client.force_login(other_officer)
    return client


@pytest.fixture
def secretariat_client(secretariat_user):
    client = Client()
    client.force_login(secretariat_user)
    return client


def honoree_form(district, network, **overrides):
    """The POST body of the admin's honoree form, with consent recorded."""
    data = {
        "kind": "person",
        "name": "นางสาวทดลอง ใจงาม",
        "name_en": "",
        "slug": "",
        "district": district.pk,
        "network": network.pk,
        "citation": "ช่วยเหลือผู้สูงอายุในชุมชน",
        "story": "เรื่องราว",
        "photo_alt": "",
        "is_living": "on",
        "consent_given_on": "2024-01-15",
        "consent_method": "written",
        "consent_covers_name": "on",
        "consent_covers_photo": "on",
        "consent_covers_story": "on",
        "guardian_name": "",
        "guardian_consent_on": "",
        "contact_phone": "0812345678",
        "contact_email": "",
        "contact_address": "",
        "staff_notes": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []
