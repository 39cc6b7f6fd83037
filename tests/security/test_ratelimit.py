"""halloffame.ratelimit counts atomically across processes: parallel requests never get past the limit,
neither in the database (SQLite or PostgreSQL) nor in Redis."""

import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import redis
from django.db import connection
from django.test import RequestFactory

from halloffame.models import RateLimitCount
from halloffame.ratelimit import limit_exceeded

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("HALLOFFAME_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
PROCESSES, CALLS_EACH, LIMIT = 4, 10, 17

# One gunicorn worker's view of the limiter: it waits for "go" on stdin, so that every process
# asks at the same moment, then prints how many of its calls were allowed.
WORKER = """
import sys, django
django.setup()
from django.conf import settings
from django.test import RequestFactory
from halloffame.ratelimit import limit_exceeded
scope, redis_url, calls, limit = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
settings.RATELIMIT_REDIS_URL = redis_url
request = RequestFactory().post("/privacy/", REMOTE_ADDR="192.0.2.7")
limit_exceeded(request, scope="warm-up", limit=1, window_seconds=3600)
print("ready", flush=True)
sys.stdin.readline()
allowed = sum(not limit_exceeded(request, scope=scope, limit=limit, window_seconds=3600) for _ in range(calls))
print(allowed, flush=True)
"""


def run_in_parallel(env, *, scope, redis_url=""):
    args = [scope, redis_url, str(CALLS_EACH), str(LIMIT)]
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, *args],
            cwd=ROOT,
            env=env,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )  # fmt: skip
        for _ in range(PROCESSES)
    ]
    try:
        for worker in workers:
            assert worker.stdout.readline().strip() == "ready", worker.stderr.read()[-2000:]
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        outputs = [worker.communicate(timeout=30) for worker in workers]
    finally:
        for worker in workers:
            worker.kill()
    for worker, (_, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err[-2000:]
    return [int(out.strip()) for out, _ in outputs]


def worker_environment(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="halloffame.settings.test", **extra)
    return env


@pytest.mark.django_db(transaction=True)
def test_parallel_requests_never_pass_the_limit_with_the_database_counter(tmp_path):
    if connection.vendor == "sqlite":
        env = worker_environment(HALLOFFAME_VAR_DIR=str(tmp_path))
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "halloffame", "-v0"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        assert migrate.returncode == 0, migrate.stderr
    else:  # the workers share the test database itself
        settings = connection.settings_dict
        url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        env = worker_environment(DATABASE_URL=url, PGPASSWORD=settings["PASSWORD"] or "")
    allowed = run_in_parallel(env, scope=f"parallel-{uuid.uuid4().hex}")
    assert sum(allowed) == LIMIT  # 40 requests at once, exactly 17 let through


def test_parallel_requests_never_pass_the_limit_with_redis():
    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"no Redis at {REDIS_URL}")
    allowed = run_in_parallel(worker_environment(), scope=f"parallel-{uuid.uuid4().hex}", redis_url=REDIS_URL)
    assert sum(allowed) == LIMIT


@pytest.mark.django_db
def test_the_database_counter_counts_per_client_scope_and_window():
    factory = RequestFactory()
    first, other = factory.post("/", REMOTE_ADDR="192.0.2.1"), factory.post("/", REMOTE_ADDR="192.0.2.2")
    results = [limit_exceeded(first, scope="a", limit=2, window_seconds=60) for _ in range(3)]
    assert results == [False, False, True]
    assert not limit_exceeded(other, scope="a", limit=2, window_seconds=60)
    assert not limit_exceeded(first, scope="b", limit=2, window_seconds=60)
    assert RateLimitCount.objects.filter(key__startswith="a:192.0.2.1:").get().count == 3


@pytest.mark.django_db
def test_windows_that_are_over_are_forgotten():
    RateLimitCount.objects.create(key="old", count=9, expires=datetime.now(tz=UTC) - timedelta(seconds=1))
    limit_exceeded(RequestFactory().post("/"), scope="new", limit=1, window_seconds=60)
    assert list(RateLimitCount.objects.values_list("count", flat=True)) == [1]
