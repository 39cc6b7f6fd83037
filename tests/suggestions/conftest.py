"""Suggestions from the public: the form's data, staff accounts made the way province IT makes
them (`add_staff`), and suggestions in the database."""

import io
import itertools
import os
import time
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from honorees.suggestions.models import Suggestion
from networks.models import District

PASSWORD = "Ch4nge-me-please"
_counter = itertools.count(1)


def make_staff(username, role, *codes):
    os.environ["HOF_TEST_STAFF_PASSWORD"] = PASSWORD
    args = [username, "--role", role, "--password-env", "HOF_TEST_STAFF_PASSWORD"]
    for code in codes:
        args += ["--district", code]
    call_command("add_staff", *args, stdout=io.StringIO())
    return get_user_model().objects.get(username=username)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(**changes) -> dict:
    """What a person types into /suggest/."""
    data = {
        "kind": "person",
        "name": "นางสมศรี ใจบุญ",
        "district": "ko-samui",
        "network": "health-volunteers",
        "achievements": "ป้าสมศรีทำอาหารให้ผู้สูงอายุที่อยู่ลำพังในหมู่บ้านทุกวันมาสิบปี\n\nและพาไปหาหมอเมื่อเจ็บป่วย",
        "links": "https://example.org/news/somsri",
        "suggester_name": "นายวิชัย เพื่อนบ้าน",
        "suggester_email": "wichai@example.org",
        "suggester_phone": "081-234-5678",
        "relationship": "เพื่อนบ้าน",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def make_suggestion(*, district=None, status=Suggestion.Status.RECEIVED, **fields) -> Suggestion:
    n = next(_counter)
    values = {
        "kind": "person",
        "name": f"นายผู้ถูกเสนอ ลำดับ{n}",
        "district": district or District.objects.get(code="8404"),
        "achievements": "ช่วยเหลือชุมชนมาหลายปี ทั้งงานวัดและงานโรงเรียน",
        "suggester_name": f"นางผู้เสนอ ลำดับ{n}",
        "suggester_email": f"suggester{n}@example.org",
        "suggester_phone": "0812345678",
        "relationship": "ญาติ",
        "consent_given_at": timezone.now(),
        "status": status,
    }
    if status == Suggestion.Status.DECLINED:
        values.update(decline_reason="ไม่เข้าเกณฑ์", decided_at=timezone.now())
    values.update(fields)
    return Suggestion.objects.create(**values)


@pytest.fixture(autouse=True)
def one_rate_limit_window(monkeypatch):
    """The rate limit counts in fixed windows of an hour; a test running across the hour would see
    the count start again. Its clock stands still at the moment the test starts."""
    now = time.time()
    monkeypatch.setattr("halloffame.ratelimit.time", SimpleNamespace(time=lambda: now))


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
def secretariat(db):
    return make_staff("secretariat1", "secretariat")
