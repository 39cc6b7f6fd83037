"""The two staff roles as groups. The names are machine names that code and the add_staff command
rely on; their permissions follow the table in halloffame/staff/permissions.py and are set after
every migrate (halloffame.staff.permissions.role_groups_sync)."""

from django.db import migrations

ROLES = ("district_officer", "secretariat")


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLES:
        Group.objects.get_or_create(name=name)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("networks", "0002_reference_data"),
        ("honorees", "0002_honoree_name_key"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
