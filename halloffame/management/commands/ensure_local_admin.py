import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "สร้างบัญชีผู้ดูแลระบบสำหรับเครื่องนี้ ถ้ายังไม่มีผู้ดูแลระบบ และบอกวิธีเข้าสู่ระบบ"

    def handle(self, *args, **options):
        password_file = settings.VAR_DIR / "local-admin-password.txt"
        User = get_user_model()
        if not User.objects.filter(is_superuser=True).exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "", password)
            password_file.parent.mkdir(parents=True, exist_ok=True)
            password_file.write_text(password + "\n")
            password_file.chmod(0o600)
        if password_file.exists():
            self.stdout.write(f"ผู้ดูแลระบบ: admin / {password_file.read_text().strip()}  (เก็บไว้ที่ {password_file})")
        else:
            self.stdout.write("มีบัญชีผู้ดูแลระบบอยู่แล้ว: เข้าสู่ระบบด้วยบัญชีเดิม")
