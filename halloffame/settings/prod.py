"""Production: everything from the environment, no fallback for secrets or hosts."""

from .base import *  # noqa: F403
from .base import TRUSTED_PROXY_COUNT, env, env_bool, env_int, env_list

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", required=True)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", required=True)

# HTTPS. Turn the redirect off only where TLS cannot be had (a local check over http).
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
if TRUSTED_PROXY_COUNT:
    # Believed only when a proxy we trust sets it (and strips what the client sent).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Staff sessions end after a working day rather than Django's two weeks.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_HOURS", 12) * 3600

# E-mail through SMTP: the office's relay, or the server's own MTA on localhost:25 by default.
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 587 if env("DJANGO_EMAIL_HOST") else 25)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", bool(env("DJANGO_EMAIL_HOST")))
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", f"หอเกียรติยศคนดี <noreply@{ALLOWED_HOSTS[0]}>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Photos. By default honoree files live in DJANGO_MEDIA_ROOT and the media view
# checks every request (DJANGO_MEDIA_DELIVERY=x-accel-redirect lets nginx send the bytes).
# Naming a bucket moves them to S3-compatible storage: objects stay private (no public ACL),
# pages still link to /media/..., and the view answers an allowed request with a signed URL
# that lives five minutes, so a withdrawal holds there too. Credentials: AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, read by boto3 from the environment.
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES = {
        **STORAGES,  # noqa: F405
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
                "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
                "region_name": env("AWS_S3_REGION_NAME"),
                "addressing_style": env("AWS_S3_ADDRESSING_STYLE"),
                "signature_version": "s3v4",
                "default_acl": None,
                "querystring_auth": True,
                "querystring_expire": 300,
                "file_overwrite": False,
                "object_parameters": {"CacheControl": "private, max-age=31536000, immutable"},
            },
        },
    }
    HONOREE_MEDIA_DELIVERY = "redirect"
