"""`manage.py backup` and `manage.py restore`: the demo magazine makes the round trip whole,
into a new database and media folder in another process (a SQLite file, or a PostgreSQL
database beside the test one when DATABASE_URL names PostgreSQL). What restore refuses:
test_restore_refusals.py."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Workflow

from home.models import HomePage, MagazineSettings
from news import renditions as crops
from news.models import ArticleAuthor, ArticlePage, NewsIndexPage
from operations import backups
from operations.maintenance import refresh_planner_statistics
from people.models import AuthorPage

BASE_DIR = Path(settings.BASE_DIR)
SEARCHES = ("bogota", "water", "election results")
# The restoring process: the test settings with a media folder of its own.
TARGET_SETTINGS = """
import os
from pathlib import Path

from magazine.settings.test import *  # noqa: F403

MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])
"""
SNAPSHOT = """
import json, sys
import django
django.setup()
from tests.operations.test_backup_restore import snapshot
print(json.dumps(snapshot(json.loads(sys.argv[1])), default=str))
"""


def sample_pages() -> list:
    """The home page, a section, an article with a correction, an author page."""
    return [
        HomePage.objects.get(locale__language_code="en"),
        NewsIndexPage.objects.filter(depth=4).order_by("path").first(),
        ArticlePage.objects.filter(notes__isnull=False).order_by("path").first(),
        AuthorPage.objects.order_by("path").first(),
    ]


def sha256(storage_name: str) -> str:
    with default_storage.open(storage_name) as file:
        return hashlib.sha256(file.read()).hexdigest()


PAGE_FIELDS = (
    "pk", "path", "depth", "numchild", "url_path", "title", "draft_title", "slug", "live",
    "has_unpublished_changes", "content_type__app_label", "content_type__model",
    "first_published_at", "last_published_at", "latest_revision_id", "live_revision_id",
    "locale__language_code",
)  # fmt: skip
REVISION_FIELDS = (
    "pk", "object_id", "content_type__model", "base_content_type__model", "created_at",
    "user__username",
)  # fmt: skip
USER_FIELDS = (
    "pk", "username", "password", "email", "is_active", "is_staff", "is_superuser",
    "date_joined", "last_login", "groups__name",
)  # fmt: skip


def snapshot(urls: list[str]) -> dict:
    """What must survive the round trip. Run here on the backed-up database and in a process of
    its own on the restored one. Pages are rendered first: that makes their renditions."""
    html = {url: rendered(url) for url in urls}
    return {
        "rows": {
            model._meta.label_lower: model._base_manager.count() for model in apps.get_models()
        },
        "pages": list(Page.objects.order_by("path").values_list(*PAGE_FIELDS)),
        "tree problems": [len(found) for found in Page.find_problems()],
        "revisions": list(Revision.objects.order_by("pk").values_list(*REVISION_FIELDS)),
        "latest content": latest_content(),
        "images": images(),
        "renditions": renditions(),
        "users": list(
            get_user_model().objects.order_by("username", "groups__name").values_list(*USER_FIELDS)
        ),
        "groups": {group.name: permissions(group) for group in Group.objects.all()},
        "workflows": list(
            Workflow.objects.order_by(
                "pk", "workflow_tasks__sort_order", "workflow_pages__page__path"
            ).values_list(
                "name", "active", "workflow_tasks__task__name", "workflow_pages__page__url_path"
            )
        ),
        "settings": list(MagazineSettings.objects.values()),
        "tags": sorted(Tag.objects.values_list("pk", "name", "slug")),
        "bylines": list(
            ArticleAuthor.objects.order_by("pk").values_list("page", "author", "sort_order")
        ),
        # Which articles match, not their order: on PostgreSQL, matches equally near the query
        # in the RUM index come in the order of the table's rows, which a restore may change.
        "search": {
            query: sorted(page.pk for page in ArticlePage.objects.live().search(query))
            for query in SEARCHES
        },
        "html": html,
    }


def latest_content() -> dict:
    latest = {}
    revisions = Revision.objects.select_related("base_content_type").order_by("created_at", "pk")
    for revision in revisions:
        latest[f"{revision.base_content_type.model} {revision.object_id}"] = revision.content
    return latest


def images() -> list:
    return [
        [image.pk, image.title, image.file.name, image.width, image.height, image.file_hash]
        + [image.credit, image.collection.name, sha256(image.file.name)]
        for image in get_image_model().objects.select_related("collection").order_by("pk")
    ]


def renditions() -> list:
    return [
        [rendition.image_id, rendition.filter_spec, rendition.file.name]
        + [rendition.width, rendition.height, sha256(rendition.file.name)]
        for rendition in get_image_model().get_rendition_model().objects.order_by("pk")
    ]


def permissions(group: Group) -> list:
    return [
        sorted(group.permissions.values_list("content_type__app_label", "codename")),
        sorted(group.page_permissions.values_list("page__url_path", "permission__codename")),
        sorted(
            group.collection_permissions.values_list("collection__name", "permission__codename")
        ),
    ]


def rendered(url: str) -> list:
    response = Client().get(url)
    return [response.status_code, response.content.decode()]


def as_json(value):
    return json.loads(json.dumps(value, default=str))


# pytest-django makes the test database only for a session with a test marked django_db; the
# tests of the round trip are, for the module fixtures they share.
round_trip = pytest.mark.django_db


@dataclass
class Source:
    archive: Path
    urls: list[str]
    state: dict


@pytest.fixture(scope="module")
def source(django_db_setup, django_db_blocker, tmp_path_factory) -> Source:
    """The demo magazine, what it looks like, and its backup. The demo is loaded in a
    transaction that is then rolled back: the archive is all the other tests need."""
    folder = tmp_path_factory.mktemp("backups")
    media = tmp_path_factory.mktemp("source-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        call_command("load_demo", "--skip-renditions", stdout=io.StringIO())
        # What a restore rebuilds, built here too so that the two sides compare.
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        refresh_planner_statistics()
        pages = sample_pages()
        for page in pages[2:]:  # the article's and the author's crops, to be backed up (the
            crops.prepare(page)  # cards elsewhere are left without: readers see them so too)
        urls = [page.url for page in pages]
        state = as_json(snapshot(urls))
        call_command("backup", "--output", str(folder), stdout=io.StringIO())
        transaction.set_rollback(True)
    (archive,) = folder.glob("magazine-*.tar.gz")
    return Source(archive, urls, state)


@dataclass
class Target:
    env: dict

    def run(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, *args],
            cwd=BASE_DIR,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=900,
        )

    def manage(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        return self.run("manage.py", *args, **env)

    def snapshot(self, urls: list[str]) -> dict:
        result = self.run("-c", SNAPSHOT, json.dumps(urls))
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def target(django_db_setup, django_db_blocker, tmp_path_factory):
    """A new database and media folder, reached by another process through DATABASE_URL and
    MEDIA_ROOT. On PostgreSQL a database beside the test database, dropped afterwards."""
    folder = tmp_path_factory.mktemp("target")
    (folder / "backup_target_settings.py").write_text(TARGET_SETTINGS)
    database = connection.settings_dict
    postgres = connection.vendor == "postgresql"
    if postgres:
        name = f"{database['NAME']}_restore"
        with django_db_blocker.unblock():
            recreate_database(name, create=True)
        url = (
            f"postgres://{quote(database['USER'], safe='')}:{quote(database['PASSWORD'], safe='')}"
            f"@{database['HOST'] or 'localhost'}:{database['PORT'] or 5432}/{name}"
        )
    else:
        url = f"sqlite:///{folder / 'restored.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(folder / "media"),
        "DJANGO_SETTINGS_MODULE": "backup_target_settings",
        "PYTHONPATH": os.pathsep.join([str(folder), str(BASE_DIR)]),
    }
    yield Target(env)
    if postgres:
        with django_db_blocker.unblock():
            recreate_database(name, create=False)


def recreate_database(name: str, create: bool) -> None:
    quoted = connection.ops.quote_name(name)
    with connection._nodb_cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        if create:
            cursor.execute(f"CREATE DATABASE {quoted}")


@pytest.fixture(scope="module")
def restored(source, target) -> dict:
    result = target.manage("restore", str(source.archive))
    assert result.returncode == 0, result.stderr
    assert "Restored" in result.stdout
    return target.snapshot(source.urls)


# The round trip


@round_trip
def test_every_row_comes_back_and_the_indexes_are_rebuilt(source, restored):
    assert restored["rows"] == source.state["rows"]
    assert source.state["rows"]["wagtailsearch.indexentry"] > 0
    assert source.state["rows"]["wagtailcore.referenceindex"] > 0
    assert restored["search"] == source.state["search"]
    assert any(restored["search"].values())


@round_trip
def test_pages_and_revisions_come_back_the_same(source, restored):
    assert len(source.state["pages"]) > 70
    assert restored["pages"] == source.state["pages"]
    assert restored["tree problems"] == [0, 0, 0, 0, 0]
    assert restored["revisions"] == source.state["revisions"]
    assert restored["latest content"] == source.state["latest content"]


@round_trip
def test_images_and_their_renditions_come_back_with_the_same_bytes(source, restored):
    assert len(source.state["images"]) > 80
    assert restored["images"] == source.state["images"]
    assert len(source.state["renditions"]) > 10  # made when the sample pages were rendered
    assert restored["renditions"] == source.state["renditions"]


@round_trip
def test_users_groups_and_their_permissions_come_back(source, restored):
    users = {row[1] for row in source.state["users"]}
    assert users == {"writer", "editor"}
    assert restored["users"] == source.state["users"]  # password hashes included
    assert set(source.state["groups"]) >= {"Writers", "Editors", "Admins"}
    assert restored["groups"] == source.state["groups"]
    assert restored["workflows"] == source.state["workflows"]


@round_trip
def test_settings_tags_and_bylines_come_back(source, restored):
    assert source.state["settings"][0]["name"] == "The Parallax"
    for part in ("settings", "tags", "bylines"):
        assert restored[part] == source.state[part], part


@round_trip
@pytest.mark.parametrize("sample", range(4), ids=["home", "section", "article", "author"])
def test_pages_render_the_same_html(source, restored, sample):
    url = source.urls[sample]
    status, html = source.state["html"][url]
    assert status == 200
    assert restored["html"][url] == [status, html]


@round_trip
def test_the_archive_holds_a_manifest_and_no_secrets_it_need_not(source):
    assert source.archive.stat().st_mode & 0o077 == 0  # the owner's only
    with tarfile.open(source.archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        data = json.load(tar.extractfile("data.json"))
    assert manifest["format"] == backups.FORMAT
    assert manifest["version"] == backups.FORMAT_VERSION
    assert manifest["counts"]["news.articlepage"] >= 60
    assert manifest["migrations"] == backups.migration_leaves()
    models = {row["model"] for row in data}
    assert {
        "wagtailcore.page",
        "wagtailcore.revision",
        "auth.user",
        "images.magazineimage",
    } <= models
    for left_out in ("sessions.", "axes.", "contenttypes.", "auth.permission", "wagtailsearch."):
        assert not any(model.startswith(left_out) for model in models), left_out
    names = {entry["name"] for entry in manifest["files"]}
    assert any(name.startswith("original_images/") for name in names)


@round_trip
def test_the_restored_site_takes_new_pages_and_accounts(restored, target):
    """Primary keys carry on after the restored ones (PostgreSQL's sequences are reset)."""
    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth.models import User\n"
        "from news.models import NewsIndexPage\n"
        'news = NewsIndexPage.objects.get(depth=3, slug="news")\n'
        "page = news.add_child(instance=NewsIndexPage(title='Sport', slug='sport'))\n"
        "page.save_revision().publish()\n"
        "User.objects.create_user('new-writer')\n"
        "print('ok')\n"
    )
    result = target.run("-c", script)
    assert result.returncode == 0, result.stderr


# Refusals


@round_trip
def test_a_database_with_content_is_refused_and_left_as_it_was(source, restored, target, tmp_path):
    before = target.snapshot([])
    result = target.manage("restore", str(source.archive), MEDIA_ROOT=str(tmp_path / "new-media"))
    assert result.returncode == 1
    assert "already holds content" in result.stderr
    assert "Nothing was restored" in result.stderr
    assert target.snapshot([]) == before
    assert not (tmp_path / "new-media").exists()
