"""StaffProfile arrives from the networks app with its existing table (state only: no row moves)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("networks", "0004_staffprofile_moves_to_staff"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="StaffProfile",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "districts",
                            models.ManyToManyField(
                                blank=True, related_name="staff", to="networks.district", verbose_name="อำเภอที่รับผิดชอบ"
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="staff_profile",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="บัญชีผู้ใช้",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "ข้อมูลเจ้าหน้าที่",
                        "verbose_name_plural": "ข้อมูลเจ้าหน้าที่",
                        "db_table": "networks_staffprofile",
                    },
                ),
            ]
        ),
    ]
