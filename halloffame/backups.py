"""One-archive backup and restore of the database and the media files.

The archive (tar.gz) holds manifest.json, the database and media/. SQLite is copied with
SQLite's online backup API (a consistent snapshot while the site writes); PostgreSQL is dumped
table by table with COPY inside one REPEATABLE READ, READ ONLY transaction (one snapshot,
exact values, no pg_dump needed). The schema comes from the migrations, so a restore needs an
install at the same migrations. The manifest records row counts per model and the sha256 of
every file, and restore checks both.

Files and rows agree: media files are staged (hard-linked where the storage is on this disk,
copied otherwise) before the database snapshot, and any file the snapshot's rows name that was
not yet staged is staged after it, so a photo replaced mid-backup is still in the archive. A
restore proves the archive first (sizes bounded, checksums, the row counts of the archived
database, every file its rows name present), keeps a copy of the install, and puts everything
back as it was on any failure.
"""

import errno
import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from honorees import public_flag

FORMAT = "halloffame-backup"
FORMAT_VERSION = 1
SQLITE_FILE = "database/db.sqlite3"
POSTGRES_FOLDER = "database/postgresql"
# What people put into an install. A freshly migrated install has none of these rows (the
# reference data, groups and other rows made by migrations do not count).
CONTENT_APPS = {"honorees", "meetings"}
CONTENT_MODELS = {"auth.user", "admin.logentry", "staff.staffprofile"}
# Unpacking stops before a member that would take the archive's contents past this (a gzip
# bomb declares its size in the tar header, so it is refused before a byte of it is written).
MAX_UNPACKED_BYTES = 50 * 1024**3
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


# --- the files the rows name, and staging them ---------------------------------------------


def referenced_media(rows) -> set[str]:
    """The media files honoree rows (photo, width, height, share card) name: each master with its
    renditions, and each share card."""
    from honorees.photos.paths import MASTER_RE
    from honorees.photos.renditions import VARIANTS, renditions

    names = set()
    for photo, width, height, share_card in rows:
        if share_card:
            names.add(share_card)
        if photo:
            names.add(photo)
            if width and height and MASTER_RE.match(photo):
                for variant in VARIANTS:
                    for rendition in renditions(photo, variant, width, height):
                        names |= {rendition.webp, rendition.jpeg}
    return names


def _honoree_files_sql() -> str:
    from honorees.models import Honoree

    return f'SELECT photo, photo_width, photo_height, share_card FROM "{Honoree._meta.db_table}"'


def _local_path(storage, name: str) -> str | None:
    try:
        return storage.path(name)
    except NotImplementedError:  # S3 and other remote storages
        return None


@contextmanager
def _staging(storage):
    """A scratch folder beside the media folder where one exists (so hard links work), else in /tmp."""
    root = _local_path(storage, "")
    base = Path(root).parent if root and Path(root).parent.is_dir() else None
    with tempfile.TemporaryDirectory(prefix=".halloffame-staging-", dir=base) as folder:
        yield Path(folder)


def _stage(storage, name: str, into: Path) -> bool:
    """Keep the file `name` under `into`, whatever the site does to it later. False if it is gone."""
    target = into / name
    target.parent.mkdir(parents=True, exist_ok=True)
    source = _local_path(storage, name)
    if source:
        try:
            os.link(source, target)  # the bytes stay even if the site deletes the name
            return True
        except FileNotFoundError:
            return False
        except OSError:
            pass  # another disk, or links not allowed: copy
    try:
        with storage.open(name, "rb") as handle, open(target, "wb") as out:
            shutil.copyfileobj(handle, out)
        return True
    except FileNotFoundError:
        target.unlink(missing_ok=True)
        return False


def _staged_files(folder: Path) -> dict[str, Path]:
    return {p.relative_to(folder).as_posix(): p for p in sorted(folder.rglob("*")) if p.is_file()}


