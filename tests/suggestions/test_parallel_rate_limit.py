"""The suggestion limit holds when one client sends many suggestions at once to several gunicorn
workers: the count is shared (the "ratelimit" cache, here the file cache every worker of a
server without Redis uses) and taken before the comparison, so at most the limit gets through."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from halloffame import ratelimit
from tests.suggestions.conftest import form_data

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 5
PARALLEL = 40
WORKERS = 3

SETTINGS = """
from halloffame.settings.test import *  # noqa: F403
from halloffame.settings.test import VAR_DIR

# As in production without Redis: one cache on disk that every worker shares for the limits.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": VAR_DIR / "rl"},
}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def environment(var_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        PYTHONPATH=f"{var_dir}{os.pathsep}{ROOT}",
        DJANGO_SETTINGS_MODULE="parallel_settings",
        HALLOFFAME_VAR_DIR=str(var_dir),
        DJANGO_SUGGESTIONS_PER_HOUR=str(LIMIT),
        DJANGO_PAGE_CACHE="false",
    )
    return env


def wait_until_up(url: str, server: subprocess.Popen, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn stopped: " + server.stdout.read()[-3000:]
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


# main's first limiter counts in the cache with add()/incr(), which the file cache does as a read
# and a write: parallel workers can both pass. Issue 13 replaces it with one atomic operation
# (and drops the cache import), from when on this test holds with no marker.
@pytest.mark.xfail(
    hasattr(ratelimit, "caches"), reason="the cache-based rate limiter is not atomic across workers", strict=False
)
def test_parallel_suggestions_from_one_client_to_several_workers_stop_at_the_limit(tmp_path):
    (tmp_path / "parallel_settings.py").write_text(SETTINGS)
    env = environment(tmp_path)
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert migrate.returncode == 0, migrate.stderr
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "halloffame.wsgi:application", "--bind", f"127.0.0.1:{port}"]
        + ["--workers", str(WORKERS), "--threads", "4", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base + "/healthz", server)
        with urllib.request.urlopen(base + "/suggest/", timeout=30) as response:
            page = response.read().decode()
            cookie = response.headers["Set-Cookie"].split(";")[0]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        if time.time() % 3600 > 3540:  # the limit's window turns over on the hour: start after it
            time.sleep(3600 - time.time() % 3600 + 1)

        opener = urllib.request.build_opener(NoRedirect)
        start = threading.Barrier(PARALLEL)

        def suggest(n: int) -> int:
            body = urllib.parse.urlencode({**form_data(name=f"นายส่งพร้อมกัน คนที่{n}"), "csrfmiddlewaretoken": token})
            request = urllib.request.Request(
                base + "/suggest/", data=body.encode(), headers={"Cookie": cookie, "Referer": base + "/suggest/"}
            )
            start.wait()
            try:
                with opener.open(request, timeout=60) as response:
                    return response.status
            except urllib.error.HTTPError as error:
                return error.code

        with ThreadPoolExecutor(PARALLEL) as pool:
            statuses = list(pool.map(suggest, range(PARALLEL)))
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert sorted(set(statuses)) == [302, 429], statuses
    stored = sqlite3.connect(tmp_path / "db.sqlite3").execute("SELECT COUNT(*) FROM suggestions_suggestion").fetchone()
    assert statuses.count(302) == stored[0] == LIMIT, statuses
