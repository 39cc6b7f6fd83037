"""One-archive backup and restore of the database and the media files.

The archive (tar.gz) holds manifest.json, the database and media/. SQLite is copied with
SQLite's online backup API (a consistent snapshot while the site writes); PostgreSQL is dumped
table by table with COPY inside one REPEATABLE READ, READ ONLY transaction (one snapshot,
exact values, no pg_dump needed). The schema comes from the migrations, so a restore needs an
install at the same migrations. The manifest records row counts per model and the sha256 of
every file, and restore checks both.
"""

import hashlib
import io
import json
import shutil
import sqlite3
import tarfile
import zlib
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

FORMAT = "halloffame-backup"
FORMAT_VERSION = 1
SQLITE_FILE = "database/db.sqlite3"
POSTGRES_FOLDER = "database/postgresql"
# What people put into an install. A freshly migrated install has none of these rows (the
# reference data, groups and other rows made by migrations do not count).
CONTENT_APPS = {"honorees", "meetings"}
CONTENT_MODELS = {"auth.user", "admin.logentry", "networks.staffprofile"}
# The programme's content (its target row is made by a migration, so the app as a whole is not).
CONTENT_MODELS |= {f"programme.{name}" for name in ("modelorganisation", "learningsource", "lesson", "coach")}


class BackupError(Exception):
    """Raised with a message for the IT officer; the commands turn it into CommandError."""


def concrete_models():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]


def model_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.count() for model in concrete_models()}


