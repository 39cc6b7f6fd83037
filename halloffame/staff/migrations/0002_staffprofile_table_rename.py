"""The staff profile table (and its districts table) take the staff app's name; the content type
moves with them, so the permissions already given to groups and users keep pointing at it."""

from django.db import migrations


def move_content_type(apps, schema_editor, *, source="networks", target="staff"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label=target, model="staffprofile").exists():
        ContentType.objects.using(db).filter(app_label=source, model="staffprofile").update(app_label=target)


def move_content_type_back(apps, schema_editor):
    move_content_type(apps, schema_editor, source="staff", target="networks")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("staff", "0001_staffprofile_from_networks"),
    ]

    operations = [
        migrations.AlterModelTable(name="staffprofile", table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
