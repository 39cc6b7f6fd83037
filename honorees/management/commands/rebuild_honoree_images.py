from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from django.db import transaction

from honorees.models import Honoree
from honorees.photos.honoree_files import honoree_images_rebuild, unused_files


class Command(BaseCommand):
    help = (
        "สร้างรูปย่อและภาพสำหรับแชร์ของผู้ได้รับการยกย่องทุกรายใหม่ (หลังเปลี่ยนขนาดรูปย่อหรือแบบภาพแชร์) "
        "และลบไฟล์ที่ไม่มีผู้ได้รับการยกย่องรายใดใช้แล้วเมื่อระบุ --prune"
    )

    def add_arguments(self, parser):
        parser.add_argument("--prune", action="store_true", help="ลบไฟล์รูปที่ไม่มีผู้ได้รับการยกย่องรายใดอ้างถึง")
        parser.add_argument(
            "--missing", action="store_true", help="เฉพาะผู้ได้รับการยกย่องที่ยังไม่มีภาพสำหรับแชร์ (ข้อมูลก่อนมีระบบรูปภาพ)"
        )
        parser.add_argument("--reprocess", action="store_true", help="ประมวลผลรูปต้นฉบับทุกรูปใหม่ (หมุน ลบข้อมูลแฝง ย่อขนาด)")

    def handle(self, *args, prune=False, reprocess=False, missing=False, **options):
        # Photos stored before the pipeline have no recorded size: their file is not a master yet.
        legacy = set(Honoree.objects.exclude(photo="").filter(photo_width=None).values_list("pk", flat=True))
        count = 0
        honorees = Honoree.objects.select_related("district").order_by("pk")
        if missing:
            honorees = honorees.filter(share_card="")
        for honoree in honorees.iterator(chunk_size=100):
            with transaction.atomic():
                changed = honoree_images_rebuild(honoree=honoree, reprocess=reprocess or honoree.pk in legacy)
                # update(): the files changed, the honoree did not (no history entry, no updated_at).
                Honoree.objects.filter(pk=honoree.pk).update(**{field: getattr(honoree, field) for field in changed})
            count += 1
        self.stdout.write(self.style.SUCCESS(f"สร้างรูปของผู้ได้รับการยกย่อง {count} รายใหม่แล้ว"))
        if prune:
            masters = set(Honoree.objects.exclude(photo="").values_list("photo", flat=True))
            shares = set(Honoree.objects.exclude(share_card="").values_list("share_card", flat=True))
            unused = unused_files(masters=masters, shares=shares)
            for name in unused:
                default_storage.delete(name)
            self.stdout.write(self.style.SUCCESS(f"ลบไฟล์ที่ไม่มีผู้ใช้ {len(unused)} ไฟล์"))
