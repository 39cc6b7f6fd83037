"""The production settings: Django's deploy check, HTTPS switches and the headers on a response."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROD_ENV = {"DJANGO_SECRET_KEY": secrets.token_urlsafe(60), "DJANGO_ALLOWED_HOSTS": "example.org"}


def run(args, tmp_path, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    environment.update(PROD_ENV, DJANGO_SETTINGS_MODULE="halloffame.settings.prod", HALLOFFAME_VAR_DIR=str(tmp_path))
    environment.update(env)
    return subprocess.run(args, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120)


RESPONSE_SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/healthz", secure=True, HTTP_HOST="example.org")
plain = Client().get("/healthz", HTTP_HOST="example.org")
print(json.dumps({
    "headers": dict(response.headers), "plain_status": plain.status_code,
    "session_secure": settings.SESSION_COOKIE_SECURE, "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "session_httponly": settings.SESSION_COOKIE_HTTPONLY, "csrf_httponly": settings.CSRF_COOKIE_HTTPONLY,
    "samesite": [settings.SESSION_COOKIE_SAMESITE, settings.CSRF_COOKIE_SAMESITE],
    "proxy_header": settings.SECURE_PROXY_SSL_HEADER,
}))
"""


def production_response(tmp_path, **env):
    result = run([sys.executable, "-c", RESPONSE_SCRIPT], tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_deploy_check_reports_no_issue_with_the_required_environment(tmp_path):
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_check_names_a_missing_secret_key(tmp_path):
    result = run([sys.executable, "manage.py", "check", "--deploy"], tmp_path, DJANGO_SECRET_KEY="")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_response_carries_every_security_header(tmp_path):
    data = production_response(tmp_path)
    headers = data["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]
    policy = dict(part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'"
    assert policy["default-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert data["session_secure"] and data["csrf_secure"] and data["session_httponly"] and data["csrf_httponly"]
    assert data["samesite"] == ["Lax", "Lax"]


def test_plain_http_is_redirected_to_https_by_default(tmp_path):
    assert production_response(tmp_path)["plain_status"] == 301


def test_https_redirect_and_hsts_length_come_from_the_environment(tmp_path):
    data = production_response(tmp_path, DJANGO_SECURE_SSL_REDIRECT="off", DJANGO_HSTS_SECONDS="600")
    assert data["plain_status"] == 200
    assert data["headers"]["Strict-Transport-Security"].startswith("max-age=600;")


def test_forwarded_proto_is_believed_only_behind_a_trusted_proxy(tmp_path):
    assert production_response(tmp_path)["proxy_header"] is None
    trusted = production_response(tmp_path, DJANGO_TRUSTED_PROXY_COUNT="1")
    assert trusted["proxy_header"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_s3_media_host_is_allowed_for_images_only(tmp_path):
    data = production_response(tmp_path, AWS_S3_CUSTOM_DOMAIN="media.example-bucket.org")
    policy = dict(part.strip().split(" ", 1) for part in data["headers"]["Content-Security-Policy"].split(";"))
    assert policy["img-src"] == "'self' data: https://media.example-bucket.org"
    assert "example-bucket" not in policy["script-src"]


def test_a_bad_number_in_the_environment_stops_start_up_naming_it(tmp_path):
    result = run([sys.executable, "manage.py", "check"], tmp_path, DJANGO_HSTS_SECONDS="a year")
    assert result.returncode != 0
    assert "DJANGO_HSTS_SECONDS" in result.stderr
