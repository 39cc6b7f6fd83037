"""The secretariat manages officer accounts in the admin; anyone resets a forgotten password by e-mail."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse

from halloffame.staff.models import StaffProfile
from networks.models import District
from tests.admin.conftest import PASSWORD, make_staff

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def secretariat_client(db):
    client = Client()
    client.force_login(make_staff("secretariat1", "secretariat"))
    return client


def account_form(**overrides):
    data = {
        "username": "officer_chaiya",
        "first_name": "มานี",
        "last_name": "มีนา",
        "email": "chaiya@example.org",
        "is_active": "on",
        "role": "district_officer",
        "districts": [District.objects.get(code="8408").pk],
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def link_in(message) -> str:
    return re.search(r"http\S+/reset/\S+/", message.body).group(0)


def test_secretariat_creates_an_officer_account_and_its_owner_sets_the_password(secretariat_client):
    response = secretariat_client.post(reverse("admin:auth_user_add"), account_form())
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(username="officer_chaiya")
    assert user.is_staff and user.is_active and not user.is_superuser and not user.has_usable_password()
    assert [g.name for g in user.groups.all()] == ["district_officer"]
    assert [d.code for d in StaffProfile.objects.get(user=user).districts.all()] == ["8408"]
    [message] = mail.outbox
    assert message.to == ["chaiya@example.org"] and "บัญชีเจ้าหน้าที่ของคุณพร้อมแล้ว" in message.subject
    assert "ชื่อผู้ใช้: officer_chaiya" in message.body

    # The owner follows the link and chooses a password; then they can log in and see Chaiya only.
    owner = Client()
    page = owner.get(link_in(message), follow=True)
    assert "ตั้งรหัสผ่านใหม่" in page.content.decode()
    form_url = page.redirect_chain[-1][0]
    done = owner.post(form_url, {"new_password1": "Mango-sticky-rice-84", "new_password2": "Mango-sticky-rice-84"})
    assert done.status_code == 302
    assert owner.login(username="officer_chaiya", password="Mango-sticky-rice-84")


def test_an_officer_account_needs_a_district_and_an_email(secretariat_client):
    response = secretariat_client.post(reverse("admin:auth_user_add"), account_form(districts=[], email=""))
    errors = response.context["adminform"].form.errors
    assert "อย่างน้อยหนึ่งอำเภอ" in str(errors["districts"]) and "email" in errors
    assert not User.objects.filter(username="officer_chaiya").exists() and mail.outbox == []


def test_secretariat_changes_districts_and_closes_an_account(secretariat_client):
    officer = make_staff("officer_samui", "district_officer", "8404")
    url = reverse("admin:auth_user_change", args=[officer.pk])
    page = secretariat_client.get(url).content.decode()
    assert "ส่งลิงก์ตั้งรหัสผ่าน" in page and 'name="password"' not in page
    both = [District.objects.get(code=c).pk for c in ("8404", "8405")]
    secretariat_client.post(url, account_form(username="officer_samui", districts=both, email="s@example.org"))
    assert sorted(d.code for d in officer.staff_profile.districts.all()) == ["8404", "8405"]
    changelist = reverse("admin:auth_user_changelist")
    secretariat_client.post(changelist, {"action": "deactivate_selected", "_selected_action": [officer.pk]})
    officer.refresh_from_db()
    assert not officer.is_active
    assert not Client().login(username="officer_samui", password=PASSWORD)


def test_secretariat_cannot_close_its_own_account_or_touch_a_superuser(secretariat_client):
    me = User.objects.get(username="secretariat1")
    root = User.objects.create_superuser("root", "root@example.org", "x-Very-long-1")
    changelist = reverse("admin:auth_user_changelist")
    secretariat_client.post(changelist, {"action": "deactivate_selected", "_selected_action": [me.pk]})
    me.refresh_from_db()
    assert me.is_active
    assert secretariat_client.get(reverse("admin:auth_user_change", args=[root.pk])).status_code == 404
    assert "root" not in secretariat_client.get(changelist).content.decode()


def test_secretariat_sends_a_password_link_from_the_admin(secretariat_client):
    officer = make_staff("officer_samui", "district_officer", "8404")
    officer.email = "samui@example.org"
    officer.save()
    url = reverse("admin:auth_user_password_link", args=[officer.pk])
    assert "samui@example.org" in secretariat_client.get(url).content.decode()  # asks first
    assert mail.outbox == []
    secretariat_client.post(url)
    [message] = mail.outbox
    assert message.to == ["samui@example.org"] and "ลิงก์ตั้งรหัสผ่านใหม่" in message.subject


def test_officers_cannot_manage_accounts():
    client = Client()
    client.force_login(make_staff("officer_samui", "district_officer", "8404"))
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_user_add")).status_code == 403


def test_anyone_resets_a_forgotten_password_by_email(client):
    officer = make_staff("officer_samui", "district_officer", "8404")
    officer.email = "samui@example.org"
    officer.save()
    login = client.get(reverse("admin:login")).content.decode()
    assert reverse("admin_password_reset") in login
    page = client.get(reverse("admin_password_reset"))
    assert page.status_code == 200 and "อีเมลของบัญชีเจ้าหน้าที่" in page.content.decode()
    response = client.post(reverse("admin_password_reset"), {"email": "SAMUI@example.org"}, follow=True)
    assert "ระบบได้ส่งลิงก์ตั้งรหัสผ่านไปแล้ว" in response.content.decode()
    [message] = mail.outbox
    owner = Client()
    form_url = owner.get(link_in(message), follow=True).redirect_chain[-1][0]
    owner.post(form_url, {"new_password1": "Rambutan-garden-77", "new_password2": "Rambutan-garden-77"})
    assert owner.login(username="officer_samui", password="Rambutan-garden-77")
    # The link works once.
    assert "ลิงก์นี้ใช้ไม่ได้แล้ว" in Client().get(link_in(message), follow=True).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client):
    response = client.post(reverse("admin_password_reset"), {"email": "nobody@example.org"}, follow=True)
    assert "ระบบได้ส่งลิงก์ตั้งรหัสผ่านไปแล้ว" in response.content.decode()
    assert mail.outbox == []


def test_password_reset_requests_are_rate_limited(client):
    for _ in range(5):
        assert client.post(reverse("admin_password_reset"), {"email": "x@example.org"}).status_code == 302
    response = client.post(reverse("admin_password_reset"), {"email": "x@example.org"})
    assert response.status_code == 429 and "ขอลิงก์บ่อยเกินไป" in response.content.decode()


def test_add_staff_stays_for_the_it_officer(monkeypatch):
    from django.core.management import call_command

    monkeypatch.setenv("NEW_PASSWORD", "Durian-season-2569")
    call_command(
        "add_staff", "it_made", "--role", "district_officer", "--district", "8401", "--password-env", "NEW_PASSWORD"
    )
    assert User.objects.get(username="it_made").check_password("Durian-season-2569")
