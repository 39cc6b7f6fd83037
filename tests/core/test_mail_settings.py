"""Mail: the console in development, SMTP from the environment in production."""

import json
import sys

from tests.security.test_production_settings import run

SCRIPT = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps([settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS,
                  settings.EMAIL_HOST_USER, settings.DEFAULT_FROM_EMAIL]))
"""


def test_production_sends_by_smtp_from_the_environment(tmp_path):
    env = {
        "DJANGO_EMAIL_HOST": "smtp.example.go.th",
        "DJANGO_EMAIL_HOST_USER": "hall",
        "DJANGO_EMAIL_HOST_PASSWORD": "secret-from-env",
        "DJANGO_DEFAULT_FROM_EMAIL": "หอเกียรติยศคนดี <noreply@example.org>",
    }
    result = run([sys.executable, "-c", SCRIPT], tmp_path, **env)
    assert result.returncode == 0, result.stderr
    backend, host, port, tls, user, sender = json.loads(result.stdout.strip().splitlines()[-1])
    assert backend == "django.core.mail.backends.smtp.EmailBackend"
    assert (host, port, tls, user) == ("smtp.example.go.th", 587, True, "hall")
    assert sender == "หอเกียรติยศคนดี <noreply@example.org>"


def test_development_prints_mail_on_the_console(tmp_path):
    result = run([sys.executable, "-c", SCRIPT], tmp_path, DJANGO_SETTINGS_MODULE="halloffame.settings.dev")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])[0] == "django.core.mail.backends.console.EmailBackend"