def applied_migrations() -> list[str]:
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def content_counts() -> dict[str, int]:
    """Rows of content, which a freshly migrated install does not have."""
    return {
        label: count
        for label, count in model_counts().items()
        if count and (label in CONTENT_MODELS or label.split(".")[0] in CONTENT_APPS)
    }


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_names(storage=default_storage, folder=""):
    """Every file in the media storage (works for the file system and for S3 alike)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from media_names(storage, f"{folder}/{sub}" if folder else sub)


# --- backup ---------------------------------------------------------------------------------


def _dump_sqlite(work: Path) -> dict[str, int]:
    if connection.in_atomic_block:
        # The copy would wait forever for this connection's own open write transaction.
        raise BackupError("สำรองข้อมูลภายใน transaction ที่เปิดอยู่ไม่ได้")
    connection.ensure_connection()
    target = work / SQLITE_FILE
    target.parent.mkdir(parents=True)
    copy = sqlite3.connect(target)
    try:
        # One step (pages=-1): the whole database is copied under one read snapshot.
        connection.connection.backup(copy)
        counts = {}
        for model in concrete_models():
            table = model._meta.db_table.replace('"', '""')
            counts[model._meta.label_lower] = copy.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    finally:
        copy.close()
    return counts


def _postgres_tables(cursor) -> dict[str, list[str]]:
    cursor.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name IN ("
        "  SELECT table_name FROM information_schema.tables "
        "  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE')"
        "ORDER BY table_name, ordinal_position"
    )
    tables: dict[str, list[str]] = {}
    for table, column in cursor.fetchall():
        if table != "django_migrations":
            tables.setdefault(table, []).append(column)
    return tables


def _dump_postgresql(work: Path) -> tuple[dict[str, int], dict]:
    folder = work / POSTGRES_FOLDER
    folder.mkdir(parents=True)
    quote = connection.ops.quote_name
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            tables = _postgres_tables(cursor)
            for table, columns in tables.items():
                column_list = ", ".join(quote(column) for column in columns)
                with open(folder / f"{table}.copy", "wb") as out:
                    with cursor.copy(f"COPY {quote(table)} ({column_list}) TO STDOUT") as copy:
                        for data in copy:
                            out.write(data)
            counts = model_counts()
    return counts, tables


def _add_file(archive: tarfile.TarFile, name: str, fileobj, size: int) -> dict:
    """Adds a file while hashing exactly the bytes written to the archive."""
    digest = hashlib.sha256()

    class Hashing(io.RawIOBase):
        def read(self, n=-1):
            data = fileobj.read(n)
            digest.update(data)
            return data

    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(datetime.now().timestamp()), 0o644
    archive.addfile(info, Hashing())
    return {"sha256": digest.hexdigest(), "size": size}


def backup_create(*, path: Path, storage=default_storage, log=print) -> dict:
    """Writes the archive to `path` (via a temporary name, so a failed run leaves no archive)."""
    import tempfile

    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"ยังไม่รองรับฐานข้อมูลชนิด {vendor}")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    files: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="halloffame-backup-") as tmp:
        work = Path(tmp)
        tables = None
        if vendor == "sqlite":
            counts = _dump_sqlite(work)
        else:
            counts, tables = _dump_postgresql(work)
        migrations = applied_migrations()
        with tarfile.open(partial, "w:gz") as archive:
            for file in sorted(p for p in work.rglob("*") if p.is_file()):
                name = file.relative_to(work).as_posix()
                with open(file, "rb") as handle:
                    files[name] = _add_file(archive, name, handle, file.stat().st_size)
            for name in media_names(storage):
                try:
                    with storage.open(name, "rb") as handle:
                        files[f"media/{name}"] = _add_file(archive, f"media/{name}", handle, handle.size)
                except FileNotFoundError:  # deleted by the running site while we were copying
                    log(f"ข้ามไฟล์ที่ถูกลบระหว่างสำรอง: {name}")
            manifest = {
                "format": FORMAT,
                "version": FORMAT_VERSION,
                "created_at": datetime.now(UTC).isoformat(),
                "database": {"vendor": vendor, "postgresql_tables": tables},
                "migrations": migrations,
                "counts": counts,
                "files": files,
            }
            data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size, info.mtime, info.mode = len(data), int(datetime.now().timestamp()), 0o644
            archive.addfile(info, io.BytesIO(data))
    partial.replace(path)
    return manifest


def backup_prune(*, folder: Path, keep: int) -> list[Path]:
    """Deletes all but the newest `keep` archives this command wrote into `folder`."""
    archives = sorted(folder.glob("halloffame-*.tar.gz"))
    old = archives[:-keep] if keep > 0 else []
    for archive in old:
        archive.unlink()
    return old


# --- restore --------------------------------------------------------------------------------


def _extract(path: Path, into: Path) -> dict:
    corrupt = f"ไฟล์สำรอง {path} เสียหายหรือไม่ใช่ไฟล์สำรองของระบบนี้"
    try:
        with tarfile.open(path, "r:gz") as archive:
            for member in archive:
                name = PurePosixPath(member.name)
                if member.isdir():
                    continue
                if not member.isfile() or name.is_absolute() or ".." in name.parts:
                    raise BackupError(f"{corrupt}: มีรายการที่ไม่อนุญาต ({member.name})")
                if name.parts[0] not in {"database", "media", "manifest.json"}:
                    raise BackupError(f"{corrupt}: มีไฟล์ที่ไม่รู้จัก ({member.name})")
                target = into.joinpath(*name.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.extractfile(member) as source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out)
    except FileNotFoundError:
        raise BackupError(f"ไม่พบไฟล์สำรอง {path}") from None
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(f"{corrupt} ({error})") from None
    try:
        manifest = json.loads((into / "manifest.json").read_text())
    except (FileNotFoundError, ValueError):
        raise BackupError(f"{corrupt}: ไม่มี manifest.json ที่อ่านได้") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{corrupt}: manifest.json ไม่ใช่ของระบบหอเกียรติยศ")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"ไฟล์สำรองรุ่น {manifest.get('version')} ใช้กับระบบรุ่นนี้ไม่ได้")
    listed = set(manifest["files"])
    present = {p.relative_to(into).as_posix() for p in into.rglob("*") if p.is_file()} - {"manifest.json"}
    if listed - present:
        raise BackupError(f"{corrupt}: ขาดไฟล์ {', '.join(sorted(listed - present)[:5])}")
    if present - listed:
        raise BackupError(f"{corrupt}: มีไฟล์ที่ไม่อยู่ใน manifest ({', '.join(sorted(present - listed)[:5])})")
    for name, expected in manifest["files"].items():
        if sha256_file(into / name) != expected["sha256"]:
            raise BackupError(f"{corrupt}: checksum ของ {name} ไม่ตรงกับ manifest")
    return manifest


def _restore_sqlite(source: Path):
    connection.close()
    connection.ensure_connection()
    archived = sqlite3.connect(source)
    try:
        archived.backup(connection.connection)
    finally:
        archived.close()
    connection.close()


def _restore_postgresql(folder: Path, tables: dict[str, list[str]]):
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        existing = _postgres_tables(cursor)
        missing = sorted(set(tables) - set(existing))
        if missing:
            raise BackupError(f"ฐานข้อมูลปลายทางไม่มีตาราง {', '.join(missing[:5])} — รัน migrate ก่อน")
        cursor.execute(f"TRUNCATE {', '.join(quote(t) for t in existing)} RESTART IDENTITY CASCADE")
        for table, columns in tables.items():
            column_list = ", ".join(quote(column) for column in columns)
            with open(folder / f"{table}.copy", "rb") as data:
                with cursor.copy(f"COPY {quote(table)} ({column_list}) FROM STDIN") as copy:
                    while chunk := data.read(1 << 20):
                        copy.write(chunk)
        for statement in connection.ops.sequence_reset_sql(no_style(), concrete_models()):
            cursor.execute(statement)


def restore_archive(*, path: Path, force: bool = False, storage=default_storage) -> dict:
    import tempfile

    with tempfile.TemporaryDirectory(prefix="halloffame-restore-") as tmp:
        work = Path(tmp)
        manifest = _extract(path, work)
        vendor = manifest["database"]["vendor"]
        if vendor != connection.vendor:
            raise BackupError(
                f"ไฟล์สำรองนี้มาจากฐานข้อมูล {vendor} แต่ระบบนี้ใช้ {connection.vendor} — กู้คืนได้เฉพาะฐานข้อมูลชนิดเดียวกัน"
            )
        if vendor == "postgresql" and manifest["migrations"] != applied_migrations():
            raise BackupError(
                "โครงสร้างฐานข้อมูล (migrations) ไม่ตรงกับไฟล์สำรอง: ติดตั้งระบบรุ่นเดียวกับตอนสำรอง รัน migrate แล้วกู้คืนอีกครั้ง"
            )
        if not force:
            content = content_counts()
            media = next(iter(media_names(storage)), None)
            if content or media:
                detail = ", ".join(f"{label} {count} แถว" for label, count in sorted(content.items())[:5])
                raise BackupError(
                    f"ฐานข้อมูลหรือโฟลเดอร์สื่อของระบบนี้ไม่ว่าง ({detail or 'มีไฟล์สื่ออยู่แล้ว'}) — ใช้ --force หากต้องการเขียนทับ"
                )
        if vendor == "sqlite":
            _restore_sqlite(work / SQLITE_FILE)
            _check_counts(manifest)
        else:
            with transaction.atomic():
                _restore_postgresql(work / POSTGRES_FOLDER, manifest["database"]["postgresql_tables"])
                _check_counts(manifest)
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
        for name in manifest["files"]:
            if not name.startswith("media/"):
                continue
            media_name = name.removeprefix("media/")
            if storage.exists(media_name):
                storage.delete(media_name)
            with open(work / name, "rb") as handle:
                saved = storage.save(media_name, File(handle))
            if saved != media_name:
                raise BackupError(f"บันทึกไฟล์สื่อ {media_name} ไม่ได้ตามชื่อเดิม (ได้ {saved})")
            with storage.open(media_name, "rb") as handle:
                digest = hashlib.sha256(handle.read()).hexdigest()
            if digest != manifest["files"][name]["sha256"]:
                raise BackupError(f"ไฟล์สื่อ {media_name} หลังกู้คืนมี checksum ไม่ตรง")
    return manifest


def _check_counts(manifest: dict):
    counts = model_counts()
    wrong = {
        label: (expected, counts.get(label))
        for label, expected in manifest["counts"].items()
        if counts.get(label) != expected
    }
    if wrong:
        detail = ", ".join(f"{label}: คาด {e} ได้ {g}" for label, (e, g) in sorted(wrong.items())[:5])
        raise BackupError(f"จำนวนแถวหลังกู้คืนไม่ตรงกับไฟล์สำรอง ({detail})")
