"""Audit the pinned runtime dependencies with pip-audit; fail on any vulnerability that has a fix.

    python .ci/audit_dependencies.py requirements.txt [--service pypi|osv] [--report FILE]

The pypi service (PyPI's JSON API) is the default; it is the one reachable from the CI network.
A vulnerability without a released fix is printed but does not fail the build (nothing to
upgrade to). Packages the service could not answer for are listed; AUDIT_STRICT=1 fails on them.
If the service cannot be reached at all, the audit fails: no answer is not a clean bill.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def run_pip_audit(requirements: str, service: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        command = [sys.executable, "-m", "pip_audit", "--requirement", requirements, "--no-deps", "--disable-pip"]
        command += ["--vulnerability-service", service, "--format", "json", "--output", str(report)]
        command += ["--progress-spinner", "off"]
        result = subprocess.run(command, capture_output=True, text=True)
        if not report.exists():
            sys.exit(f"pip-audit could not run (is the {service} service reachable?):\n{result.stderr[-3000:]}")
        return json.loads(report.read_text())


def judge(report: dict, *, strict: bool) -> int:
    fixable, unfixed, skipped = [], [], []
    for dependency in report.get("dependencies", []):
        if dependency.get("skip_reason"):
            skipped.append(dependency["skip_reason"])
        for vuln in dependency.get("vulns", []):
            line = f"{dependency['name']} {dependency['version']}: {vuln['id']}"
            if vuln.get("fix_versions"):
                fixable.append(f"{line} (fixed in {', '.join(vuln['fix_versions'])})")
            else:
                unfixed.append(f"{line} (no fixed release yet)")
    audited = len(report.get("dependencies", [])) - len(skipped)
    print(f"pip-audit: {audited} pinned packages audited, {len(skipped)} not answered for.")
    for line in unfixed:
        print(f"  warning: {line}")
    for line in skipped:
        print(f"  not audited: {line}")
    for line in fixable:
        print(f"  VULNERABLE: {line}")
    if fixable:
        print("Upgrade the pins above in requirements.txt to a fixed version.")
        return 1
    if strict and skipped:
        print("AUDIT_STRICT=1: packages the service did not answer for count as a failure.")
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("requirements")
    parser.add_argument("--service", default=os.environ.get("AUDIT_SERVICE", "pypi"), choices=["pypi", "osv"])
    parser.add_argument("--report", help="judge an existing pip-audit JSON report instead of running pip-audit")
    args = parser.parse_args()
    if args.report:
        report = json.loads(Path(args.report).read_text())
    else:
        report = run_pip_audit(args.requirements, args.service)
    return judge(report, strict=os.environ.get("AUDIT_STRICT") == "1")


if __name__ == "__main__":
    sys.exit(main())
