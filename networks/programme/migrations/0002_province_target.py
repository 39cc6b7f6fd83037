"""The province's target (50 model organisations today). The roles' programme permissions are not
set here: halloffame/staff/permissions.py (PROGRAMME_RULES) gives the role groups theirs after
every migrate."""

from django.db import migrations


def forwards(apps, schema_editor):
    apps.get_model("programme", "ProgrammeTarget").objects.get_or_create(pk=1, defaults={"model_organisations": 50})


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0001_model_organisations_learning_lessons_coaches"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
