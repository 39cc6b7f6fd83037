"""The two staff roles as groups with their model permissions. The names are machine names that
code and the add_staff command rely on; the workflow rules themselves are in honorees/permissions.py."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "district_officer": [
        "honorees.add_honoree",
        "honorees.change_honoree",
        "honorees.view_honoree",
        "meetings.view_meeting",
        "networks.view_district",
        "networks.view_network",
        "networks.view_virtue",
    ],
    "secretariat": [
        "honorees.add_honoree",
        "honorees.change_honoree",
        "honorees.delete_honoree",
        "honorees.view_honoree",
        "honorees.view_privacyrequest",
        "honorees.change_privacyrequest",
        "meetings.add_meeting",
        "meetings.change_meeting",
        "meetings.delete_meeting",
        "meetings.view_meeting",
        "networks.view_district",
        "networks.view_network",
        "networks.view_virtue",
        "networks.view_staffprofile",
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, perms in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)


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
