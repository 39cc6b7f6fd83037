from .base import *  # noqa: F403
from .base import VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
# Tests never run collectstatic: look files up on request instead of warning that var/static is missing.
WHITENOISE_AUTOREFRESH = True
RATELIMIT_REDIS_URL = ""  # the database counter; tests/security/test_ratelimit.py sets Redis where it tests it
