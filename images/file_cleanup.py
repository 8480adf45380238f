"""Deleting a picture's or a crop's file in the background, only if it is still unused.

Wagtail deletes the file of a deleted image or rendition in a background task, by name. Crop
names are fixed by the original and the crop's spec, so a crop made again before the worker
has come round to the task (`repair_media` forgets crops whose file is gone and remakes them
at once; an editor who removes and re-adds a picture) is written under the very name the
task then deletes: the rows point at files that are gone, and readers get 404s. Here the
task deletes a file only if no row names it any more and it was not written after the row
was deleted.
"""

from datetime import datetime
from functools import partial

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete
from django.utils import timezone
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.signal_handlers import post_delete_file_cleanup


@task()
def delete_unused_file(model_label: str, name: str, deleted_at: str) -> bool:
    """Deletes the file `name` once held by a row of `model_label`; whether it did."""
    model = apps.get_model(model_label)
    if not name or model.objects.filter(file=name).exists():
        return False  # made again under the same name
    storage = model._meta.get_field("file").storage
    try:
        written = storage.get_modified_time(name)
    except (FileNotFoundError, NotImplementedError, OSError):
        written = None
    if written is not None and written > datetime.fromisoformat(deleted_at):
        return False  # written again since, and its row not yet saved
    storage.delete(name)
    return True


def delete_file_when_unused(sender, instance, **kwargs) -> None:
    deleted_at = timezone.now().isoformat()
    enqueue = partial(
        delete_unused_file.enqueue, sender._meta.label, instance.file.name, deleted_at
    )
    transaction.on_commit(enqueue)


def take_over_from_wagtail() -> None:
    """Runs after wagtail.images has connected its own handler (images/apps.py)."""
    image_model = get_image_model()
    for model in (image_model, image_model.get_rendition_model()):
        post_delete.disconnect(post_delete_file_cleanup, sender=model)
        post_delete.connect(
            delete_file_when_unused, sender=model, dispatch_uid=f"delete-unused-{model._meta.label}"
        )
