"""Backups and restores under faults, on SQLite and PostgreSQL alike: every refusal leaves the
install exactly as it was (rows and files), a restore that fails half-way puts everything back,
a backup to a bad place says why in one Thai line and leaves no partial file, and a backup holds
every file its rows name."""

import errno
import io
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from halloffame import backups
from halloffame.backups import media_names
from tests.factories import make_honoree, uploaded_jpeg
from tests.security.test_backup_restore import make_content, manage, rewrite_archive, snapshot

ROOT = Path(__file__).resolve().parents[2]
database = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


def with_manifest(source: Path, target: Path, change_manifest, change_files=lambda name, data: data):
    def change(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            change_manifest(manifest)
            return json.dumps(manifest).encode()
        return change_files(name, data)

    rewrite_archive(source, target, change)
    return target


def a_rendition(manifest: dict) -> str:
    return next(name for name in manifest["files"] if name.startswith("media/honorees/renditions/"))


@pytest.fixture
def installed(tmp_path, admin_user):
    """An install with content and photos, its good archive, and what it held when backed up."""
    make_content(admin_user)
    make_honoree(name="นางภาพ ที่สอง", photo=uploaded_jpeg(size=(300, 200)))
    archive = tmp_path / "good.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    return archive


def bad_archives(good: Path, folder: Path, monkeypatch) -> dict[str, tuple[Path, str]]:
    manifest = manifest_of(good)
    rendition = a_rendition(manifest)
    dropped = manifest["files"].copy()
    del dropped[rendition]
    monkeypatch.setattr(backups, "MAX_UNPACKED_BYTES", good.stat().st_size * 50)
    bomb = folder / "bomb.tar.gz"
    with tarfile.open(bomb, "w:gz") as tar:
        info = tarfile.TarInfo("media/honorees/zeros.jpg")
        info.size = good.stat().st_size * 100  # zeros: a few kB compressed, far past the limit unpacked
        tar.addfile(info, io.BytesIO(bytes(info.size)))
    return {
        "a manifest count altered": (
            with_manifest(
                good,
                folder / "count.tar.gz",
                lambda m: m["counts"].update({"honorees.honoree": m["counts"]["honorees.honoree"] + 1}),
            ),
            "จำนวนแถว",
        ),
        "a file the rows name left out": (
            with_manifest(
                good,
                folder / "absent.tar.gz",
                lambda m: m.update(files=dropped),
                lambda name, data: None if name == rendition else data,
            ),
            "ขาดไฟล์ที่ข้อมูลอ้างถึง",
        ),
        "a gzip bomb member": (bomb, "ขยายแล้วใหญ่เกิน"),
        "another database's archive": (
            with_manifest(
                good,
                folder / "vendor.tar.gz",
                lambda m: m["database"].update(vendor="postgresql" if connection.vendor == "sqlite" else "sqlite"),
            ),
            "กู้คืนได้เฉพาะฐานข้อมูลชนิดเดียวกัน",
        ),
        "a tampered photo": (
            rewrite_archive(good, folder / "tampered.tar.gz", lambda n, d: d + b"x" if n.startswith("media/") else d)
            or folder / "tampered.tar.gz",
            "checksum",
        ),
    }


@database
def test_every_refusal_leaves_the_install_exactly_as_it_was(installed, tmp_path, monkeypatch):
    make_honoree(name="นายหลังสำรอง ยังอยู่")  # the install has moved on since the backup
    before = snapshot()
    for case, (archive, message) in bad_archives(installed, tmp_path, monkeypatch).items():
        with pytest.raises(CommandError, match=message):
            call_command("restore", str(archive), "--force", stdout=io.StringIO())
            pytest.fail(f"{case} was restored")
        assert snapshot() == before, case


class FailingStorage(FileSystemStorage):
    """The media disk failing (full) once, on one file half-way through a restore."""

    def __init__(self, fail_on: str, **kwargs):
        super().__init__(**kwargs)
        self.fail_on = fail_on

    def _save(self, name, content):
        if name == self.fail_on:
            self.fail_on = None
            raise OSError(errno.ENOSPC, "No space left on device")
        return super()._save(name, content)


@database
def test_a_restore_failing_half_way_puts_rows_and_files_back(installed, settings):
    make_honoree(name="นายหลังสำรอง ยังอยู่", photo=uploaded_jpeg(size=(200, 200)))
    before = snapshot()
    last = sorted(name.removeprefix("media/") for name in manifest_of(installed)["files"] if name.startswith("media/"))
    storage = FailingStorage(last[-1], location=settings.MEDIA_ROOT)
    with pytest.raises(OSError):
        backups.restore_archive(path=installed, force=True, storage=storage)
    assert snapshot() == before


@database
def test_restore_force_leaves_no_file_of_the_previous_install(installed, settings):
    make_honoree(name="นายหลังสำรอง ยังอยู่", photo=uploaded_jpeg(size=(200, 200)))
    default_storage.save("honorees/leftover.jpg", io.BytesIO(b"old"))
    call_command("restore", str(installed), "--force", stdout=io.StringIO())
    archived = {name.removeprefix("media/") for name in manifest_of(installed)["files"] if name.startswith("media/")}
    assert set(media_names()) == archived


@database
def test_backup_to_a_place_that_is_not_a_folder_says_why_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(CommandError) as refused:
        call_command("backup", str(blocker / "site.tar.gz"), stdout=io.StringIO())
    message = str(refused.value)
    assert "\n" not in message and message.startswith(f"สำรองข้อมูลไปที่ {blocker / 'site.tar.gz'} ไม่ได้:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    """A migrated SQLite file, made once: each test below copies it instead of migrating again."""
    var = tmp_path_factory.mktemp("migrated")
    result = manage(var, "migrate", "-v0")
    assert result.returncode == 0, result.stderr
    return var / "db.sqlite3"


def fresh_install(migrated, tmp_path) -> Path:
    var = tmp_path / "var"
    var.mkdir()
    shutil.copyfile(migrated, var / "db.sqlite3")
    return var


def file_size_limit(size):
    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="the SQLite file install")
def test_backup_to_a_full_disk_says_why_in_thai_and_keep_cleans_partials(migrated, tmp_path):
    var = fresh_install(migrated, tmp_path)
    seed = (
        "import io\nfrom PIL import Image\nfrom django.core.files.uploadedfile import SimpleUploadedFile\n"
        "from tests.factories import make_honoree\nfor n in range(3):\n"
        "    noise, data = Image.effect_noise((900, 900), 90).convert('RGB'), io.BytesIO()\n"
        "    noise.save(data, 'JPEG', quality=95)\n"
        "    make_honoree(photo=SimpleUploadedFile('p.jpg', data.getvalue(), content_type='image/jpeg'))"
    )
    assert manage(var, "shell", "-c", seed).returncode == 0
    folder = tmp_path / "backups"
    folder.mkdir()
    size = (var / "db.sqlite3").stat().st_size + 300_000  # the database copy fits; the archive does not
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="halloffame.settings.test", HALLOFFAME_VAR_DIR=str(var))
    full = subprocess.run(
        [sys.executable, "manage.py", "backup", str(folder / "site.tar.gz")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, preexec_fn=file_size_limit(size),
    )  # fmt: skip
    assert full.returncode != 0
    assert "พื้นที่ดิสก์ไม่พอ" in full.stderr and len(full.stderr.strip().splitlines()) == 1, full.stderr
    assert list(folder.iterdir()) == []
    (folder / "halloffame-20250101-010000.tar.gz.partial").write_bytes(b"killed mid-run")
    kept = manage(var, "backup", str(folder), "--keep", "1")
    assert kept.returncode == 0, kept.stderr
    assert [p.suffix for p in folder.iterdir()] == [".gz"]


BUSY = """
import sys, time
from honorees.models import Honoree
from tests.factories import uploaded_jpeg
deadline = time.monotonic() + float(sys.argv[1])
honorees = list(Honoree.objects.all())
n = 0
while time.monotonic() < deadline:
    for honoree in honorees:
        honoree.photo = uploaded_jpeg(size=(120 + n % 50, 100), color=(n % 250, 80, 80))
        honoree.save()
        n += 1
print(n)
"""


@pytest.mark.skipif(os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="the SQLite file install")
def test_a_backup_taken_while_photos_are_replaced_holds_every_file_its_rows_name(migrated, tmp_path):
    var = fresh_install(migrated, tmp_path)
    seed = "from tests.factories import make_honoree, uploaded_jpeg\n"
    seed += "for n in range(6): make_honoree(photo=uploaded_jpeg(size=(400, 300)))"
    assert manage(var, "shell", "-c", seed).returncode == 0
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(DJANGO_SETTINGS_MODULE="halloffame.settings.test", HALLOFFAME_VAR_DIR=str(var))
    writer = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "-c", BUSY.replace("sys.argv[1]", "4")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    archives = []
    try:
        for n in range(2):
            archive = tmp_path / f"during-{n}.tar.gz"
            result = manage(var, "backup", str(archive))
            assert result.returncode == 0, result.stderr
            archives.append(archive)
    finally:
        out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0 and int(out.strip().splitlines()[-1]) > 0, err[-2000:]
    for archive in archives:
        with tarfile.open(archive) as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
            tar.extract(backups.SQLITE_FILE, tmp_path / archive.stem, filter="data")
        rows = sqlite3.connect(tmp_path / archive.stem / backups.SQLITE_FILE).execute(backups._honoree_files_sql())
        referenced = backups.referenced_media(rows.fetchall())
        assert referenced and manifest["missing"] == []
        assert {f"media/{name}" for name in referenced} <= set(manifest["files"]), archive
