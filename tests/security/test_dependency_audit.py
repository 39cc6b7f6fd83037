"""The CI dependency audit fails on a vulnerability that has a fix, and only then."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def judge(tmp_path, dependencies, **env):
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"dependencies": dependencies, "fixes": []}))
    return subprocess.run(
        [sys.executable, ".ci/audit_dependencies.py", "requirements.txt", "--report", str(report)],
        cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", **env},
    )  # fmt: skip


def test_a_vulnerability_with_a_fix_fails_the_build(tmp_path):
    result = judge(
        tmp_path,
        [
            {"name": "django", "version": "5.2.19", "vulns": [{"id": "PYSEC-0000-1", "fix_versions": ["5.2.20"]}]},
            {"name": "pillow", "version": "13.0.0", "vulns": []},
        ],
    )
    assert result.returncode == 1
    assert "VULNERABLE: django 5.2.19: PYSEC-0000-1 (fixed in 5.2.20)" in result.stdout


def test_a_vulnerability_without_a_fix_is_reported_but_passes(tmp_path):
    result = judge(tmp_path, [{"name": "gunicorn", "version": "27.0.1", "vulns": [{"id": "X", "fix_versions": []}]}])
    assert result.returncode == 0
    assert "warning: gunicorn 27.0.1: X (no fixed release yet)" in result.stdout


def test_unaudited_packages_fail_only_in_strict_mode(tmp_path):
    skipped = [{"name": "brotli", "skip_reason": "Dependency not found on PyPI"}]
    assert judge(tmp_path, skipped).returncode == 0
    assert judge(tmp_path, skipped, AUDIT_STRICT="1").returncode == 1
