import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from halloffame.staff import permissions
from halloffame.staff.services import staff_save
from honorees.services import WorkflowError


class Command(BaseCommand):
    help = (
        "สร้างหรือปรับปรุงบัญชีเจ้าหน้าที่: --role district_officer --district 8404 [--district ...] "
        "หรือ --role secretariat รหัสผ่านจาก --password-env ตัวแปร หรือพิมพ์เมื่อถูกถาม (เรียกซ้ำเพื่อแก้ไขได้)"
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=permissions.ROLES)
        parser.add_argument("--district", action="append", default=[], metavar="CODE", help="รหัสอำเภอ เช่น 8404")
        parser.add_argument("--password-env", metavar="VAR", help="ชื่อตัวแปรสภาพแวดล้อมที่เก็บรหัสผ่าน")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, role, district, password_env, email, **options):
        exists = get_user_model().objects.filter(username=username).exists()
        password = self.password(password_env, exists)
        try:
            user, created = staff_save(
                username=username, role=role, district_codes=district, password=password, email=email
            )
        except WorkflowError as error:
            raise CommandError(error.message) from error
        districts = ", ".join(f"{d.code} {d.name_th}" for d in user.staff_profile.districts.order_by("code"))
        verb = "สร้างบัญชี" if created else "ปรับปรุงบัญชี"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {username} แล้ว: {permissions.ROLE_LABELS[role]}"
                + (f" อำเภอ {districts}" if districts else " ทุกอำเภอ")
                + ("" if password or created else " (รหัสผ่านเดิม)")
            )
        )

    def password(self, password_env, exists):
        if password_env:
            value = os.environ.get(password_env, "")
            if not value:
                raise CommandError(f"ตัวแปรสภาพแวดล้อม {password_env} ว่างหรือไม่มี")
            return value
        if not sys.stdin.isatty():
            if exists:
                return None  # re-run from a script: keep the password
            raise CommandError("บัญชีใหม่ต้องมีรหัสผ่าน: ใช้ --password-env ชื่อตัวแปร หรือรันในเทอร์มินัลเพื่อพิมพ์รหัสผ่าน")
        prompt = "รหัสผ่านใหม่ (กด Enter เพื่อใช้รหัสเดิม): " if exists else "รหัสผ่าน: "
        first = getpass.getpass(prompt)
        if not first and exists:
            return None
        if first != getpass.getpass("พิมพ์รหัสผ่านอีกครั้ง: "):
            raise CommandError("รหัสผ่านสองครั้งไม่ตรงกัน ไม่ได้บันทึกอะไร")
        return first
