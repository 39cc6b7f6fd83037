from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from halloffame.backups import BackupError, restore_archive


class Command(BaseCommand):
    help = (
        "Restore an archive made by `backup` into this install: checks every checksum first, "
        "refuses a database that already holds content unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--force", action="store_true", help="overwrite a database that is not empty")

    def handle(self, *, path, force, **options):
        try:
            manifest = restore_archive(path=Path(path), force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["counts"].values())
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(f"กู้คืนแล้วจาก {path} (สำรองเมื่อ {manifest['created_at']}): {rows} แถว, ไฟล์สื่อ {media} ไฟล์")
        self.stdout.write("ตรวจ checksum และจำนวนแถวครบแล้ว หากโค้ดใหม่กว่าไฟล์สำรอง ให้รัน `manage.py migrate` ต่อ")
