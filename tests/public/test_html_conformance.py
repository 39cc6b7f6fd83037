"""The Nu HTML checker (vnu.jar, the W3C's conformance checker) finds no error on any page type,
in Thai and in English, including the privacy form showing its errors. vnu.jar comes from the npm
package vnu-jar (`.ci/run` installs it and a JRE); under CI=true this test fails rather than skips."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.cache import cache

from tests.e2e.sitedata import build_public_site, public_pages

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
VNU_JAR = Path(os.environ.get("VNU_JAR") or ROOT / "var/node/node_modules/vnu-jar/build/dist/vnu.jar")


def _vnu_command() -> list[str]:
    java = shutil.which("java")
    missing = [what for what, found in (("java", java), (str(VNU_JAR), VNU_JAR.is_file())) if not found]
    if missing:
        message = (
            f"the Nu HTML checker needs {' and '.join(missing)}: "
            "npm i -E --prefix var/node vnu-jar@26.9.27 and apt-get install default-jre-headless"
        )
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run this check, not skip it)")
        pytest.skip(message)
    return [java, "-Xss4m", "-jar", str(VNU_JAR)]


def vnu_errors(files: list[Path]) -> list[str]:
    result = subprocess.run(
        [*_vnu_command(), "--format", "json", "--exit-zero-always", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    messages = json.loads(result.stdout)["messages"]
    return [
        f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m.get('message')} «{m.get('extract', '').strip()}»"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "fatal"
    ]


def every_page(client) -> dict[str, bytes]:
    site = build_public_site()
    paths = public_pages(honoree=site.honoree, meeting=site.meeting, district=site.district, network=site.network)
    paths += [
        (name, path)
        for name in ("contact", "accessibility", "cookies", "site-map", "privacy-sent")
        for path in [f"/{name.replace('privacy-sent', 'privacy/sent')}/"]
    ]
    english = [(f"{name}-en", "/en" + path) for name, path in paths if not path.startswith("/en/")]
    pages = {}
    for name, path in paths + english:
        response = client.get(path)
        assert response.status_code == (404 if name.startswith("not-found") else 200), path
        pages[name] = response.content
    cache.clear()
    invalid = client.post("/privacy/", {"kind": "access", "name": "", "contact": ""})
    assert invalid.status_code in (200, 400)
    pages["privacy-with-errors"] = invalid.content
    return pages


def test_the_checker_reports_an_error_in_a_broken_page(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text('<!doctype html><html lang="th"><head><title>t</title></head><body><p><div>x</p><img src="a">')
    errors = vnu_errors([page])
    assert any("alt" in error for error in errors), errors


def test_every_page_type_has_no_html_conformance_error(client, tmp_path):
    files = []
    for name, content in every_page(client).items():
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(content)
    errors = vnu_errors(files)
    assert not errors, "Nu HTML checker errors:\n  " + "\n  ".join(errors)
