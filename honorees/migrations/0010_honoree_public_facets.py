from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("honorees", "0009_honoree_photo_focus"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="honoree",
            index=models.Index(
                condition=models.Q(("publicly_visible", True)),
                fields=["kind", "district", "network", "meeting"],
                name="honoree_public_facets",
            ),
        ),
        migrations.AddIndex(
            model_name="honoree",
            index=models.Index(
                condition=models.Q(("publicly_visible", True)),
                fields=["updated_at"],
                name="honoree_public_updated",
            ),
        ),
    ]
