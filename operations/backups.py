"""Backup archives of the magazine, shared by the `backup` and `restore` commands.

An archive is one .tar.gz:

    data.json       the database as Django's serialized JSON, foreign keys to content types,
                    permissions, users and groups by natural key, so it loads into SQLite or
                    PostgreSQL alike
    media/<name>    every file the database refers to (originals, renditions, documents,
                    avatars), read through each field's storage, so S3 works as well as a folder
    manifest.json   written last: format version, versions, migrations, rows per model, and
                    the size and SHA-256 of every other member

Restore reads the whole archive and checks it against the manifest before it changes anything.
"""

import datetime
import hashlib
import json
import tarfile
import time
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import IO

from django.apps import apps
from django.core.serializers import json as json_serializer
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.migrations.loader import MigrationLoader

FORMAT = "magazine-backup"
FORMAT_VERSION = 1
MANIFEST, DATA, MEDIA = "manifest.json", "data.json", "media/"
MAX_MANIFEST_BYTES = 64 * 1024 * 1024

# Left out of the archive, and why. Everything else is in it.
EXCLUDED_APPS = {
    "contenttypes": "made by migrate; rows name content types by natural key",
    "sessions": "sign-ins: they would sign people in again, and they are secrets",
    "axes": "failed sign-ins and lockouts, with addresses: passing security state",
    "wagtailsearch": "the search index: rebuilt from the pages after a restore",
}
EXCLUDED_MODELS = {
    "auth.permission": "made by migrate; groups name permissions by natural key",
    "wagtailcore.referenceindex": "what refers to what: rebuilt after a restore",
    "wagtailadmin.editingsession": "who has an editor open at this moment",
}
# Image renditions (rows and files) are kept. They could be made again from the originals, but
# at about a second of encoding per image (news/renditions.py exists so that no reader waits for
# one: the demo's take minutes); a restored site should serve as fast as the one backed up from
# its first request. The cost is size: the demo's renditions are 25 MB, its originals 5 MB.

# What migrations create in a new database (Wagtail's, home/site_tree.py's and
# operations/newsroom.py's): the root, home,
# News and People pages, the site, locale and root collection, the groups with their
# permissions, the review workflow. A restore replaces these rows with the backup's; any other
# row means the database is in use, and restore refuses it. If a new migration creates rows of
# another model, add it here (tests/operations/test_backup_restore.py fails until then).
MADE_BY_MIGRATIONS = {
    "wagtailcore.page",  # only up to depth 3 (root, home, news, people); see content_rows
    "home.homepage",
    "news.newsindexpage",
    "people.peopleindexpage",
    "wagtailcore.locale",
    "wagtailcore.site",
    "wagtailcore.collection",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailcore.workflow",
    "wagtailcore.workflowtask",
    "wagtailcore.workflowpage",
    "wagtailcore.task",
    "wagtailcore.groupapprovaltask",
    "auth.group",
}
MIGRATION_PAGE_DEPTH = 3


class PreciseEncoder(DjangoJSONEncoder):
    """Django's JSON encoder keeps milliseconds of a time; this keeps microseconds, as both
    databases do. A restored article's times appear in its metadata (article:modified_time)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time) and o.microsecond:
            return o.isoformat()
        return super().default(o)


class Serializer(json_serializer.Serializer):
    """Django's JSON serializer with PreciseEncoder; what `dumpdata --format SERIALIZER` names.
    Django's own JSON deserializer reads what it writes (loaddata knows data.json as JSON)."""

    def _init_options(self):
        self.options.setdefault("cls", PreciseEncoder)
        super()._init_options()


Deserializer = json_serializer.Deserializer
SERIALIZER = "magazine-backup-json"  # registered with this module by the backup command


class BackupError(Exception):
    """Bad input or a state that a backup or restore must not go on from; says what to do."""


