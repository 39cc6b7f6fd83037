"""Whole-page cache for anonymous visitors, invalidated exactly.

Every cached page is stored under the current *public content version*: a token in one
database row (halloffame.PublicContentVersion) that database triggers replace in the same
transaction as any insert, update or delete of a row the public sees (before or after the
write) in the tables public pages are made of; which rows those are is compiled into the
triggers from the models' own public querysets. Triggers rather than save()/signals because the
services, the admin and data tools also write with QuerySet.update(), bulk_create() and raw
SQL, which no Python hook sees. Each cacheable
request reads the token (one indexed query), so a change is visible on the next request in
every gunicorn worker, with the local-memory cache as with Redis.

Only anonymous GET/HEAD requests for the public URL names below are served from the cache,
and only 200 responses that set no cookie, used no CSRF token and are not marked private
are stored. Anyone with a session (staff) or a pending message gets a freshly rendered page.
"""

import hashlib
import os
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models.expressions import RawSQL
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.translation import get_language

from halloffame import compression


def public_rows(model):
    return model.objects.public()


# The models public pages are made of, and which of their rows the public sees (None: every
# row). A write invalidates the pages only when a row it touches was public before or is public
# after it, so staff drafting, nominating or rejecting candidates leaves every cached page valid.
PUBLIC_CONTENT_MODELS = {
    "honorees.Honoree": lambda model: model.objects.by_public_rule(),
    "meetings.Meeting": lambda model: model.objects.published(),
    "networks.District": None,
    "networks.Network": None,
    "networks.Virtue": None,
    "programme.ModelOrganisation": public_rows,
    "programme.LearningSource": public_rows,
    "programme.Lesson": public_rows,
    "programme.Coach": public_rows,
    "programme.Assessment": None,
    "programme.LessonImage": None,
    "programme.ProgrammeTarget": None,
}
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
        "meetings:announcement",
        "meetings:present",
        "honoree-feed",
        "programme-feed",
        "sitemap",
        "sitemap-section",
        "robots-txt",
        "statistics:index",
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


def public_content_sources() -> list[tuple[str, str, object]]:
    """(table, the column naming the row's owner, the owner's public queryset or None) for every
    table a public page reads, many-to-many link tables included."""
    from django.apps import apps

    sources = []
    for label, public in PUBLIC_CONTENT_MODELS.items():
        model = apps.get_model(label)
        queryset = public(model) if public else None
        sources.append((model._meta.db_table, model._meta.pk.column, queryset))
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through._meta
            sources.append((through.db_table, field.m2m_column_name(), queryset))
    return sources


def public_content_tables() -> list[str]:
    return [table for table, _column, _queryset in public_content_sources()]


def _literal(value) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {value!r}")


def inline_sql(queryset) -> str:
    """A queryset's SQL with its parameters written in, for trigger bodies (which take none)."""
    sql, params = queryset.query.sql_with_params()
    return sql % tuple(_literal(value) for value in params)


def is_public_sql(queryset, row_column: str) -> str:
    """SQL that is true when the row `row_column` points at (e.g. OLD."id") is public, compiled from
    the model's own public rule, so the triggers follow Honoree.objects.by_public_rule() exactly."""
    if queryset is None:
        return "TRUE"
    return f"EXISTS ({inline_sql(queryset.filter(pk=RawSQL(row_column, ())).order_by().values('pk'))})"


_SQLITE_BUMP = (
    f'INSERT INTO "{VERSION_TABLE}" (id, token) VALUES (1, random()) '
    "ON CONFLICT (id) DO UPDATE SET token = excluded.token;"
)


