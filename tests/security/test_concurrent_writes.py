"""Many gunicorn-like processes writing to the embedded SQLite file at once: every write lands,
and a backup taken meanwhile is a consistent snapshot."""

import json
import os
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 10
WRITES_EACH = 25

WRITER = """
import sys, django
django.setup()
from django.db import transaction
from honorees.models import PrivacyRequest
worker = int(sys.argv[1])
for n in range(int(sys.argv[2])):
    # Read, then write, in one transaction: the pattern that deadlocks without IMMEDIATE.
    with transaction.atomic():
        PrivacyRequest.objects.filter(requester_name=f"w{worker}").count()
        PrivacyRequest.objects.create(
            kind="correction", requester_name=f"w{worker}", requester_contact=str(n), message="ขอแก้ไข"
        )
print("done")
"""


def environment(var_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="halloffame.settings.test", HALLOFFAME_VAR_DIR=str(var_dir))
    return env


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="embedded SQLite only")
def test_ten_processes_writing_at_once_all_land_and_backup_stays_consistent(tmp_path):
    env = environment(tmp_path)
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert migrate.returncode == 0, migrate.stderr
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(n), str(WRITES_EACH)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for n in range(WRITERS)
    ]
    archive = tmp_path / "during.tar.gz"
    backup = subprocess.run(
        [sys.executable, "manage.py", "backup", str(archive)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    results = [writer.communicate(timeout=300) for writer in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0 and out.strip() == "done", err[-2000:]

    database = sqlite3.connect(tmp_path / "db.sqlite3")
    rows = database.execute(
        "SELECT requester_name, COUNT(*) FROM honorees_privacyrequest GROUP BY requester_name"
    ).fetchall()
    assert dict(rows) == {f"w{n}": WRITES_EACH for n in range(WRITERS)}

    assert backup.returncode == 0, backup.stderr
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        tar.extract("database/db.sqlite3", tmp_path / "restored", filter="data")
    copy = sqlite3.connect(tmp_path / "restored" / "database" / "db.sqlite3")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copied = copy.execute("SELECT COUNT(*) FROM honorees_privacyrequest").fetchone()[0]
    assert copied == manifest["counts"]["honorees.privacyrequest"] <= WRITERS * WRITES_EACH
