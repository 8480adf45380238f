"""Write the magazine, database and media files, to one timestamped archive.

`manage.py backup` writes backups/magazine-YYYYMMDD-HHMMSS.tar.gz (UTC time); `--output` names
another file or folder. `manage.py restore` loads it into a new database. What the archive holds
and leaves out: operations/backups.py.
"""

import os
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

import django
import wagtail
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from operations import backups
from operations.backups import DATA, FORMAT, FORMAT_VERSION, MEDIA, BackupError


class Command(BaseCommand):
    help = "Write the database and media files to one .tar.gz archive (default: backups/)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="The archive's file name (.tar.gz), or a folder to write it in."
        )

    def handle(self, *args, output: str | None = None, **options):
        now = timezone.now()
        try:
            destination = self._destination(output, now.strftime("magazine-%Y%m%d-%H%M%S.tar.gz"))
            manifest = self._write(destination, now)
        except BackupError as error:
            raise CommandError(str(error)) from error
        for name in manifest["missing_files"]:
            self.stderr.write(f"Missing from the media storage, so not in the backup: {name}")
        megabytes = destination.stat().st_size / 1_000_000
        self.stdout.write(
            self.style.SUCCESS(f"Backed up to {destination} ({megabytes:.1f} MB): ")
            + f"{sum(manifest['counts'].values())} rows, {len(manifest['files'])} media files."
        )

    def _destination(self, output: str | None, name: str) -> Path:
        if output is None:
            folder = Path(settings.BASE_DIR) / "backups"
            # Password hashes and email addresses are in it: for the owner's eyes only.
            folder.mkdir(mode=0o700, exist_ok=True)
            path = folder / name
        else:
            path = Path(output)
            if path.is_dir():
                path = path / name
            elif not path.name.endswith(".tar.gz"):
                raise BackupError(f"--output {output}: name a folder or a file ending in .tar.gz.")
            elif not path.parent.is_dir():
                raise BackupError(f"--output {output}: there is no folder {path.parent}.")
        if path.exists():
            raise BackupError(f"{path} exists already; a backup never overwrites a file.")
        return path

    def _write(self, destination: Path, now) -> dict:
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created": now.isoformat(timespec="seconds"),
            "django": django.get_version(),
            "wagtail": wagtail.__version__,
            "database": connection.vendor,
            "migrations": backups.migration_leaves(),
            "files": [],
            "missing_files": [],
        }
        with tempfile.TemporaryDirectory() as work:
            data = Path(work) / DATA
            with snapshot():
                self._check_migrated()
                serializers.register_serializer(backups.SERIALIZER, "operations.backups")
                call_command(
                    "dumpdata",
                    *[model._meta.label for model in backups.backed_up_models()],
                    format=backups.SERIALIZER,
                    natural_foreign=True,
                    use_base_manager=True,
                    output=str(data),
                    verbosity=0,
                )
                manifest["counts"] = backups.row_counts()
                files = self._media_names()
            # Written beside the destination (mkstemp: readable by the owner only) and renamed
            # when complete, so an archive with the final name is always a whole one.
            fd, partial = tempfile.mkstemp(dir=destination.parent, prefix=".", suffix=".partial")
            try:
                with os.fdopen(fd, "wb") as raw:
                    self._archive(raw, data, files, manifest)
                    raw.flush()
                    os.fsync(raw.fileno())
                os.replace(partial, destination)
            except BaseException:
                Path(partial).unlink(missing_ok=True)
                raise
        return manifest

    def _archive(self, raw, data: Path, files: dict[str, str], manifest: dict) -> None:
        with tarfile.open(fileobj=raw, mode="w:gz", compresslevel=6) as tar:
            with data.open("rb") as file:
                manifest["data"] = backups.add_member(tar, DATA, file, data.stat().st_size)
            for name, label in sorted(files.items()):
                storage = backups.storage_for(label)
                if not backups.safe_name(name) or not storage.exists(name):
                    manifest["missing_files"].append(name)
                    continue
                with storage.open(name, "rb") as file:
                    entry = backups.add_member(tar, MEDIA + name, file, storage.size(name))
                manifest["files"].append({**entry, "name": name, "field": label})
            backups.add_manifest(tar, manifest)

    @staticmethod
    def _check_migrated() -> None:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            raise BackupError(
                f"The database lacks {len(plan)} migrations of this code (the first: "
                f"{plan[0][0]}): run `manage.py migrate`, then back up."
            )

    @staticmethod
    def _media_names() -> dict[str, str]:
        """Every file the database names, with the field (and so the storage) it is in."""
        names: dict[str, str] = {}
        for model, field in backups.file_fields():
            rows = model._base_manager.exclude(**{field.attname: ""}).exclude(
                **{f"{field.attname}__isnull": True}
            )
            for name in rows.values_list(field.attname, flat=True).iterator():
                names.setdefault(name, backups.field_label(model, field))
        return names


@contextmanager
def snapshot():
    """One consistent view of the database for the whole dump, while the site goes on writing."""
    if connection.in_atomic_block:  # the caller's transaction is the view (tests)
        yield
        return
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        # Our settings begin transactions IMMEDIATE, holding the write lock for the whole dump;
        # a plain (deferred) BEGIN reads one snapshot of the WAL and lets writers carry on.
        mode, connection.transaction_mode = connection.transaction_mode, None
        try:
            with transaction.atomic():
                yield
        finally:
            connection.transaction_mode = mode
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield
