"""A photo's files for any record with a `PhotoField` named `photo` (honorees, and the programme's
organisations, learning sources, coaches and lesson pictures): commit a new upload as the master,
write its renditions beside it, and remove the master and renditions it replaces once the
transaction commits."""

from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image

from honorees.photos.renditions import rendition_folder, renditions_generate


def master_image(record) -> Image.Image | None:
    """The record's master as pixels: the one kept from the upload, or read back from storage."""
    photo = record.photo
    if not photo:
        return None
    cached = getattr(record, "_photo_master", None)
    if cached and cached[0] == photo.name:
        return cached[1]
    with photo.storage.open(photo.name, "rb") as file:
        image = Image.open(file)
        image.load()
    record._photo_master = (photo.name, image)
    return image


def renditions_delete(*, master_name: str, storage=default_storage) -> None:
    """Remove a master and every rendition made from it."""
    folder = rendition_folder(master_name)
    try:
        _, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        files = []
    for file in files:
        storage.delete(f"{folder}/{file}")
    storage.delete(master_name)


def files_delete_later(*, names: list[str], masters: list[str], storage) -> None:
    """After the transaction commits (a rolled-back save keeps its files): remove `masters` with
    their renditions, and `names`."""

    def delete():
        for master in masters:
            renditions_delete(master_name=master, storage=storage)
        for name in names:
            storage.delete(name)

    transaction.on_commit(delete, robust=True)


def photo_files_update(record, *, update_fields=None, force=False):
    """Bring the record's master and renditions in line with its photo before the row is saved.

    Returns update_fields with the photo fields added when the photo changed.
    """
    photo = record.photo
    if update_fields is not None and not force and "photo" not in update_fields:
        return update_fields
    if photo and not photo._committed:
        photo.save(photo.name, photo.file, save=False)
    current = photo.name or ""
    previous = getattr(record, "_photo_stored_name", "")
    if current and (current != previous or force):
        renditions_generate(master_name=current, master=master_image(record), storage=photo.storage)
    if previous and previous != current:
        files_delete_later(names=[], masters=[previous], storage=photo.storage)
    record._photo_stored_name = current
    if update_fields is None or current == previous:
        return update_fields
    return list(dict.fromkeys([*update_fields, "photo", "photo_width", "photo_height"]))