def backed_up_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in EXCLUDED_APPS
        and model._meta.label_lower not in EXCLUDED_MODELS
    ]


def tables(model_list: list[type[models.Model]]) -> list[str]:
    """The models' tables and those of their many-to-many fields (groups' permissions, ...)."""
    found = []
    for model in model_list:
        found.append(model._meta.db_table)
        found += [
            field.remote_field.through._meta.db_table
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        ]
    return found


def row_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._base_manager.count() for model in backed_up_models()}


def file_fields() -> list[tuple[type[models.Model], models.FileField]]:
    return [
        (model, field)
        for model in backed_up_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def field_label(model: type[models.Model], field: models.Field) -> str:
    return f"{model._meta.label_lower}.{field.name}"


def storage_for(label: str):
    """The storage of a file field named like `images.magazineimage.file`."""
    model_label, _, field_name = label.rpartition(".")
    for model, field in file_fields():
        if model._meta.label_lower == model_label and field.name == field_name:
            return field.storage
    raise BackupError(f"The backup names a file field this code does not have: {label}.")


def content_rows(existing_tables: set[str]) -> dict[str, int]:
    """Rows beyond those migrations create, per model; only tables that exist are looked at."""
    found = {}
    for model in backed_up_models():
        label = model._meta.label_lower
        if model._meta.db_table not in existing_tables:
            continue
        rows = model._base_manager.all()
        if label == "wagtailcore.page":
            rows = rows.filter(depth__gt=MIGRATION_PAGE_DEPTH)
        elif label in MADE_BY_MIGRATIONS:
            continue
        if count := rows.count():
            found[label] = count
    return found


def migration_leaves() -> dict[str, list[str]]:
    """The latest migration of each app in this code. Two databases migrated by the same code
    have the same tables; a backup loads only into the tables it was made from."""
    leaves: dict[str, list[str]] = {}
    for app_label, name in MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes():
        leaves.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(leaves.items())}


def check_migrations(manifest: dict) -> None:
    ours = migration_leaves()
    theirs = manifest["migrations"]
    differences = [
        f"{app}: {', '.join(theirs.get(app, ['none']))} in the backup, "
        f"{', '.join(ours.get(app, ['none']))} here"
        for app in sorted({model._meta.app_label for model in backed_up_models()})
        if theirs.get(app) != ours.get(app)
    ]
    if differences:
        raise BackupError(
            "This backup was made by another version of the magazine, whose migrations differ ("
            + "; ".join(differences)
            + "). Restore it with the version that made it, then update and run migrate."
        )


class HashingReader:
    """Reads a file through, counting and hashing what passes."""

    def __init__(self, file: IO[bytes]):
        self.file, self.size, self.sha256 = file, 0, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        chunk = self.file.read(size)
        self.size += len(chunk)
        self.sha256.update(chunk)
        return chunk

    def entry(self, name: str) -> dict:
        return {"name": name, "size": self.size, "sha256": self.sha256.hexdigest()}


def add_member(tar: tarfile.TarFile, name: str, file: IO[bytes], size: int) -> dict:
    """Adds `size` bytes of `file` as `name`; returns its manifest entry."""
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(time.time()), 0o600
    reader = HashingReader(file)
    tar.addfile(info, reader)
    return reader.entry(name)


def add_manifest(tar: tarfile.TarFile, manifest: dict) -> None:
    body = json.dumps(manifest, indent=1, sort_keys=True).encode()
    add_member(tar, MANIFEST, BytesIO(body), len(body))


@dataclass
class Backup:
    path: Path
    manifest: dict
    data: Path  # data.json, checked and extracted to a folder of the caller's

    @property
    def files(self) -> list[dict]:
        return self.manifest["files"]


# What a damaged or foreign file raises while it is read as a .tar.gz.
UNREADABLE = (tarfile.TarError, EOFError, zlib.error, OSError, UnicodeDecodeError)