def _disk_problem(path: Path, error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        why = "พื้นที่ดิสก์ไม่พอ"
    elif error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        why = "ไม่มีสิทธิ์เขียนที่นั่น"
    elif error.errno in (errno.ENOENT, errno.ENOTDIR, errno.EISDIR):
        why = "ไม่มีโฟลเดอร์นั้น หรือเป็นไฟล์ ไม่ใช่โฟลเดอร์"
    else:
        why = "เขียนไฟล์ไม่สำเร็จ"
    return f"สำรองข้อมูลไปที่ {path} ไม่ได้: {why} ({error.strerror or error})"


# --- backup ---------------------------------------------------------------------------------


def _dump_sqlite(work: Path) -> tuple[dict[str, int], list]:
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
        files = copy.execute(_honoree_files_sql()).fetchall()
    finally:
        copy.close()
    return counts, files


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


def _dump_postgresql(work: Path) -> tuple[dict[str, int], dict, list]:
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
            cursor.execute(_honoree_files_sql())
            files = cursor.fetchall()
    return counts, tables, files


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
    """Writes the archive to `path` (via a .partial name, so a failed run leaves no archive).

    Media are staged before the database snapshot and the files its rows name after it, so the
    archive holds every file the rows refer to even while staff replace photos.
    """
    vendor = connection.vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"ยังไม่รองรับฐานข้อมูลชนิด {vendor}")
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="halloffame-backup-") as tmp, _staging(storage) as staged:
            work = Path(tmp)
            for name in media_names(storage):
                _stage(storage, name, staged)
            tables = None
            if vendor == "sqlite":
                counts, rows = _dump_sqlite(work)
            else:
                counts, tables, rows = _dump_postgresql(work)
            migrations = applied_migrations()
            referenced = referenced_media(rows)
            missing = sorted(n for n in referenced if not (staged / n).is_file() and not _stage(storage, n, staged))
            for name in missing:
                log(f"คำเตือน: ไฟล์ที่ข้อมูลอ้างถึงไม่มีอยู่ในที่เก็บไฟล์ของระบบ: {name}")
            manifest = _write_archive(
                partial, work, staged, tables=tables, migrations=migrations, counts=counts, missing=missing
            )
        partial.replace(path)
    except OSError as error:
        _remove(partial)
        raise BackupError(_disk_problem(path, error)) from None
    except sqlite3.OperationalError as error:  # the database copy could not be written
        _remove(partial)
        raise BackupError(f"สำรองข้อมูลไปที่ {path} ไม่ได้: พื้นที่ดิสก์ไม่พอหรือเขียนไม่ได้ ({error})") from None
    except BaseException:
        _remove(partial)
        raise
    return manifest


def _remove(partial: Path) -> None:
    try:
        partial.unlink(missing_ok=True)
    except OSError:  # its folder is not there or not a folder: nothing was written
        pass


def _write_archive(partial: Path, work: Path, staged: Path, *, tables, migrations, counts, missing) -> dict:
    files: dict[str, dict] = {}
    with tarfile.open(partial, "w:gz") as archive:
        for name, file in _staged_files(work).items():
            with open(file, "rb") as handle:
                files[name] = _add_file(archive, name, handle, file.stat().st_size)
        for name, file in _staged_files(staged).items():
            with open(file, "rb") as handle:
                files[f"media/{name}"] = _add_file(archive, f"media/{name}", handle, file.stat().st_size)
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created_at": datetime.now(UTC).isoformat(),
            "database": {"vendor": connection.vendor, "postgresql_tables": tables},
            "migrations": migrations,
            "counts": counts,
            "files": files,
            "missing": missing,  # files the rows named that the install itself did not have
        }
        data = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size, info.mtime, info.mode = len(data), int(datetime.now().timestamp()), 0o644
        archive.addfile(info, io.BytesIO(data))
    return manifest


def backup_prune(*, folder: Path, keep: int) -> list[Path]:
    """Deletes all but the newest `keep` archives this command wrote into `folder`."""
    archives = sorted(folder.glob("halloffame-*.tar.gz"))
    old = archives[:-keep] if keep > 0 else []
    old += sorted(folder.glob("halloffame-*.tar.gz.partial"))  # left by a run that was killed
    for archive in old:
        archive.unlink()
    return old


# --- restore --------------------------------------------------------------------------------


def _extract(path: Path, into: Path) -> dict:
    corrupt = f"ไฟล์สำรอง {path} เสียหายหรือไม่ใช่ไฟล์สำรองของระบบนี้"
    into.mkdir(parents=True, exist_ok=True)
    room = min(MAX_UNPACKED_BYTES, shutil.disk_usage(into).free - 64 * 1024**2)
    unpacked = 0
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
                unpacked += member.size  # from the header: a bomb is refused before it is unpacked
                if unpacked > room:
                    raise BackupError(
                        f"{corrupt}: ขยายแล้วใหญ่เกิน {room / 1024**3:.1f} GB ที่มีที่ว่างหรือที่อนุญาต ({member.name})"
                    )
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
    """Copies `source` over the live database in one step (SQLite's backup API, under its write lock)."""
    connection.close()
    connection.ensure_connection()
    archived = sqlite3.connect(source)
    try:
        archived.backup(connection.connection)
    finally:
        archived.close()
    connection.close()


