from django.db import migrations, models


def fill_name_key(apps, schema_editor):
    from halloffame.thai import normalise_name

    Honoree = apps.get_model("honorees", "Honoree")
    for honoree in Honoree.objects.only("pk", "name").iterator():
        Honoree.objects.filter(pk=honoree.pk).update(name_key=normalise_name(honoree.name))


class Migration(migrations.Migration):
    dependencies = [
        ("honorees", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="honoree",
            name="name_key",
            field=models.CharField(db_index=True, default="", editable=False, max_length=200),
        ),
        migrations.RunPython(fill_name_key, migrations.RunPython.noop),
    ]
