"""Staff accounts made the way province IT makes them (`manage.py add_staff`), and the admin login."""

import io
import os
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

PASSWORD = "e2e-ลองรหัสผ่าน-2568"
PASSWORD_ENV = "HALLOFFAME_E2E_STAFF_PASSWORD"


def make_staff(username: str, *, role: str, districts=()):
    """`python manage.py add_staff USERNAME --role ROLE [--district CODE ...] --password-env VAR`."""
    os.environ[PASSWORD_ENV] = PASSWORD
    args = [username, "--role", role, "--password-env", PASSWORD_ENV]
    for code in districts:
        args += ["--district", code]
    call_command("add_staff", *args, stdout=io.StringIO())
    return get_user_model().objects.get(username=username)


def log_in(page, username: str, password: str = PASSWORD):
    """Log in through the admin's own login form, as a person does."""
    page.goto(reverse("admin:login") + "?next=" + reverse("admin:index"))
    page.get_by_label(re.compile("ชื่อผู้ใช้|Username", re.I)).fill(username)
    page.get_by_label(re.compile("รหัสผ่าน|Password", re.I)).fill(password)
    page.get_by_role("button", name=re.compile("เข้าสู่ระบบ|Log in", re.I)).click()
    page.wait_for_url(re.compile(re.escape(reverse("admin:index")) + "$"))
