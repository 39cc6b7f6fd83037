"""Audit every pinned package against known vulnerabilities; fail on any that has a fixed version.

    python .ci/audit_dependencies.py requirements.txt requirements-dev.txt [--advisories DIR] [--live]

Two sources, each read on its own:
- the OSV snapshot of the PyPA advisory database in ../shared/advisories (beside the repository;
  see its SNAPSHOT.md), always: one YAML file per advisory, `affected[].ranges[].events` and
  `affected[].versions` say which versions are hit and which release fixes them;
- the live service through pip-audit (PyPI's vulnerability data), where it answers: advisories
  newer than the snapshot. A service that does not answer is reported, not counted as clean.

A vulnerability without a fixed release is printed but does not fail (nothing to upgrade to).
The snapshot missing or holding no advisories fails: no data is not a clean bill.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ADVISORIES = ROOT.parent / "shared" / "advisories"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")


@dataclass(frozen=True)
class Finding:
    package: str
    version: str
    advisory: str
    fixed: tuple[str, ...]
    source: str

    def __str__(self):
        fix = f"fixed in {', '.join(self.fixed)}" if self.fixed else "no fixed release yet"
        return f"{self.package} {self.version}: {self.advisory} ({fix}; {self.source})"


def read_pins(paths: list[Path]) -> dict[str, str]:
    """name → pinned version from requirement files, following `-r other.txt`; unpinned lines fail."""
    pins: dict[str, str] = {}
    for path in paths:
        for line in path.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith(("-r ", "--requirement ")):
                pins.update(read_pins([path.parent / line.split(maxsplit=1)[1]]))
                continue
            match = PIN.match(line)
            if not match:
                sys.exit(f"{path}: not an exact pin, cannot be audited: {line}")
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def _affects(affected: dict, version: Version, raw: str) -> bool:
    if raw in affected.get("versions", []):
        return True
    for range_ in affected.get("ranges", []):
        if range_.get("type") != "ECOSYSTEM":
            continue
        events = [(kind, _parse(value)) for event in range_.get("events", []) for kind, value in event.items()]
        hit = False  # OSV events in version order: introduced opens a range, fixed / last_affected close it
        for kind, at in sorted((e for e in events if e[1] is not None), key=lambda e: e[1]):
            if kind == "introduced" and version >= at:
                hit = True
            elif (kind == "fixed" and version >= at) or (kind == "last_affected" and version > at):
                hit = False
        if hit:
            return True
    return False


def _parse(value) -> Version | None:
    try:
        return Version(str(value))
    except InvalidVersion:  # a few advisories name a commit or a malformed version: the list decides
        return None


def audit_snapshot(pins: dict[str, str], advisories: Path) -> tuple[list[Finding], int]:
    """Findings for the pins, and how many advisory files the snapshot holds for them."""
    vulns = advisories / "vulns"
    folders = {canonicalize_name(p.name): p for p in vulns.iterdir()} if vulns.is_dir() else {}
    if not folders:
        sys.exit(f"No advisory snapshot in {vulns}: the audit has nothing to check against.")
    findings, read = [], 0
    for name, raw in sorted(pins.items()):
        try:
            version = Version(raw)
        except InvalidVersion:
            sys.exit(f"{name}=={raw}: not a version the audit can compare")
        for path in sorted(folders[name].glob("*.yaml")) if name in folders else []:
            advisory = yaml.safe_load(path.read_text())
            read += 1
            if advisory.get("withdrawn"):
                continue
            for affected in advisory.get("affected", []):
                package = affected.get("package", {})
                if package.get("ecosystem") != "PyPI" or canonicalize_name(package.get("name", "")) != name:
                    continue
                if _affects(affected, version, raw):
                    fixed = sorted(
                        {
                            event["fixed"]
                            for range_ in affected.get("ranges", [])
                            for event in range_.get("events", [])
                            if "fixed" in event
                        },
                        key=lambda v: _parse(v) or version,
                    )
                    later = tuple(v for v in fixed if (_parse(v) or version) > version)
                    findings.append(Finding(name, raw, advisory["id"], later, "snapshot"))
    return findings, read


def audit_live(paths: list[Path]) -> tuple[list[Finding], str]:
    """pip-audit against PyPI's data: findings, and a line saying how far the service answered."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        command = [sys.executable, "-m", "pip_audit", "--no-deps", "--disable-pip", "--progress-spinner", "off"]
        for path in paths:
            command += ["--requirement", str(path)]
        command += ["--format", "json", "--output", str(report)]
        try:
            subprocess.run(command, capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            return [], "live service: no answer within 180 s"
        if not report.exists():
            return [], "live service: pip-audit could not run"
        data = json.loads(report.read_text())
    dependencies = data.get("dependencies", [])
    answered = [d for d in dependencies if not d.get("skip_reason")]
    findings = [
        Finding(canonicalize_name(d["name"]), d["version"], v["id"], tuple(v.get("fix_versions", [])), "live")
        for d in answered
        for v in d.get("vulns", [])
    ]
    return findings, f"live service: answered for {len(answered)} of {len(dependencies)} packages"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("requirements", nargs="+", type=Path)
    parser.add_argument("--advisories", type=Path, default=Path(os.environ.get("AUDIT_ADVISORIES", DEFAULT_ADVISORIES)))
    parser.add_argument("--no-live", action="store_true", help="only the snapshot (AUDIT_LIVE=0 does the same)")
    args = parser.parse_args(argv)
    pins = read_pins(args.requirements)
    findings, read = audit_snapshot(pins, args.advisories)
    print(f"audit: {len(pins)} pinned packages checked against {read} advisories in {args.advisories}")
    if not (args.no_live or os.environ.get("AUDIT_LIVE") == "0"):
        live, answer = audit_live(args.requirements)
        print(f"  {answer}")
        findings += live
    fixable = sorted({str(f) for f in findings if f.fixed})
    for line in sorted({str(f) for f in findings if not f.fixed}):
        print(f"  warning: {line}")
    for line in fixable:
        print(f"  VULNERABLE: {line}")
    if fixable:
        print("Upgrade the pins above to a fixed version.")
        return 1
    print("audit: no known vulnerability with a fixed version.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
