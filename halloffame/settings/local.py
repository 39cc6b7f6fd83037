"""`make run`: production-like on this machine — DEBUG off, plain HTTP on the loopback, and a
secret key generated once and kept in var/ (never committed, never a shared default)."""

import secrets

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = False


def _local_secret_key():
    key_file = VAR_DIR / "secret-key.txt"
    if not key_file.exists():
        key_file.parent.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50) + "\n")
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _local_secret_key()
