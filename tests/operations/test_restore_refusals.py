"""A restore refuses, before it changes anything, what it cannot restore whole: a database or
media folder in use, a file that is not a whole backup; and a backup never overwrites a file."""

import gzip
import hashlib
import io
import json
import subprocess
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from operations import backups

BASE_DIR = Path(settings.BASE_DIR)
IMAGE_FILE = "images.magazineimage.file"


@pytest.mark.django_db
def test_a_database_with_an_account_is_refused_before_it_is_migrated(tiny_archive):
    get_user_model().objects.create_user("someone")
    with pytest.raises(CommandError, match=r"already holds content \(.*\b1 auth.user"):
        call_command("restore", str(tiny_archive()), stdout=io.StringIO())
    assert get_user_model().objects.get().username == "someone"


def test_a_media_folder_with_the_backups_files_is_refused(tiny_archive, settings, tmp_path):
    """Before the database is touched (the test has no database access)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    picture = settings.MEDIA_ROOT / "original_images" / "a.jpg"
    picture.parent.mkdir(parents=True)
    picture.write_bytes(b"someone's own picture")
    archive = tiny_archive(
        {"files": [{**entry("original_images/a.jpg", b"x"), "field": IMAGE_FILE}]},
        members={"media/original_images/a.jpg": b"x"},
    )
    with pytest.raises(CommandError, match="already has 1 of the backup's files"):
        call_command("restore", str(archive))
    assert picture.read_bytes() == b"someone's own picture"
    assert [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()] == [picture]


@pytest.fixture
def tiny_archive(tmp_path):
    """Makes a well-formed backup of nothing, or one spoilt as a test asks."""

    def make(manifest_changes=None, members=None, data=b"[]", with_manifest=True) -> Path:
        manifest = {
            "format": backups.FORMAT,
            "version": backups.FORMAT_VERSION,
            "created": "2026-11-27T23:59:59+00:00",
            "migrations": backups.migration_leaves(),
            "counts": {},
            "data": entry("data.json", b"[]"),
            "files": [],
            "missing_files": [],
            **(manifest_changes or {}),
        }
        path = tmp_path / "magazine-20261127-235959.tar.gz"
        with tarfile.open(path, "w:gz") as tar:
            contents = {"data.json": data, **(members or {})}
            if with_manifest:
                contents["manifest.json"] = json.dumps(manifest).encode()
            for name, body in contents.items():
                info = tarfile.TarInfo(name)
                info.size = len(body)
                tar.addfile(info, io.BytesIO(body))
        return path

    return make


def entry(name: str, body: bytes) -> dict:
    return {"name": name, "size": len(body), "sha256": hashlib.sha256(body).hexdigest()}


def test_a_well_formed_archive_passes_the_checks(tiny_archive, tmp_path):
    backup = backups.open_backup(tiny_archive(), tmp_path)
    backups.check_migrations(backup.manifest)
    assert backup.data.read_bytes() == b"[]"


SPOILT = {
    "a text file": (lambda make, path: path.write_text("hello"), "not a backup archive"),
    "a gzip of no tar": (
        lambda make, path: path.write_bytes(gzip.compress(b"hello" * 200)),
        "not a backup archive",
    ),
    "a cut-off archive": (
        lambda make, path: path.write_bytes(make().read_bytes()[:60]),
        "not a backup archive, or it is damaged",
    ),
    "no manifest": (lambda make, path: make(with_manifest=False), "has no manifest.json"),
    "another format": (
        lambda make, path: make({"format": "something-else"}),
        "not a magazine backup",
    ),
    "a newer format": (lambda make, path: make({"version": 2}), "newer than this code reads"),
    "a member the manifest does not list": (
        lambda make, path: make(members={"../../etc/cron.d/evil": b"* * * * * root true"}),
        "not listed in its manifest",
    ),
    "a media file outside the media folder": (
        lambda make, path: make(
            {"files": [{**entry("../evil.py", b"x"), "field": IMAGE_FILE}]},
            members={"media/../evil.py": b"x"},
        ),
        "manifest of .* is damaged",
    ),
    "a changed data file": (
        lambda make, path: make(data=b'[{"model": "auth.user"}]'),
        "data.json in the archive is damaged",
    ),
    "a listed file missing": (
        lambda make, path: make(
            {
                "files": [
                    {**entry("original_images/a.jpg", b"x"), "field": "images.magazineimage.file"}
                ]
            }
        ),
        "lacks files its manifest lists: media/original_images/a.jpg",
    ),
    "other migrations": (
        lambda make, path: make(
            {"migrations": {**backups.migration_leaves(), "news": ["0099_from_the_future"]}}
        ),
        "another version of the magazine.*news: 0099_from_the_future in the backup",
    ),
}


@pytest.mark.parametrize("spoil", SPOILT.keys())
def test_a_file_that_is_not_a_whole_backup_is_refused(spoil, tiny_archive, tmp_path):
    """Refused before the database is touched (the test has no database access)."""
    path = tmp_path / "magazine-20261127-235959.tar.gz"
    make_spoilt, message = SPOILT[spoil]
    make_spoilt(tiny_archive, path)
    with pytest.raises(CommandError, match=message) as refusal:
        call_command("restore", str(path))
    assert "Nothing was restored" in str(refusal.value)


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="There is no file"):
        call_command("restore", str(tmp_path / "nothing.tar.gz"))


def test_a_backup_never_overwrites_a_file(tmp_path):
    existing = tmp_path / "magazine.tar.gz"
    existing.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", "--output", str(existing))
    assert existing.read_bytes() == b"an older backup"


def test_make_restore_needs_a_file():
    result = subprocess.run(
        ["make", "--no-print-directory", "restore"], cwd=BASE_DIR, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "FILE=" in result.stderr
