"""A database that outlived its media folder (`make clean`, a second checkout) is found and
repaired at start; until then no reader's page fails, and nothing reads a file's size on a
reader's request. A server error in production is logged with its traceback."""

import os
import subprocess
import sys
from io import StringIO

import feedparser
import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.images import get_image_model

from tests import builders
from tests.helpers import REQUIRED


@pytest.fixture
def pictured(magazine):
    hero = builders.image("Harbour", size=(1600, 1000))
    story = builders.article(magazine.andes, "Harbour reopens", [magazine.ana], hero_image=hero)
    assert hero.renditions.count() > 12  # made when it was published
    return story, hero


def delete_crop_files(image) -> list[str]:
    names = list(image.renditions.values_list("file", flat=True))
    for name in names:
        default_storage.delete(name)
    return names


def test_a_feed_reads_no_file_and_survives_missing_crops(client, pictured):
    story, hero = pictured
    social = hero.renditions.get(filter_spec="fill-1200x630|format-jpeg")
    delete_crop_files(hero)
    for url in ("/en/feeds/rss.xml", "/en/feeds/atom.xml"):
        response = client.get(url)
        assert response.status_code == 200, url
    entry = feedparser.parse(client.get("/en/feeds/rss.xml").content).entries[0]
    assert entry.enclosures[0]["length"] == str(social.file_size)
    assert social.file_size > 0


def test_repair_remakes_crops_whose_file_is_gone(pictured):
    story, hero = pictured
    before = hero.renditions.count()
    delete_crop_files(hero)
    out = StringIO()
    call_command("repair_media", stdout=out, stderr=StringIO())
    assert f"{before} crops had lost their file" in out.getvalue()
    assert hero.renditions.count() >= before
    for name in hero.renditions.values_list("file", flat=True):
        assert default_storage.exists(name), name


def test_repair_reports_a_missing_original(pictured):
    story, hero = pictured
    default_storage.delete(hero.file.name)
    err = StringIO()
    call_command("repair_media", stdout=StringIO(), stderr=err)
    assert f"Picture {hero.pk}: its original {hero.file.name} is missing" in err.getvalue()


def test_pages_survive_a_missing_original(client, pictured):
    story, hero = pictured
    default_storage.delete(hero.file.name)
    get_image_model().get_rendition_model().objects.all().delete()
    for url in (story.url, "/en/", "/en/feeds/rss.xml"):
        assert client.get(url).status_code == 200, url


PROBE_500 = """
import django
django.setup()
from django.conf import settings
from django.core.handlers.exception import response_for_exception
from django.test import RequestFactory, override_settings
# No collectstatic here: the error page names its stylesheet without the manifest.
plain = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
with override_settings(STORAGES=plain):
    try:
        raise RuntimeError("the press jammed")
    except RuntimeError as error:
        print(response_for_exception(RequestFactory().get("/en/news/"), error).status_code)
"""


def test_production_logs_a_server_error_with_its_traceback():
    env = {k: v for k, v in os.environ.items() if k not in REQUIRED}
    env.update(REQUIRED, DJANGO_SETTINGS_MODULE="magazine.settings.production")
    result = subprocess.run(
        [sys.executable, "-c", PROBE_500],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip().endswith("500"), result.stderr
    assert "ERROR django.request: Internal Server Error: /en/news/" in result.stderr
    assert "Traceback (most recent call last)" in result.stderr
    assert "RuntimeError: the press jammed" in result.stderr
