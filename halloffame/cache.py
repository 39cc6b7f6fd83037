"""Whole-page cache for anonymous visitors, invalidated exactly.

Every cached page is stored under the current *public content version*: a token in one
database row (halloffame.PublicContentVersion) that database triggers replace in the same
transaction as any insert, update or delete on the tables public pages are made of. Triggers
rather than save()/signals because the services, the admin and data tools also write with
QuerySet.update(), bulk_create() and raw SQL, which no Python hook sees. Each cacheable
request reads the token (one indexed query), so a change is visible on the next request in
every gunicorn worker, with the local-memory cache as with Redis.

Only anonymous GET/HEAD requests for the public URL names below are served from the cache,
and only 200 responses that set no cookie, used no CSRF token and are not marked private
are stored. Anyone with a session (staff) or a pending message gets a freshly rendered page.
"""

import hashlib
import os
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language

from halloffame import compression

# The tables every public page is made of; a write to any of them invalidates every page.
PUBLIC_CONTENT_MODELS = [
    "honorees.Honoree",
    "meetings.Meeting",
    "networks.District",
    "networks.Network",
    "networks.Virtue",
    "programme.ModelOrganisation",
    "programme.Assessment",
    "programme.LearningSource",
    "programme.Lesson",
    "programme.LessonImage",
    "programme.Coach",
    "programme.ProgrammeTarget",
]
# URL names whose anonymous GET responses may be cached (never a page with a form that
# posts, never media, never the admin).
CACHEABLE_URL_NAMES = frozenset(
    {
        "home",
        "honorees:list",
        "honorees:detail",
        "networks:district-list",
        "networks:district-detail",
        "networks:network-list",
        "networks:network-detail",
        "meetings:list",
        "meetings:detail",
        "honoree-feed",
        "programme-feed",
        "sitemap",
        "robots-txt",
        "programme:model-list",
        "programme:model-progress",
        "programme:model-detail",
        "programme:learning-list",
        "programme:learning-detail",
        "programme:lesson-list",
        "programme:lesson-detail",
    }
)
MAX_QUERY_STRING = 512  # longer addresses are rendered, not stored: they would only fill the cache
VERSION_TABLE = "halloffame_publiccontentversion"
TRIGGER_PREFIX = "hof_public_content"
CACHE_HEADER = "X-Page-Cache"


# --- the version token -------------------------------------------------------------------


def public_content_tables() -> list[str]:
    from django.apps import apps

    tables = []
    for label in PUBLIC_CONTENT_MODELS:
        model = apps.get_model(label)
        tables.append(model._meta.db_table)
        tables.extend(field.remote_field.through._meta.db_table for field in model._meta.local_many_to_many)
    return tables


def _sqlite_trigger_sql(table: str) -> list[str]:
    statements = []
    for operation in ("INSERT", "UPDATE", "DELETE"):
        name = f"{TRIGGER_PREFIX}_{table}_{operation.lower()}"
        statements += [
            f'DROP TRIGGER IF EXISTS "{name}"',
            f'CREATE TRIGGER "{name}" AFTER {operation} ON "{table}" BEGIN '
            f'INSERT INTO "{VERSION_TABLE}" (id, token) VALUES (1, random()) '
            f"ON CONFLICT (id) DO UPDATE SET token = excluded.token; END",
        ]
    return statements


# BEFORE ... FOR EACH STATEMENT: a writer takes the version row's lock before it locks any
# content row, so two writers cannot deadlock on the row and their content.
_POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {TRIGGER_PREFIX}_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "{VERSION_TABLE}" (id, token) VALUES (1, floor(random() * 9e18)::bigint)
    ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token;
    RETURN NULL;
END $$
"""


def _postgres_trigger_sql(table: str) -> list[str]:
    name = f"{TRIGGER_PREFIX}_bump"
    return [
        f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"',
        f'CREATE TRIGGER "{name}" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
        f"FOR EACH STATEMENT EXECUTE FUNCTION {TRIGGER_PREFIX}_bump()",
    ]


def supports_version(db=None) -> bool:
    return (db or connection).vendor in ("sqlite", "postgresql")


def install_triggers(db=None) -> None:
    """(Re)create the triggers; idempotent. Run after every migrate, because SQLite drops a
    table's triggers when a migration rebuilds the table."""
    db = db or connection
    if not supports_version(db):
        return
    existing = set(db.introspection.table_names())
    tables = [table for table in public_content_tables() if table in existing]
    if VERSION_TABLE not in existing:
        return
    statements = [_POSTGRES_FUNCTION] if db.vendor == "postgresql" else []
    for table in tables:
        statements += _postgres_trigger_sql(table) if db.vendor == "postgresql" else _sqlite_trigger_sql(table)
    with db.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install_triggers_after_migrate(sender, using, **kwargs):
    from django.db import connections

    install_triggers(connections[using])


