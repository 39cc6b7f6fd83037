from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("halloffame", "PublicContentVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="PublicContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("token", models.BigIntegerField(default=0)),
            ],
            options={"verbose_name": "รุ่นของเนื้อหาสาธารณะ", "default_permissions": ()},
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