def open_backup(path: Path, workdir: Path) -> Backup:
    """Reads and checks the whole archive; extracts data.json into `workdir`."""
    if not path.is_file():
        raise BackupError(f"There is no file {path}.")
    try:
        with tarfile.open(path, "r:gz") as tar:
            manifest = _read_manifest(tar, path)
            expected = {DATA: manifest["data"]} | {MEDIA + f["name"]: f for f in manifest["files"]}
            _check_members(tar, expected, workdir / DATA)
    except UNREADABLE as error:
        raise BackupError(
            f"{path} is not a backup archive, or it is damaged: cannot read it as a .tar.gz "
            f"({error})."
        ) from error
    return Backup(path, manifest, workdir / DATA)


def _read_manifest(tar: tarfile.TarFile, path: Path) -> dict:
    try:
        member = tar.getmember(MANIFEST)
    except KeyError:
        raise BackupError(f"{path} is not a magazine backup: it has no {MANIFEST}.") from None
    if not member.isfile() or member.size > MAX_MANIFEST_BYTES:
        raise BackupError(f"{path} is not a magazine backup: its {MANIFEST} is not one.")
    try:
        manifest = json.loads(tar.extractfile(member).read())
    except ValueError as error:
        raise BackupError(f"The manifest of {path} is not valid JSON ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a magazine backup: its manifest is another format.")
    version = manifest.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(
            f"{path} is in backup format {version!r}, newer than this code reads "
            f"({FORMAT_VERSION}): restore it with the version of the magazine that made it."
        )
    if not _well_formed(manifest):
        raise BackupError(f"The manifest of {path} is damaged: fields are missing or wrong.")
    return manifest


def _well_formed(manifest: dict) -> bool:
    files = manifest.get("files")
    if not isinstance(files, list) or not all(
        isinstance(entry, dict)
        and isinstance(entry.get("name"), str)
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("sha256"), str)
        for entry in [manifest.get("data"), *files]
    ):
        return False
    return (
        isinstance(manifest.get("counts"), dict)
        and isinstance(manifest.get("migrations"), dict)
        and manifest["data"]["name"] == DATA
        and all(safe_name(entry["name"]) and isinstance(entry.get("field"), str) for entry in files)
    )


def safe_name(name: str) -> bool:
    """A relative path that stays inside the media folder: no `..`, no absolute path."""
    path = PurePosixPath(name)
    return (
        bool(name)
        and "\\" not in name
        and not path.is_absolute()
        and ".." not in path.parts
        and path.as_posix() == name
    )


def _check_members(tar: tarfile.TarFile, expected: dict[str, dict], data_path: Path) -> None:
    """Every member is a file the manifest lists, with its size and hash; none is missing."""
    seen = set()
    for member in tar:
        if member.name == MANIFEST:
            continue
        entry = expected.get(member.name)
        if entry is None or not member.isfile() or member.name in seen:
            raise BackupError(f"The archive holds {member.name!r}, not listed in its manifest.")
        seen.add(member.name)
        reader = HashingReader(tar.extractfile(member))
        if member.name == DATA:
            with data_path.open("wb") as out:
                while chunk := reader.read(1024 * 1024):
                    out.write(chunk)
        else:
            while reader.read(1024 * 1024):
                pass
        if (reader.size, reader.sha256.hexdigest()) != (entry["size"], entry["sha256"]):
            raise BackupError(f"{member.name} in the archive is damaged: its checksum is wrong.")
    if missing := sorted(expected.keys() - seen):
        raise BackupError(f"The archive lacks files its manifest lists: {', '.join(missing[:5])}.")


def media_members(backup: Backup):
    """(manifest entry, open file) for every media file, in archive order."""
    entries = {MEDIA + entry["name"]: entry for entry in backup.files}
    with tarfile.open(backup.path, "r:gz") as tar:
        for member in tar:
            if member.name in entries:
                yield entries[member.name], tar.extractfile(member)