def _check_sqlite_copy(database: Path, manifest: dict) -> None:
    """The archived database, before it replaces anything: its row counts are the manifest's and
    every file its rows name is in the archive."""
    tables = {model._meta.label_lower: model._meta.db_table for model in concrete_models()}
    copy = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        wrong = []
        for label, expected in sorted(manifest["counts"].items()):
            table = tables.get(label, label).replace('"', '""')
            try:
                got = copy.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
            except sqlite3.Error:
                got = None
            if got != expected:
                wrong.append(f"{label}: คาด {expected} ได้ {got}")
        if wrong:
            raise BackupError(f"จำนวนแถวในไฟล์สำรองไม่ตรงกับ manifest ({', '.join(wrong[:5])}) — ไม่ได้เปลี่ยนแปลงสิ่งใด")
        _check_referenced(manifest, copy.execute(_honoree_files_sql()).fetchall())
    except sqlite3.Error as error:
        raise BackupError(f"อ่านฐานข้อมูลในไฟล์สำรองไม่ได้ ({error}) — ไม่ได้เปลี่ยนแปลงสิ่งใด") from None
    finally:
        copy.close()


def _check_referenced(manifest: dict, rows) -> None:
    absent = sorted(
        name
        for name in referenced_media(rows) - set(manifest.get("missing", []))
        if f"media/{name}" not in manifest["files"]
    )
    if absent:
        raise BackupError(f"ไฟล์สำรองขาดไฟล์ที่ข้อมูลอ้างถึง {len(absent)} ไฟล์ ({', '.join(absent[:3])}) — ไม่ได้เปลี่ยนแปลงสิ่งใด")


@contextmanager
def _kept_sqlite(aside: Path):
    """A copy of the live database, put back if anything in the block fails."""
    connection.ensure_connection()
    copy = sqlite3.connect(aside)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()
    try:
        yield
    except BaseException:
        _restore_sqlite(aside)
        raise


@contextmanager
def _kept_media(storage):
    """The install's media files, staged aside and put back exactly if anything in the block fails."""
    with _staging(storage) as aside:
        for name in media_names(storage):
            _stage(storage, name, aside)
        try:
            yield
        except BaseException:
            for name in list(media_names(storage)):
                storage.delete(name)
            for name, file in _staged_files(aside).items():
                with open(file, "rb") as handle:
                    storage.save(name, File(handle))
            raise


def _replace_media(storage, work: Path, manifest: dict) -> None:
    """Makes the media storage hold exactly the archive's files (nothing of the previous install)."""
    wanted = {name.removeprefix("media/") for name in manifest["files"] if name.startswith("media/")}
    for name in list(media_names(storage)):
        if name not in wanted:
            storage.delete(name)
    for media_name in sorted(wanted):
        if storage.exists(media_name):
            storage.delete(media_name)
        with open(work / "media" / media_name, "rb") as handle:
            saved = storage.save(media_name, File(handle))
        if saved != media_name:
            raise BackupError(f"บันทึกไฟล์สื่อ {media_name} ไม่ได้ตามชื่อเดิม (ได้ {saved})")
        with storage.open(media_name, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        if digest != manifest["files"][f"media/{media_name}"]["sha256"]:
            raise BackupError(f"ไฟล์สื่อ {media_name} หลังกู้คืนมี checksum ไม่ตรง")


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
        # COPY fires the public flag's row triggers in table order, so an honoree may be loaded
        # before its meeting; the flag is recomputed once everything is in.
        cursor.execute(public_flag.sync_all_sql())


def restore_archive(*, path: Path, force: bool = False, storage=default_storage) -> dict:
    """Restores the archive, or changes nothing: the archive is proven first (sizes, checksums,
    counts of the archived database, the files its rows name), and the install's database and
    media are kept aside and put back if any later step fails."""
    with tempfile.TemporaryDirectory(prefix="halloffame-restore-") as tmp:
        work = Path(tmp)
        manifest = _extract(path, work / "archive")
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
            _check_sqlite_copy(work / "archive" / SQLITE_FILE, manifest)
        with _kept_media(storage):
            _replace_media(storage, work / "archive", manifest)
            if vendor == "sqlite":
                with _kept_sqlite(work / "previous.sqlite3"):
                    _restore_sqlite(work / "archive" / SQLITE_FILE)
                    _check_counts(manifest)
            else:
                with transaction.atomic():
                    _restore_postgresql(work / "archive" / POSTGRES_FOLDER, manifest["database"]["postgresql_tables"])
                    _check_counts(manifest)
                    with connection.cursor() as cursor:
                        cursor.execute(_honoree_files_sql())
                        _check_referenced(manifest, cursor.fetchall())
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
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
