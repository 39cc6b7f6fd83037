"""backup / restore: one archive, a round trip reproduces every row and file, and corrupt or
tampered archives and non-empty databases are refused."""

import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core import serializers
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from halloffame.backups import concrete_models, media_names
from honorees.models import Honoree, PrivacyRequest
from meetings.models import Meeting
from tests.factories import make_honoree, uploaded_jpeg

ROOT = Path(__file__).resolve().parents[2]


def snapshot():
    """Every row of every model (primary keys included) and every media file's bytes."""
    rows = {}
    for model in concrete_models():
        if model._meta.label_lower == "halloffame.publiccontentversion":
            continue  # the page-cache token: database triggers change it on restore, on purpose
        objects = model._base_manager.order_by("pk")
        rows[model._meta.label_lower] = json.loads(serializers.serialize("json", objects))
    files = {}
    for name in media_names():
        with default_storage.open(name, "rb") as handle:
            files[name] = handle.read()
    return rows, files


def make_content(admin_user):
    honoree = make_honoree(name="นายสำรอง ข้อมูล", photo=uploaded_jpeg(), story="<b>เรื่อง</b>\x07ราว")
    make_honoree(meeting=honoree.meeting, status=Honoree.Status.DRAFT)
    PrivacyRequest.objects.create(
        honoree=honoree, kind="removal", requester_name="ผู้ขอ", requester_contact="081", message="ลบ"
    )
    return honoree


def empty_the_install():
    """What a freshly migrated install holds: reference data, but no content and no media."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model

    for model in (PrivacyRequest, Honoree, Meeting, Honoree.history.model, Meeting.history.model, LogEntry):
        model._base_manager.all().delete()
    get_user_model().objects.all().delete()
    for name in list(media_names()):
        default_storage.delete(name)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_round_trip_reproduces_every_row_and_file(tmp_path, admin_user):
    make_content(admin_user)
    before = snapshot()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())

    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert "manifest.json" in names and any(name.startswith("media/honorees/") for name in names)
    assert manifest["counts"]["honorees.honoree"] == 2
    assert manifest["counts"]["honorees.privacyrequest"] == 1
    assert set(manifest["files"]) == set(names) - {"manifest.json"}
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())

    empty_the_install()
    assert snapshot() != before
    call_command("restore", str(archive), stdout=io.StringIO())
    assert snapshot() == before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_refuses_a_database_with_content_unless_forced(tmp_path, admin_user):
    make_content(admin_user)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    before = snapshot()
    make_honoree(name="นายมาทีหลัง ใหม่")
    with pytest.raises(CommandError, match="ไม่ว่าง.*--force"):
        call_command("restore", str(archive), stdout=io.StringIO())
    assert Honoree.objects.filter(name="นายมาทีหลัง ใหม่").exists()
    call_command("restore", str(archive), "--force", stdout=io.StringIO())
    assert not Honoree.objects.filter(name="นายมาทีหลัง ใหม่").exists()
    assert snapshot()[0] == before[0]


def rewrite_archive(source: Path, target: Path, change):
    with tarfile.open(source) as tar:
        members = [(member, tar.extractfile(member).read()) for member in tar.getmembers() if member.isfile()]
    with tarfile.open(target, "w:gz") as tar:
        for member, data in members:
            data = change(member.name, data)
            if data is None:
                continue
            member.size = len(data)
            tar.addfile(member, io.BytesIO(data))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_corrupt_or_tampered_archives_are_refused_before_anything_changes(tmp_path, admin_user):
    make_content(admin_user)
    good = tmp_path / "good.tar.gz"
    call_command("backup", str(good), stdout=io.StringIO())
    empty_the_install()

    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    not_an_archive = tmp_path / "notes.tar.gz"
    not_an_archive.write_bytes(gzip.compress(b"hello"))
    tampered = tmp_path / "tampered.tar.gz"
    rewrite_archive(good, tampered, lambda name, data: data + b"x" if name.startswith("media/") else data)
    missing = tmp_path / "missing.tar.gz"
    rewrite_archive(good, missing, lambda name, data: None if name.startswith("media/") else data)
    no_manifest = tmp_path / "no-manifest.tar.gz"
    rewrite_archive(good, no_manifest, lambda name, data: None if name == "manifest.json" else data)
    evil = tmp_path / "evil.tar.gz"
    with tarfile.open(evil, "w:gz") as tar:
        info = tarfile.TarInfo("../../outside.txt")
        info.size = 2
        tar.addfile(info, io.BytesIO(b"hi"))

    cases = {
        truncated: "เสียหาย",
        not_an_archive: "เสียหาย",
        tampered: "checksum",
        missing: "ขาดไฟล์",
        no_manifest: "manifest.json",
        evil: "ไม่อนุญาต",
        tmp_path / "nowhere.tar.gz": "ไม่พบไฟล์สำรอง",
    }
    for archive, message in cases.items():
        with pytest.raises(CommandError, match=message):
            call_command("restore", str(archive), stdout=io.StringIO())
        assert not Honoree.objects.exists(), archive
    assert not (tmp_path.parent / "outside.txt").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_into_a_folder_keeps_the_newest_copies(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    for stamp in ("20250101-010000", "20250102-010000", "20250103-010000"):
        (folder / f"halloffame-{stamp}.tar.gz").write_bytes(b"old")
    call_command("backup", str(folder), "--keep", "2", stdout=io.StringIO())
    kept = sorted(path.name for path in folder.iterdir())
    assert len(kept) == 2 and kept[0] == "halloffame-20250103-010000.tar.gz"
    assert tarfile.is_tarfile(folder / kept[1])


def manage(var_dir, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="halloffame.settings.test", HALLOFFAME_VAR_DIR=str(var_dir))
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


SEED = """
from tests.factories import make_honoree, uploaded_jpeg
for n in range(5):
    make_honoree(photo=uploaded_jpeg())
"""
DUMP = """
import json
from halloffame.backups import concrete_models, media_names
from django.core import serializers
from django.core.files.storage import default_storage
print(json.dumps({
    "rows": {
        m._meta.label_lower: serializers.serialize("json", m._base_manager.order_by("pk"))
        for m in concrete_models()
    },
    "files": {n: default_storage.open(n).read().hex() for n in media_names()},
}))
"""


def test_command_line_round_trip_on_a_sqlite_file(tmp_path):
    source, target, archive = tmp_path / "source", tmp_path / "target", tmp_path / "site.tar.gz"
    for var in (source, target):
        assert manage(var, "migrate", "-v0").returncode == 0
    assert manage(source, "shell", "-c", SEED).returncode == 0
    backup = manage(source, "backup", str(archive))
    assert backup.returncode == 0, backup.stderr
    restore = manage(target, "restore", str(archive))
    assert restore.returncode == 0, restore.stderr
    before, after = manage(source, "shell", "-c", DUMP), manage(target, "shell", "-c", DUMP)
    before, after = (json.loads(result.stdout.strip().splitlines()[-1]) for result in (before, after))
    assert before == after
    assert len(after["files"]) >= 5 and json.loads(after["rows"]["honorees.honoree"]).__len__() == 5
    again = manage(target, "restore", str(archive))
    assert again.returncode != 0 and "--force" in again.stderr
