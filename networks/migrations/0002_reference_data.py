from django.db import migrations
from django.utils.text import slugify

from networks.reference import DISTRICTS, NETWORKS, VIRTUES


def load(apps, schema_editor):
    District = apps.get_model("networks", "District")
    Network = apps.get_model("networks", "Network")
    Virtue = apps.get_model("networks", "Virtue")
    for code, name_th, name_en in DISTRICTS:
        District.objects.update_or_create(
            code=code, defaults={"name_th": name_th, "name_en": name_en, "slug": slugify(name_en)}
        )
    for order, slug, name_th, name_en, description_th, description_en in NETWORKS:
        Network.objects.update_or_create(
            slug=slug,
            defaults={
                "order": order,
                "name_th": name_th,
                "name_en": name_en,
                "description_th": description_th,
                "description_en": description_en,
            },
        )
    for order, slug, name_th, name_en in VIRTUES:
        Virtue.objects.update_or_create(slug=slug, defaults={"order": order, "name_th": name_th, "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("networks", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
