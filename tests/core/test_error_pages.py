"""The site's own Thai pages for refusals (403) and a failed form check (CSRF), and the fonts
preloaded on the pages that do not extend base.html."""

import os
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import reverse

from tests.admin.conftest import make_staff

pytestmark = pytest.mark.django_db


def test_a_page_staff_may_not_open_is_the_sites_thai_403(db):
    client = Client()
    client.force_login(make_staff("officer_x", "district_officer", "8404"))
    response = client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 403
    assert "ไม่มีสิทธิ์เข้าถึงหน้านี้" in response.content.decode()


def test_a_form_sent_without_its_security_cookie_is_the_sites_thai_403(db):
    response = Client(enforce_csrf_checks=True).post("/suggest/", {"name": "นายทดสอบ"})
    body = response.content.decode()
    assert response.status_code == 403
    assert "ส่งแบบฟอร์มไม่สำเร็จ" in body and "CSRF" not in body


@pytest.mark.parametrize("template", ["500.html", "503.html"])
def test_standalone_pages_preload_the_thai_font(template):
    from django.template.loader import render_to_string

    assert "sarabun-thai-400-normal" in render_to_string(template) and 'rel="preload"' in render_to_string(template)


def test_make_runs_links_name_the_port_it_serves_on(tmp_path):
    env = {**os.environ, "PORT": "8123", "HALLOFFAME_VAR_DIR": str(tmp_path)}
    env.pop("SITE_URL", None)
    code = "import halloffame.settings.local as s; print(s.SITE_URL)"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "http://127.0.0.1:8123"
