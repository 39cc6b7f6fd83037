"""An honoree's files follow its fields: `honoree_images_update()` (called from `Honoree.save()`)
commits a new upload as the master, writes its renditions, redraws the share card when its text
or photo changed, and removes what they replace once the transaction commits. So a page view
only computes names and never touches storage or Pillow. Also the rebuild after a change of spec
or card design, and the clean-up of files no honoree refers to."""

from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from honorees.photos.paths import MASTER_RE, MEDIA_PREFIX, RENDITION_DIR, SHARE_DIR, master_name
from honorees.photos.record_files import files_delete_later, master_image
from honorees.photos.renditions import expected_renditions, photo_focus, rendition_folder, renditions_generate
from honorees.photos.share_card import share_card_generate, share_card_is_current

# The fields whose change may change the master, a rendition or the share card.
IMAGE_INPUT_FIELDS = frozenset(
    {"photo", "name", "district", "district_id", "kind", "is_living", "consent_covers_photo"}
    | {"photo_focus_x", "photo_focus_y"}
)


def _focus_changed(honoree) -> bool:
    stored = getattr(honoree, "_photo_stored_focus", None)  # set by Honoree.from_db and each save
    return stored is not None and stored != photo_focus(honoree)


def _master_renamed(honoree) -> str:
    """The same master under a new name: a new focal point crops the cards differently, and their
    names (kept a year by browsers) follow the master's. The old name is removed after commit."""
    photo = honoree.photo
    image = master_image(honoree)
    with photo.storage.open(photo.name, "rb") as file:
        name = photo.storage.save(master_name(), ContentFile(file.read()))
    photo.name = name
    honoree._photo_master = (name, image)
    return name


def honoree_images_update(honoree, *, update_fields=None, force=False):
    """Bring the honoree's files in line with its photo and name before the row is saved.

    Returns update_fields with the image fields it changed added.
    """
    # A row without a card yet (a bulk import's draft) gets it on its next save, whatever changed.
    if update_fields is not None and not force and not (set(update_fields) & IMAGE_INPUT_FIELDS) and honoree.share_card:
        return update_fields
    storage = honoree.photo.storage
    photo = honoree.photo
    if photo and not photo._committed:
        photo.save(photo.name, photo.file, save=False)
    current = photo.name or ""
    previous = getattr(honoree, "_photo_stored_name", "")
    if current and current == previous and _focus_changed(honoree):
        current = _master_renamed(honoree)
    changed = set()
    # No share card yet: the row was stored before this pipeline and has no renditions either.
    if current and (current != previous or force or not honoree.share_card):
        renditions_generate(
            master_name=current, master=master_image(honoree), storage=storage, focus=photo_focus(honoree)
        )
    stale_masters = [previous] if previous and previous != current else []
    if current != previous:
        changed |= {"photo", "photo_width", "photo_height"}
    stale_files = []
    if force or not share_card_is_current(honoree):
        if honoree.share_card:
            stale_files.append(honoree.share_card)
        master = master_image(honoree) if honoree.public_photo else None
        honoree.share_card = share_card_generate(honoree=honoree, master=master, storage=storage)
        changed.add("share_card")
    if stale_masters or stale_files:
        files_delete_later(names=stale_files, masters=stale_masters, storage=storage)
    honoree._photo_stored_name = current
    honoree._photo_stored_focus = photo_focus(honoree)
    if update_fields is None:
        return None
    return list(dict.fromkeys([*update_fields, *changed]))


def honoree_images_rebuild(*, honoree, reprocess: bool = False) -> list[str]:
    """Redo every file of one honoree: after a change of spec or card design, or, with
    reprocess, for a photo stored before this pipeline (it is made into a master first).
    Returns the fields that changed."""
    photo = honoree.photo
    if photo and (reprocess or not MASTER_RE.match(photo.name)):
        with photo.storage.open(photo.name, "rb") as file:
            original = ContentFile(file.read(), name=photo.name)
        photo.save("photo.jpg", original, save=False)
    changed = honoree_images_update(honoree, update_fields=[], force=True)
    if honoree.photo:
        expected = expected_renditions(honoree.photo.name, honoree.photo_width, honoree.photo_height)
        keep = {PurePosixPath(name).name for name in expected}
        folder = rendition_folder(honoree.photo.name)
        for file in photo.storage.listdir(folder)[1]:
            if file not in keep:
                photo.storage.delete(f"{folder}/{file}")
    return changed


def unused_files(*, masters: set[str], shares: set[str], storage=default_storage) -> list[str]:
    """Stored honoree files that no honoree refers to (left by deleted honorees)."""
    unused = []
    folders, files = storage.listdir(MEDIA_PREFIX.rstrip("/"))
    unused += [f"{MEDIA_PREFIX}{f}" for f in files if f"{MEDIA_PREFIX}{f}" not in masters]
    stems = {PurePosixPath(m).stem for m in masters}
    if "renditions" in folders:
        for stem in storage.listdir(RENDITION_DIR)[0]:
            if stem not in stems:
                unused += [f"{RENDITION_DIR}/{stem}/{f}" for f in storage.listdir(f"{RENDITION_DIR}/{stem}")[1]]
    if "share" in folders:
        unused += [f"{SHARE_DIR}/{f}" for f in storage.listdir(SHARE_DIR)[1] if f"{SHARE_DIR}/{f}" not in shares]
    return unused
