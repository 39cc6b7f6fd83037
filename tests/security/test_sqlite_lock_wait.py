"""A request that waits out SQLite's busy timeout behind another writer gets a Thai "try again"
page (503, Retry-After), never a 500, and nothing of it is saved."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A worker with a one-second busy timeout posts the privacy form while another process holds the
# write lock: the rate limiter's write waits, then SQLite gives up.
REQUEST = """
import django
from django.conf import settings
options = settings.DATABASES["default"]["OPTIONS"]
options.update(timeout=1, init_command="PRAGMA journal_mode=WAL; PRAGMA busy_timeout=1000;")
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
response = Client(raise_request_exception=False).post("/privacy/", {"message": "x"})
print(response.status_code, response.get("Retry-After"))
print(response.content.decode())
"""


def test_a_write_that_waits_out_the_lock_is_a_thai_try_again_page(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="halloffame.settings.test", HALLOFFAME_VAR_DIR=str(tmp_path))
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "halloffame", "-v0"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert migrate.returncode == 0, migrate.stderr
    holder = sqlite3.connect(tmp_path / "db.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another worker's long write transaction
    try:
        result = subprocess.run(
            [sys.executable, "-c", REQUEST], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    status, _, page = result.stdout.partition("\n")
    assert status == "503 5", result.stdout[-500:] + result.stderr[-2000:]
    assert "ระบบกำลังบันทึกงานอื่นอยู่" in page and "โปรดลองใหม่อีกครั้ง" in page
    counted = sqlite3.connect(tmp_path / "db.sqlite3").execute("SELECT COUNT(*) FROM halloffame_ratelimitcount")
    assert counted.fetchone()[0] == 0
