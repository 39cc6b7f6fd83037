"""`manage.py rebuild_honoree_images`: photos stored before the pipeline, and files nobody uses."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from honorees.models import Honoree
from tests.factories import make_honoree
from tests.photos import files

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_rebuild_processes_a_legacy_photo_and_prunes_unused_files(settings):
    honoree = make_honoree()
    legacy = default_storage.save("honorees/old-upload.jpg", ContentFile(files.phone_jpeg()))
    Honoree.objects.filter(pk=honoree.pk).update(photo=legacy, photo_width=None, photo_height=None)
    orphan = default_storage.save("honorees/share/0000000000000000-dead.jpg", ContentFile(b"x"))

    call_command("rebuild_honoree_images", "--prune", stdout=open("/dev/null", "w"))

    honoree.refresh_from_db()
    assert honoree.photo.name != legacy and not default_storage.exists(legacy)
    master = Image.open(honoree.photo.path)
    assert master.size == (400, 600) and not master.getexif()
    assert (honoree.photo_width, honoree.photo_height) == (400, 600)
    assert default_storage.exists(honoree.share_card)
    assert not default_storage.exists(orphan)
    stem = honoree.photo.name.split("/")[-1][:-4]
    assert len(default_storage.listdir(f"honorees/renditions/{stem}")[1]) == 4
