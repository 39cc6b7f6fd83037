"""The province's target (50 model organisations today) and the programme's model permissions
for the two staff roles. District officers propose organisations and learning sources (their own
districts only, see networks/programme/permissions.py) and see the assessments; the secretariat
does everything."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("modelorganisation", "assessment", "learningsource", "lesson", "lessonimage", "coach", "programmetarget")
ROLE_PERMISSIONS = {
    "district_officer": [
        "add_modelorganisation",
        "change_modelorganisation",
        "view_modelorganisation",
        "view_assessment",
        "add_learningsource",
        "change_learningsource",
        "view_learningsource",
    ],
    "secretariat": [
        *(f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")),
    ],
}


def forwards(apps, schema_editor):
    apps.get_model("programme", "ProgrammeTarget").objects.get_or_create(pk=1, defaults={"model_organisations": 50})
    app_config = apps.get_app_config("programme")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.add(*Permission.objects.filter(content_type__app_label="programme", codename__in=codenames))


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="programme"))


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0001_model_organisations_learning_lessons_coaches"),
        ("networks", "0003_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
