"""The officer's form: their district chosen for them, no slug to puzzle over, names stored clean."""

import pytest
from django.urls import reverse

from honorees.models import Honoree
from networks.models import Network
from tests.admin.conftest import honoree_form, make_staff

pytestmark = pytest.mark.django_db
ADD = "admin:honorees_honoree_add"


def test_an_officer_of_one_district_finds_it_preselected(officer_client, samui):
    form = officer_client.get(reverse(ADD)).context["adminform"].form
    assert form.initial["district"] == samui.pk
    assert f'<option value="{samui.pk}" selected>' in str(form["district"])


def test_an_officer_of_two_districts_chooses(client):
    user = make_staff("officer_two", "district_officer", "8404", "8405")
    client.force_login(user)
    form = client.get(reverse(ADD)).context["adminform"].form
    assert "district" not in form.initial


def test_officers_never_see_the_slug_the_secretariat_does(officer_client, secretariat_client, samui):
    assert "slug" not in officer_client.get(reverse(ADD)).context["adminform"].form.fields
    assert 'name="slug"' not in officer_client.get(reverse(ADD)).content.decode()
    assert "slug" in secretariat_client.get(reverse(ADD)).context["adminform"].form.fields


def test_an_officer_saves_without_a_slug_and_gets_one(officer_client, samui):
    data = honoree_form(samui, Network.objects.first(), name_en="Ms. Kind Heart")
    del data["slug"]
    officer_client.post(reverse(ADD), data)
    assert Honoree.objects.get(name_en="Ms. Kind Heart").slug == "ms-kind-heart"


def test_names_are_saved_with_whitespace_cleaned(officer_client, samui):
    data = honoree_form(
        samui,
        Network.objects.first(),
        name="  นางสาว\u00a0ทดลอง   ใจงาม\u200b ",
        name_en=" Ms.  Test\tKind ",
        photo_alt="  ยิ้ม   ที่ตลาด ",
    )
    response = officer_client.post(reverse(ADD), data)
    assert response.status_code == 302
    honoree = Honoree.objects.get()
    assert honoree.name == "นางสาว ทดลอง ใจงาม"
    assert honoree.name_en == "Ms. Test Kind"
    assert honoree.photo_alt == "ยิ้ม ที่ตลาด"
