from django.db import migrations, models


def recompute_name_keys(apps, schema_editor):
    """Names cleaned of invisible characters and extra spaces, and every key from halloffame/thai.py:
    the ICU sort key, the duplicate/search key and the canonical titles."""
    from halloffame import thai

    Honoree = apps.get_model("honorees", "Honoree")
    for honoree in Honoree.objects.only("pk", "name").iterator():
        name = thai.clean_text(honoree.name)
        Honoree.objects.filter(pk=honoree.pk).update(
            name=name,
            sort_key=thai.thai_sort_key(name),
            name_key=thai.normalise_name(name)[:200],
            title_key=thai.title_key(name)[:200],
        )


class Migration(migrations.Migration):
    dependencies = [
        ("honorees", "0003_photo_masters_renditions_share_card"),
    ]

    operations = [
        migrations.AddField(
            model_name="honoree",
            name="title_key",
            field=models.CharField(default="", editable=False, max_length=200),
        ),
        migrations.RunPython(recompute_name_keys, migrations.RunPython.noop),
    ]
