"""Delete the suggestions not taken forward once their retention period is over (PDPA).
Run it daily from cron or a systemd timer (README "Suggestions from the public")."""

from django.conf import settings
from django.core.management.base import BaseCommand

from honorees.suggestions.models import Suggestion
from honorees.suggestions.services import suggestions_purge


class Command(BaseCommand):
    help = "ลบข้อเสนอชื่อที่ไม่ได้นำไปพิจารณาต่อ เมื่อพ้นระยะเวลาเก็บรักษา (SUGGESTION_RETENTION_DAYS)"

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="นับอย่างเดียว ไม่ลบ")

    def handle(self, *args, dry_run=False, **options):
        days = settings.SUGGESTION_RETENTION_DAYS
        if dry_run:
            count = Suggestion.objects.past_retention().count()
            self.stdout.write(f"จะลบข้อเสนอ {count} รายการ (ไม่นำไปพิจารณาต่อเกิน {days} วัน) — ยังไม่ได้ลบ")
            return
        count = suggestions_purge()
        self.stdout.write(f"ลบข้อเสนอที่ไม่นำไปพิจารณาต่อเกิน {days} วันแล้ว {count} รายการ")
