"""`make run`: production-like on this machine — DEBUG off, plain HTTP on the loopback, and a
secret key generated once and kept in var/ (never committed, never a shared default)."""

import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = False


def _local_secret_key():
    key_file = VAR_DIR / "secret-key.txt"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50) + "\n")
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _local_secret_key()

# Links in e-mails (a new officer's password link) and in certificates' QR codes name the port
# `make run` serves on (PORT=8011 make run), unless SITE_URL says otherwise.
SITE_URL = env("SITE_URL", f"http://127.0.0.1:{env('PORT', '8000')}").rstrip("/")
