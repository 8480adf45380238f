"""A crop or picture file is deleted in the background only while no row names it: a crop
made again under the same name before the worker comes round must keep its file."""

import time
from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django_tasks import task_backends

from tests import builders

QUEUED = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queued_tasks(settings):
    """Tasks wait in a queue until `run_queued` runs them, as the worker of `make run` and
    `make prod` would, some time after."""
    settings.TASKS = QUEUED
    backend = task_backends["default"]
    backend.clear()
    return backend


def run_queued(backend) -> None:
    while backend.results:
        result = backend.results.pop(0)
        result.task.call(*result.args, **result.kwargs)


@pytest.fixture
def hero(magazine):
    picture = builders.image("Harbour", size=(1600, 1000))
    builders.article(magazine.andes, "Harbour reopens", [magazine.ana], hero_image=picture)
    assert picture.renditions.count() > 12  # made when it was published
    return picture


def test_repaired_crops_keep_their_files_when_the_worker_catches_up(
    hero, queued_tasks, django_capture_on_commit_callbacks
):
    for name in hero.renditions.values_list("file", flat=True):
        default_storage.delete(name)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("repair_media", stdout=StringIO(), stderr=StringIO())
    assert queued_tasks.results  # the forgotten crops' file deletions, queued
    run_queued(queued_tasks)
    names = list(hero.renditions.values_list("file", flat=True))
    assert names
    assert [name for name in names if not default_storage.exists(name)] == []


def test_a_crop_made_again_under_its_name_keeps_its_file(
    hero, queued_tasks, django_capture_on_commit_callbacks
):
    crop = hero.get_rendition("fill-200x133|format-jpeg")
    name = crop.file.name
    default_storage.delete(name)  # lost, so its name is free again
    with django_capture_on_commit_callbacks(execute=True):
        crop.delete()
    again = hero.get_rendition("fill-200x133|format-jpeg")
    assert again.file.name == name
    run_queued(queued_tasks)
    assert default_storage.exists(name)


def test_files_nobody_uses_any_more_are_deleted(
    hero, queued_tasks, django_capture_on_commit_callbacks
):
    names = list(hero.renditions.values_list("file", flat=True)) + [hero.file.name]
    with django_capture_on_commit_callbacks(execute=True):
        hero.delete()
    assert all(default_storage.exists(name) for name in names)  # not in the request
    run_queued(queued_tasks)
    assert [name for name in names if default_storage.exists(name)] == []


def test_a_file_written_again_before_its_row_is_saved_is_kept(
    hero, queued_tasks, django_capture_on_commit_callbacks
):
    """A crop being made at the moment the task runs: its file is written, its row not yet."""
    crop = hero.get_rendition("fill-200x133|format-jpeg")
    name = crop.file.name
    default_storage.delete(name)
    with django_capture_on_commit_callbacks(execute=True):
        crop.delete()
    time.sleep(0.01)  # the file system's clock must move past the deletion
    default_storage.save(name, ContentFile(b"a crop in the making"))
    run_queued(queued_tasks)
    assert default_storage.exists(name)