def _sqlite_trigger_sql(table: str, column: str, queryset) -> list[str]:
    """The row as it was, checked before the write (BEFORE UPDATE/DELETE), and as it is, checked
    after (AFTER INSERT/UPDATE): SQLite runs one writer at a time, so the bump can be immediate."""
    statements = []
    for timing, operation, row in (
        ("BEFORE", "UPDATE", "OLD"),
        ("BEFORE", "DELETE", "OLD"),
        ("AFTER", "INSERT", "NEW"),
        ("AFTER", "UPDATE", "NEW"),
    ):
        name = f"{TRIGGER_PREFIX}_{table}_{timing.lower()}_{operation.lower()}"
        statements += [
            f'DROP TRIGGER IF EXISTS "{name}"',
            f'CREATE TRIGGER "{name}" {timing} {operation} ON "{table}" '
            f"WHEN {is_public_sql(queryset, f'{row}.{column}')} BEGIN {_SQLITE_BUMP} END",
        ]
    return statements


# PostgreSQL: the same checks in one function per table. Writers of rows nobody sees never touch
# the version row, so the officers' drafting does not queue behind it. The token is replaced once
# per statement, not once per row (a transaction-local setting holds the statement's start): each
# update of one row in one transaction leaves a row version that the next update must step over,
# so a bump per row made one bulk write of N public rows (a restore, an import) cost N² steps.
_POSTGRES_FUNCTION = f"""
DROP FUNCTION IF EXISTS {TRIGGER_PREFIX}_bump() CASCADE; -- the first design's, with its triggers
CREATE OR REPLACE FUNCTION {TRIGGER_PREFIX}_bump_token() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('{TRIGGER_PREFIX}.token_replaced_for', true) IS DISTINCT FROM statement_timestamp()::text THEN
        INSERT INTO "{VERSION_TABLE}" (id, token) VALUES (1, floor(random() * 9e18)::bigint)
        ON CONFLICT (id) DO UPDATE SET token = EXCLUDED.token;
        PERFORM set_config('{TRIGGER_PREFIX}.token_replaced_for', statement_timestamp()::text, true);
    END IF;
END $$
"""


def _postgres_trigger_sql(table: str, column: str, queryset) -> list[str]:
    function = f"{TRIGGER_PREFIX}_{table}"
    old, new = is_public_sql(queryset, f"OLD.{column}"), is_public_sql(queryset, f"NEW.{column}")
    body = f"""
CREATE OR REPLACE FUNCTION "{function}"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' OR (TG_WHEN = 'BEFORE' AND {old}) OR (TG_WHEN = 'AFTER' AND {new}) THEN
        PERFORM {TRIGGER_PREFIX}_bump_token();
    END IF;
    IF TG_WHEN = 'AFTER' OR TG_OP = 'TRUNCATE' THEN RETURN NULL; END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$"""
    triggers = {  # the row as it was, before the write; as it is, after it
        f"{TRIGGER_PREFIX}_old": "BEFORE UPDATE OR DELETE",
        f"{TRIGGER_PREFIX}_new": "AFTER INSERT OR UPDATE",
    }
    statements = [body]
    for name, events in triggers.items():
        statements += [
            f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"',
            f'CREATE TRIGGER "{name}" {events} ON "{table}" FOR EACH ROW EXECUTE FUNCTION "{function}"()',
        ]
    statements += [
        f'DROP TRIGGER IF EXISTS "{TRIGGER_PREFIX}_truncate" ON "{table}"',
        f'CREATE TRIGGER "{TRIGGER_PREFIX}_truncate" BEFORE TRUNCATE ON "{table}" '
        f'FOR EACH STATEMENT EXECUTE FUNCTION "{function}"()',
    ]
    return statements


def supports_version(db=None) -> bool:
    return (db or connection).vendor in ("sqlite", "postgresql")


