from django.core.management.base import BaseCommand

from honorees.notifications import nomination_digest_send


class Command(BaseCommand):
    help = "ส่งอีเมลสรุปการเสนอชื่อใหม่ให้ฝ่ายเลขานุการจังหวัด วันละครั้งต่อคน (ไม่ส่งถ้าไม่มีการเสนอชื่อใหม่) ตั้งให้รันทุกวัน เช่น cron 0 8 * * *"

    def handle(self, *args, **options):
        sent = nomination_digest_send()
        self.stdout.write(self.style.SUCCESS(f"ส่งสรุปการเสนอชื่อแล้ว {sent} ฉบับ"))
