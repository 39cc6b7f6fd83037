"""Roles come from a migration; add_staff creates and updates staff accounts."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import CommandError, call_command

from halloffame.staff import permissions

pytestmark = pytest.mark.django_db


def perms(group_name):
    return set(Group.objects.get(name=group_name).permissions.values_list("codename", flat=True))


def test_roles_migration_creates_both_groups_with_their_permissions():
    officer = perms("district_officer")
    secretariat = perms("secretariat")
    assert {"add_honoree", "change_honoree", "view_honoree", "view_meeting"} <= officer
    assert "delete_honoree" not in officer and "change_meeting" not in officer
    assert {"delete_honoree", "change_meeting", "add_meeting", "view_privacyrequest"} <= secretariat


def test_add_staff_creates_a_district_officer(monkeypatch):
    monkeypatch.setenv("H4_TEST_PW", "Sur4t-Thani-2568")
    call_command("add_staff", "samui1", "--role", "district_officer", "--district", "8404", "--district", "8405",
                 "--password-env", "H4_TEST_PW")  # fmt: skip
    user = User.objects.get(username="samui1")
    assert user.is_staff and not user.is_superuser and user.check_password("Sur4t-Thani-2568")
    assert permissions.role_of(user) == "district_officer"
    assert sorted(user.staff_profile.districts.values_list("code", flat=True)) == ["8404", "8405"]


def test_rerunning_add_staff_updates_role_and_districts_and_keeps_the_password(monkeypatch):
    monkeypatch.setenv("H4_TEST_PW", "Sur4t-Thani-2568")
    call_command(
        "add_staff", "staff1", "--role", "district_officer", "--district", "8404", "--password-env", "H4_TEST_PW"
    )
    user = User.objects.get(username="staff1")
    user.is_staff = False
    user.save()
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    call_command("add_staff", "staff1", "--role", "district_officer", "--district", "8410")
    user.refresh_from_db()
    assert user.is_staff and user.check_password("Sur4t-Thani-2568")
    assert list(user.staff_profile.districts.values_list("code", flat=True)) == ["8410"]
    call_command("add_staff", "staff1", "--role", "secretariat")
    user = User.objects.get(username="staff1")
    assert permissions.role_of(user) == "secretariat"
    assert list(user.groups.values_list("name", flat=True)) == ["secretariat"]
    assert not user.staff_profile.districts.exists()


def test_password_prompt_is_used_without_password_env(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "Pr0mpted-Passw0rd")
    call_command("add_staff", "prompted", "--role", "secretariat")
    assert User.objects.get(username="prompted").check_password("Pr0mpted-Passw0rd")


@pytest.mark.parametrize(
    "args,message",
    [
        (["--role", "district_officer", "--district", "9999"], "ไม่พบรหัสอำเภอ: 9999"),
        (["--role", "district_officer", "--district", "8404", "--district", "84x"], "ไม่พบรหัสอำเภอ: 84x"),
        (["--role", "district_officer"], "ต้องระบุอำเภอ"),
        (["--role", "secretariat", "--district", "8404"], "ไม่ต้องระบุ --district"),
    ],
)
def test_add_staff_refuses_bad_input_and_writes_nothing(monkeypatch, args, message):
    monkeypatch.setenv("H4_TEST_PW", "Sur4t-Thani-2568")
    with pytest.raises(CommandError, match=message):
        call_command("add_staff", "nobody", *args, "--password-env", "H4_TEST_PW")
    assert not User.objects.filter(username="nobody").exists()


def test_add_staff_refuses_a_new_account_without_a_password(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="ต้องมีรหัสผ่าน"):
        call_command("add_staff", "nopw", "--role", "secretariat")
    monkeypatch.setenv("H4_WEAK", "123")
    with pytest.raises(CommandError, match="รหัสผ่านใช้ไม่ได้"):
        call_command("add_staff", "nopw", "--role", "secretariat", "--password-env", "H4_WEAK")
    assert not User.objects.filter(username="nopw").exists()


def test_staff_account_can_log_in_to_the_admin(client, monkeypatch):
    monkeypatch.setenv("H4_TEST_PW", "Sur4t-Thani-2568")
    call_command(
        "add_staff", "login1", "--role", "district_officer", "--district", "8404", "--password-env", "H4_TEST_PW"
    )
    assert client.login(username="login1", password="Sur4t-Thani-2568")
    assert client.get("/admin/honorees/honoree/").status_code == 200
