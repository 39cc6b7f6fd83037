"""django-axes: admin logins lock out after repeated failures, per real client address."""

import importlib

import pytest
from axes.models import AccessAttempt
from django.test import override_settings
from django.urls import clear_url_caches, reverse

PASSWORD = "correct horse battery staple"


def login(client, password, **extra):
    return client.post(
        reverse("admin:login"),
        {"username": "root", "password": password, "next": reverse("admin:index")},
        **extra,
    )


@pytest.mark.django_db
def test_admin_login_with_the_right_password_works(client, admin_user):
    response = login(client, PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.django_db
def test_five_failures_lock_out_and_the_right_password_is_then_refused(client, admin_user, settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(4):
        assert login(client, "wrong").status_code == 200
    locked = login(client, "wrong")
    assert locked.status_code == 429
    assert "ระงับการเข้าสู่ระบบชั่วคราว" in locked.content.decode()
    refused = login(client, PASSWORD)
    assert refused.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302  # still sent to the login page


@pytest.mark.django_db
def test_lockout_page_is_thai_and_says_how_long_to_wait(client, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 2
    login(client, "wrong")
    page = login(client, "wrong").content.decode()
    assert '<html lang="th">' in page
    assert "ประมาณ 30 นาที" in page


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(client, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for n in range(3):
        login(client, "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    assert login(client, PASSWORD, HTTP_X_FORWARDED_FOR="10.9.9.9").status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_real_client_is_counted(client, admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = 1
    # The client may prepend anything; the proxy appends the address it saw (the last entry).
    for _ in range(3):
        login(client, "wrong", HTTP_X_FORWARDED_FOR="1.1.1.1, 203.0.113.7")
    assert login(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 429
    other = login(client, PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.7, 198.51.100.20")
    assert other.status_code == 302
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


@pytest.mark.django_db
def test_a_successful_login_clears_earlier_failures(client, admin_user):
    for _ in range(4):
        login(client, "wrong")
    assert login(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert login(client, "wrong").status_code == 200


@pytest.fixture
def reload_urls():
    yield
    import halloffame.urls

    clear_url_caches()
    importlib.reload(halloffame.urls)


@pytest.mark.django_db
def test_admin_path_is_configurable(client, admin_user, reload_urls):
    import halloffame.urls

    with override_settings(ADMIN_PATH="staff-x7/"):
        clear_url_caches()
        importlib.reload(halloffame.urls)
        assert reverse("admin:index") == "/staff-x7/"
        assert client.get("/admin/").status_code == 404
        assert client.get("/staff-x7/login/").status_code == 200


def test_admin_path_from_the_environment_is_checked(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="halloffame.settings.test", HALLOFFAME_VAR_DIR=str(tmp_path))
    script = "import django; django.setup(); from django.urls import reverse; print(reverse('admin:index'))"
    good = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env={**env, "DJANGO_ADMIN_PATH": "/back-office/"},
        capture_output=True, text=True,
    )  # fmt: skip
    assert good.stdout.strip() == "/back-office/", good.stderr
    bad = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env={**env, "DJANGO_ADMIN_PATH": "a dmin/<x>"},
        capture_output=True, text=True,
    )  # fmt: skip
    assert bad.returncode != 0 and "DJANGO_ADMIN_PATH" in bad.stderr


@pytest.mark.django_db
def test_junk_in_a_trusted_forwarded_for_is_not_an_address(client, admin_user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for junk in ("not-an-ip", "<script>", "1.2.3.4.5", "%ff"):
        assert login(client, "wrong", HTTP_X_FORWARDED_FOR=junk).status_code == 200
    assert not AccessAttempt.objects.exclude(ip_address=None).exclude(ip_address="127.0.0.1").exists()
