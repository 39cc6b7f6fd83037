from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from halloffame.backups import BackupError, backup_create, backup_prune


class Command(BaseCommand):
    help = (
        "Back up the database and media into one tar.gz archive, consistent while the site runs. "
        "PATH is the archive, or a folder to write halloffame-YYYYMMDD-HHMMSS.tar.gz into."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--keep", type=int, default=0, help="with a folder: keep only the newest N archives")

    def handle(self, *, path, keep, **options):
        target = Path(path)
        folder = target if target.is_dir() or path.endswith("/") else None
        if folder:
            target = folder / f"halloffame-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        elif keep:
            raise CommandError("--keep ใช้ได้เมื่อ PATH เป็นโฟลเดอร์เท่านั้น")
        try:
            manifest = backup_create(path=target, log=self.stderr.write)
        except BackupError as error:
            raise CommandError(str(error)) from None
        rows = sum(manifest["counts"].values())
        media = sum(1 for name in manifest["files"] if name.startswith("media/"))
        self.stdout.write(f"สำรองข้อมูลแล้ว: {target} ({rows} แถว, ไฟล์สื่อ {media} ไฟล์)")
        if folder and keep:
            for old in backup_prune(folder=folder, keep=keep):
                self.stdout.write(f"ลบไฟล์สำรองเก่า: {old}")
