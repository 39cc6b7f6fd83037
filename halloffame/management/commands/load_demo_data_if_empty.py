from django.core.management import call_command
from django.core.management.base import BaseCommand

from honorees.models import Honoree
from meetings.models import Meeting


class Command(BaseCommand):
    help = "โหลดข้อมูลตัวอย่างเฉพาะเมื่อฐานข้อมูลยังว่าง (ใช้โดย make run)"

    def handle(self, *args, **options):
        if Honoree.objects.exists() or Meeting.objects.exists():
            self.stdout.write("ฐานข้อมูลมีข้อมูลแล้ว ไม่โหลดข้อมูลตัวอย่าง")
        else:
            call_command("load_demo_data", stdout=self.stdout)