def install_triggers(db=None) -> None:
    """(Re)create the triggers; idempotent. Run after every migrate, because SQLite drops a
    table's triggers when a migration rebuilds the table."""
    db = db or connection
    if not supports_version(db):
        return
    existing = set(db.introspection.table_names())
    if VERSION_TABLE not in existing:
        return
    statements = [_POSTGRES_FUNCTION] if db.vendor == "postgresql" else []
    for table, column, queryset in public_content_sources():
        if table in existing:
            trigger_sql = _postgres_trigger_sql if db.vendor == "postgresql" else _sqlite_trigger_sql
            statements += trigger_sql(table, column, queryset)
    with db.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def install_triggers_after_migrate(sender, using, plan=None, **kwargs):
    from django.db import connections

    if fully_migrated(connections[using], plan):
        install_triggers(connections[using])


def fully_migrated(db, plan) -> bool:
    """False after a migrate to an earlier state (`migrate app 0003`): triggers compiled from
    today's models would read columns and tables that schema does not have. A flush (plan None)
    keeps the schema as it is."""
    if plan is None:
        return True
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(db)
    return not executor.migration_plan(executor.loader.graph.leaf_nodes())


def drop_triggers(db=None) -> None:
    """Drop every trigger of the page cache and of the public flag (both named TRIGGER_PREFIX…).
    Run before migrate: SQLite cannot rebuild or rename a table that another table's trigger
    reads; post_migrate makes them again from the models as migrated."""
    db = db or connection
    pattern = TRIGGER_PREFIX + "%"
    with db.cursor() as cursor:
        if db.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [pattern])
            statements = [f'DROP TRIGGER IF EXISTS "{name}"' for (name,) in cursor.fetchall()]
        elif db.vendor == "postgresql":
            cursor.execute("SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE tgname LIKE %s", [pattern])
            statements = [f'DROP TRIGGER IF EXISTS "{name}" ON {table}' for name, table in cursor.fetchall()]
        else:
            statements = []
        for statement in statements:
            cursor.execute(statement)


def drop_triggers_before_migrate(sender, using, **kwargs):
    from django.db import connections

    drop_triggers(connections[using])


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
    """Changes with every release, so a deploy never serves pages rendered by the previous one
    (Redis outlives the workers): the release named in the environment (HALLOFFAME_RELEASE),
    else the git revision of a clean checkout, else a walk of the source tree; with the static
    manifest, which collectstatic rewrites."""
    global _deploy_id
    if _deploy_id is None:
        digest = hashlib.blake2b(digest_size=8)
        digest.update((settings.RELEASE or git_revision() or source_tree_fingerprint()).encode())
        manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
        if manifest.exists():
            digest.update(manifest.read_bytes())
        _deploy_id = digest.hexdigest()
    return _deploy_id


def git_revision() -> str | None:
    """HEAD of the checkout the code runs from, if it is one and nothing tracked is modified."""

    def git(*argv):
        result = subprocess.run(["git", *argv], cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=10)
        return result.stdout.strip() if result.returncode == 0 else None

    try:
        revision = git("rev-parse", "--verify", "HEAD")
        clean = git("status", "--porcelain", "--untracked-files=no") == ""
    except (OSError, subprocess.SubprocessError):
        return None
    return revision if revision and clean else None


def source_tree_fingerprint() -> str:
    """Templates, translations and code, by name, size and modification time."""
    base = Path(settings.BASE_DIR)
    roots = [base / name for name in ("templates", "locale", "halloffame", "honorees", "meetings", "networks")]
    digest = hashlib.blake2b(digest_size=8)
    for root in roots:
        for folder, _dirs, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.endswith((".py", ".html", ".txt", ".xml", ".mo", ".svg", ".json")):
                    stat = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


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
            response = restored(entry)
            response[CACHE_HEADER] = "hit"
            return get_conditional_response(request, etag=response.get("ETag"), response=response)
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        if is_storable_response(request, response):
            cache.set(key, stored(response))
            response[CACHE_HEADER] = "miss"
        return response


def stored(response) -> tuple:
    """A response as the cache keeps it: status, headers and body as sent."""
    return response.status_code, list(response.items()), response.content


def restored(entry) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response