def current_token():
    """The public content version, or None when there is none (the cache is then bypassed)."""
    if not supports_version():
        return None
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT token FROM "{VERSION_TABLE}" WHERE id = 1')
        row = cursor.fetchone()
    return row[0] if row else None


# --- what else a page depends on -----------------------------------------------------------

_deploy_id = None


def deploy_id() -> str:
    """Changes when templates, translations, static files or the code change, so a deploy
    never serves pages rendered by the previous release (Redis outlives the workers)."""
    global _deploy_id
    if _deploy_id is None:
        base = Path(settings.BASE_DIR)
        roots = [base / "templates", base / "locale", base / "halloffame", base / "honorees", base / "meetings"]
        roots += [base / "networks"]
        digest = hashlib.blake2b(digest_size=8)
        for root in roots:
            for folder, _dirs, files in sorted(os.walk(root)):
                for name in sorted(files):
                    if name.endswith((".py", ".html", ".txt", ".xml", ".mo", ".svg", ".json")):
                        stat = os.stat(os.path.join(folder, name))
                        digest.update(f"{folder}/{name}:{stat.st_mtime_ns}:{stat.st_size}".encode())
        manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
        if manifest.exists():
            digest.update(manifest.read_bytes())
        _deploy_id = digest.hexdigest()
    return _deploy_id


class TwoLevelCache:
    """This worker's memory first, then the shared cache (Redis) if there is one.

    The key carries the content version, so a page in either level is never stale: keeping a
    copy in the worker costs nothing in exactness and saves a round trip to Redis."""

    def __init__(self):
        self.local = caches["pages" if "pages" in settings.CACHES else "default"]
        self.shared = caches["pages-shared"] if "pages-shared" in settings.CACHES else None

    def get(self, key):
        entry = self.local.get(key)
        if entry is None and self.shared is not None:
            entry = self.shared.get(key)
            if entry is not None:
                self.local.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        return entry

    def set(self, key, entry):
        self.local.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        if self.shared is not None:
            self.shared.set(key, entry, settings.PAGE_CACHE_TIMEOUT)


def page_cache():
    return TwoLevelCache()


def cache_key(request, token) -> str:
    path = hashlib.blake2b(request.get_full_path().encode(), digest_size=16).hexdigest()
    return ":".join(
        [
            "page",
            deploy_id(),
            str(token),
            timezone.localdate().isoformat(),  # "this year", "this fiscal year" roll over at midnight
            get_language() or "",
            compression.negotiate(request),
            request.scheme,
            request.get_host(),
            path,
        ]
    )


# --- the middleware ------------------------------------------------------------------------


def _is_anonymous_without_state(request) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _url_name(request):
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return match.view_name


def is_cacheable_request(request) -> bool:
    return (
        getattr(settings, "PAGE_CACHE", True)
        and request.method in ("GET", "HEAD")
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_STRING
        and _is_anonymous_without_state(request)
        and _url_name(request) in CACHEABLE_URL_NAMES
    )


def is_storable_response(request, response) -> bool:
    cache_control = response.get("Cache-Control", "").lower()
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies  # a CSRF token or anything personal
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


class PublicPageCacheMiddleware:
    """Serves anonymous public pages from the cache; place it right after LocaleMiddleware
    (the key needs the language) and above the compression and conditional-GET middleware
    (it stores the compressed body with its ETag, and answers If-None-Match itself)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        token = current_token()
        if token is None:
            return self.get_response(request)
        key = cache_key(request, token)
        cache = page_cache()
        entry = cache.get(key)
        if entry is not None:
            response = self._from_entry(entry)
            response[CACHE_HEADER] = "hit"
            return get_conditional_response(request, etag=response.get("ETag"), response=response)
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        if is_storable_response(request, response):
            entry = (response.status_code, list(response.items()), response.content)
            cache.set(key, entry)
            response[CACHE_HEADER] = "miss"
        return response

    @staticmethod
    def _from_entry(entry):
        status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response
