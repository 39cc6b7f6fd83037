"""The dependency audit audits: a known-vulnerable pin fails it, the project's own pins pass it, and
an empty or missing advisory snapshot is a failure, not a clean bill."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / ".ci" / "audit_dependencies.py"
SNAPSHOT = ROOT.parent / "shared" / "advisories"


def audit(*args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args), "--no-live"], capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def advisories(tmp_path):
    """A snapshot of two OSV advisories in the PyPA database's layout."""
    folder = tmp_path / "advisories" / "vulns" / "Example-Pkg"
    folder.mkdir(parents=True)
    (folder / "PYSEC-0000-1.yaml").write_text(
        textwrap.dedent("""\
            id: PYSEC-0000-1
            affected:
            - package: {ecosystem: PyPI, name: example-pkg}
              ranges:
              - type: ECOSYSTEM
                events: [{introduced: "0"}, {fixed: "1.4.2"}, {introduced: "2.0"}, {fixed: "2.1.1"}]
            """)
    )
    (folder / "PYSEC-0000-2.yaml").write_text(
        textwrap.dedent("""\
            id: PYSEC-0000-2
            affected:
            - package: {ecosystem: PyPI, name: example_pkg}
              ranges:
              - type: ECOSYSTEM
                events: [{introduced: "3.0"}, {last_affected: "3.2"}]
            """)
    )
    return tmp_path / "advisories"


def pins(tmp_path, *lines):
    path = tmp_path / "requirements.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize(
    ("version", "vulnerable"),
    [("1.0", True), ("1.4.2", False), ("2.0.5", True), ("2.1.1", False), ("3.1", False), ("3.3", False)],
)
def test_ranges_decide_which_versions_fail(tmp_path, advisories, version, vulnerable):
    result = audit(pins(tmp_path, f"Example.Pkg=={version}"), "--advisories", advisories)
    assert result.returncode == (1 if vulnerable else 0), result.stdout + result.stderr
    assert ("VULNERABLE: example-pkg" in result.stdout) is vulnerable


def test_a_vulnerability_without_a_fix_warns_but_does_not_fail(tmp_path, advisories):
    result = audit(pins(tmp_path, "example-pkg==3.1"), "--advisories", advisories)
    assert result.returncode == 0
    assert "warning: example-pkg 3.1: PYSEC-0000-2 (no fixed release yet" in result.stdout


def test_an_empty_snapshot_or_an_unpinned_line_fails(tmp_path):
    (tmp_path / "empty" / "vulns").mkdir(parents=True)
    assert audit(pins(tmp_path, "django==5.2.19"), "--advisories", tmp_path / "empty").returncode != 0
    assert audit(pins(tmp_path, "django>=5.2"), "--advisories", tmp_path / "empty").returncode != 0


def snapshot_or_skip():
    if not (SNAPSHOT / "vulns").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI lays the advisory snapshot at {SNAPSHOT}")
        pytest.skip(f"no advisory snapshot at {SNAPSHOT}")


def test_a_known_vulnerable_django_pin_fails_against_the_real_snapshot(tmp_path):
    snapshot_or_skip()
    result = audit(pins(tmp_path, "Django==4.2.0"))
    assert result.returncode == 1
    assert "VULNERABLE: django 4.2.0: PYSEC-2024-70 (fixed in 4.2.15" in result.stdout


def test_the_projects_own_pins_pass_against_the_real_snapshot():
    snapshot_or_skip()
    result = audit(ROOT / "requirements.txt", ROOT / "requirements-dev.txt")
    assert result.returncode == 0, result.stdout
    assert "pinned packages checked against" in result.stdout
