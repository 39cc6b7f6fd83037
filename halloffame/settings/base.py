"""Settings shared by every environment. The environment is read here and nowhere else."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("HALLOFFAME_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None, *, required=False):
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if required:
        raise ImproperlyConfigured(
            f"Environment variable {name} is required in production. Set it (see .env.example) and start again."
        )
    return default


def env_list(name, default="", *, required=False):
    return [item.strip() for item in env(name, default, required=required).split(",") if item.strip()]


def env_int(name, default):
    value = env(name, str(default))
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"Environment variable {name} must be a whole number, not {value!r}.") from None


def env_bool(name, default=False):
    return env(name, str(default)).lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    "halloffame.admin_dates.HallOfFameAdminConfig",  # django.contrib.admin with B.E. dates
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "halloffame",
    "networks",
    "meetings",
    "honorees",
    "halloffame.staff",
    "halloffame.opendata",
    "honorees.suggestions",
    "networks.programme",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost after SecurityMiddleware, so static files and cached pages carry them too.
    "csp.middleware.CSPMiddleware",
    "halloffame.middleware.PermissionsPolicyMiddleware",
    "halloffame.middleware.RequestGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "halloffame.admin_dates.BuddhistEraAdminMiddleware",
    # Performance: cached anonymous pages, then Brotli/gzip, then ETag and 304.
    "halloffame.cache.PublicPageCacheMiddleware",
    "halloffame.compression.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "halloffame.urls"
WSGI_APPLICATION = "halloffame.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "halloffame.context_processors.office_contact",
            ],
            "builtins": ["halloffame.templatetags.thai"],
        },
    }
]

# SQLite in var/ unless DATABASE_URL names another database (PostgreSQL in production).
# The SQLite options let several gunicorn workers write without "database is locked":
# WAL lets readers run beside the writer, IMMEDIATE takes the write lock at BEGIN so a
# transaction never has to upgrade (and deadlock), and the timeout waits for the lock.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
        # Read the file through memory mapping: a scan (search, counts) reads the operating system's
        # page cache, shared by every worker, instead of copying each page into a 2 MB private cache.
        " PRAGMA mmap_size=268435456;"
    ),
}
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"), conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS
    # Persistent like PostgreSQL's: opening SQLite, its pragmas and schema cost about
    # 1 ms, five times a cached page. Idle autocommit connections hold no lock in WAL mode.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("ไทย")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}}
# Whole pages for anonymous visitors (halloffame/cache.py): exact invalidation, so the
# timeout only bounds memory. Each worker keeps pages in memory, backed by Redis (shared by
# every worker, kept across restarts) when REDIS_URL is set.
PAGE_CACHE = env_bool("DJANGO_PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = 3600
# The release the page cache keys on (e.g. the git revision a deploy script sets); unset: the
# checkout's git revision, else a fingerprint of the source tree (halloffame/cache.py).
RELEASE = env("HALLOFFAME_RELEASE", "")
CACHES["pages"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pages",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
if env("REDIS_URL"):
    CACHES["pages-shared"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env("REDIS_URL"),
        "KEY_PREFIX": "page",
    }

# Absolute base for links that leave the site (share links, feeds, Open Graph).
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_FAILURE_VIEW = "halloffame.views.csrf_failure"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Security. Production-only switches (HTTPS, HSTS, secure cookies) are in prod.py.
import re  # noqa: E402
from datetime import timedelta  # noqa: E402
from urllib.parse import urlsplit  # noqa: E402

# The admin's address, e.g. DJANGO_ADMIN_PATH=staff-8f3k/ to keep it out of scanners' way.
ADMIN_PATH = env("DJANGO_ADMIN_PATH", "admin/").strip("/") + "/"
if not re.fullmatch(r"[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*/", ADMIN_PATH):
    raise ImproperlyConfigured("Environment variable DJANGO_ADMIN_PATH must be a path such as 'admin/'.")

# How many reverse proxies in front of gunicorn append to X-Forwarded-For (and set
# X-Forwarded-Proto). 0: the client is REMOTE_ADDR and forwarded headers are ignored.
TRUSTED_PROXY_COUNT = env_int("DJANGO_TRUSTED_PROXY_COUNT", 0)

AUTHENTICATION_BACKENDS = [
    "halloffame.security.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "halloffame.security.client_ip"
AXES_LOCKOUT_CALLABLE = "halloffame.security.lockout_response"
AXES_VERBOSE = False

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# Nothing on the site reads the CSRF cookie from JavaScript (the admin uses the form field).
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "encrypted-media", "fullscreen",
        "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
        "interest-cohort", "browsing-topics",
    )
)  # fmt: skip


def _origin(url):
    parts = urlsplit(url if "//" in url else f"https://{url}")
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else None


# Photos may come from S3-compatible storage on another host; images from there are allowed.
MEDIA_ORIGINS = sorted(
    {
        origin
        for origin in (
            _origin(MEDIA_URL) if "://" in MEDIA_URL else None,
            _origin(env("AWS_S3_CUSTOM_DOMAIN", "")) if env("AWS_S3_CUSTOM_DOMAIN") else None,
            _origin(env("AWS_S3_ENDPOINT_URL", "")) if env("AWS_S3_ENDPOINT_URL") else None,
        )
        if origin
    }
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # One inline style attribute in django-simple-history's admin history page
        # (style="border-top: 0"), allowed by its hash and nothing else.
        "style-src-attr": ["'unsafe-hashes'", "'sha256-XMXSevYjgSjXgRafBFDvtjwX+yyWLrxfso9DcNZ9UXM='"],
        "img-src": ["'self'", "data:", *MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Longer query strings are refused with 414 (gunicorn's own request-line limit is 4094).
MAX_QUERY_STRING_LENGTH = 4096
# Larger request bodies are refused with 413 unless the view sets its own max_body_bytes:
# a 10 MB photo and the rest of its form fit (nginx: client_max_body_size 12m).
MAX_REQUEST_BODY_BYTES = 12 * 1024 * 1024

# Public privacy requests: at most this many per client per hour.
PRIVACY_REQUESTS_PER_HOUR = env_int("DJANGO_PRIVACY_REQUESTS_PER_HOUR", 5)
# halloffame.ratelimit counts in Redis when REDIS_URL is set, otherwise in the database: both
# are atomic across gunicorn workers.
RATELIMIT_REDIS_URL = env("REDIS_URL", "")
# Open-data API requests one client may make in a minute (halloffame/opendata/api.py).
API_REQUESTS_PER_MINUTE = env_int("DJANGO_API_REQUESTS_PER_MINUTE", 120)

# Photos (honorees/photos/): renditions are written when a photo is saved; a page view only
# computes their names.
# How the media view hands over a file it has allowed: "django" streams it from storage,
# "x-accel-redirect" leaves it to nginx (internal location HONOREE_MEDIA_INTERNAL_PREFIX),
# "x-sendfile" to Apache/lighttpd, "redirect" sends a short-lived signed storage URL (S3).
HONOREE_MEDIA_DELIVERY = env("DJANGO_MEDIA_DELIVERY", "django")
HONOREE_MEDIA_INTERNAL_PREFIX = env("DJANGO_MEDIA_INTERNAL_PREFIX", "/protected-media/")
if HONOREE_MEDIA_DELIVERY not in {"django", "x-accel-redirect", "x-sendfile", "redirect"}:
    raise ImproperlyConfigured(
        "Environment variable DJANGO_MEDIA_DELIVERY must be django, x-accel-redirect, x-sendfile or redirect."
    )

# E-mail to staff (honorees/notifications.py, password reset) and to suggesters: printed on the console in
# development; production sends through SMTP (prod.py).
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", "หอเกียรติยศคนดี <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = 10
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600  # a link the secretariat sends stays good for three days

# The culture office's contact, shown on the contact page and in the footer (DGA website standard).
OFFICE_CONTACT = {
    # The office's name also signs the feeds (atom:author); name_en on English pages.
    "name": env("OFFICE_NAME", "สำนักงานวัฒนธรรมจังหวัดสุราษฎร์ธานี"),
    "name_en": env("OFFICE_NAME_EN", "Surat Thani Provincial Culture Office"),
    "address": env(
        "OFFICE_ADDRESS",
        "ศาลากลางจังหวัดสุราษฎร์ธานี ถนนดอนนก ตำบลมะขามเตี้ย อำเภอเมืองสุราษฎร์ธานี จังหวัดสุราษฎร์ธานี 84000",
    ),
    "phone": env("OFFICE_PHONE", "0 7728 3218"),
    "email": env("OFFICE_EMAIL", "suratthani@m-culture.go.th"),
    "hours": env("OFFICE_HOURS", "จันทร์–ศุกร์ 08.30–16.30 น. (เว้นวันหยุดราชการ)"),
    "map_url": env("OFFICE_MAP_URL", "https://www.openstreetmap.org/?mlat=9.1386&mlon=99.3215#map=17/9.1386/99.3215"),
}

# Meeting day (meetings/documents/): who signs certificates and announcements unless the
# meeting names someone, and how many certificate checks one client may make a minute.
CERTIFICATE_SIGNATORY_NAME = env("DJANGO_CERTIFICATE_SIGNATORY_NAME", "")
CERTIFICATE_SIGNATORY_POSITION = env("DJANGO_CERTIFICATE_SIGNATORY_POSITION", "ผู้ว่าราชการจังหวัดสุราษฎร์ธานี")
VERIFY_REQUESTS_PER_MINUTE = env_int("DJANGO_VERIFY_REQUESTS_PER_MINUTE", 20)
# Generated PDFs are kept this long under the public content version (they change with it).
DOCUMENT_CACHE_TIMEOUT = 24 * 3600
# Suggestions from the public (/suggest/, honorees/suggestions/).
SUGGESTIONS_PER_HOUR = env_int("DJANGO_SUGGESTIONS_PER_HOUR", 5)
SUGGESTION_LOOKUPS_PER_HOUR = env_int("DJANGO_SUGGESTION_LOOKUPS_PER_HOUR", 60)
# Larger than every field at its limit, percent-encoded Thai included (about 60 KB).
SUGGESTION_MAX_REQUEST_BYTES = 100_000
# Suggestions not taken forward are deleted this many days after the decision (purge_suggestions).
SUGGESTION_RETENTION_DAYS = env_int("DJANGO_SUGGESTION_RETENTION_DAYS", 365)
