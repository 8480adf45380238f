"""Load an archive made by `manage.py backup` into a new database and an empty media folder.

Everything that can refuse comes before anything changes: the archive is read whole and checked
against its manifest; its migrations must be this code's; none of its media files may exist
already; the database must hold nothing beyond what migrations create. Then the database is
migrated and, in one transaction, the migration-made rows give way to the backup's (same
primary keys, same page paths) and the media files are written; a failure there rolls the
database back and removes the files written. Last, what a backup leaves out is rebuilt (the
search index, Wagtail's reference index, the planner's statistics) and the caches that could
serve the old site are emptied.
"""

import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction

from caching import page_cache
from operations import backups
from operations.backups import Backup, BackupError
from operations.maintenance import refresh_planner_statistics


class Command(BaseCommand):
    help = "Restore an archive made by `backup` into a new database and an empty media folder."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A .tar.gz made by `manage.py backup`.")

    def handle(self, *args, archive: str, **options):
        try:
            with tempfile.TemporaryDirectory() as work:
                backup = backups.open_backup(Path(archive), Path(work))
                backups.check_migrations(backup.manifest)
                self._check_media_free(backup)
                self._check_database_empty()
                self.stdout.write("The archive is whole; migrating the database.")
                call_command("migrate", interactive=False, verbosity=0)
                self._check_database_empty()
                self._load(backup)
        except BackupError as error:
            raise CommandError(f"{error}\nNothing was restored.") from error
        try:
            self._rebuild()
        except Exception as error:
            raise CommandError(
                f"The backup is restored, but rebuilding what it leaves out failed ({error}): "
                "run `manage.py update_index` and `manage.py rebuild_references_index`."
            ) from error
        manifest = backup.manifest
        self.stdout.write(
            self.style.SUCCESS(f"Restored {archive}: ")
            + f"{sum(manifest['counts'].values())} rows, {len(backup.files)} media files, "
            f"backed up {manifest.get('created')} from {manifest.get('database')}. Sessions "
            "are not kept in backups: everyone signs in again."
        )

    def _check_media_free(self, backup: Backup) -> None:
        taken = [
            entry["name"]
            for entry in backup.files
            if backups.storage_for(entry["field"]).exists(entry["name"])
        ]
        if taken:
            raise BackupError(
                f"The media storage already has {len(taken)} of the backup's files (such as "
                f"{', '.join(taken[:3])}): restore into an empty media folder (MEDIA_ROOT)."
            )

    def _check_database_empty(self) -> None:
        try:
            found = backups.content_rows(set(connection.introspection.table_names()))
        except DatabaseError as error:
            raise BackupError(f"Cannot use the database: {error}") from error
        if found:
            largest = sorted(found.items(), key=lambda item: -item[1])[:5]
            raise BackupError(
                "The database already holds content ("
                + ", ".join(f"{count} {label}" for label, count in largest)
                + "): restore loads only into a new database, as `migrate` leaves it. Point "
                "DATABASE_URL at a new database."
            )

    def _load(self, backup: Backup) -> None:
        written = []
        try:
            with transaction.atomic():
                self._clear_rows_made_by_migrations()
                try:
                    call_command("loaddata", str(backup.data), verbosity=0)
                except Exception as error:  # the deserializer's or the database's, as they come
                    raise BackupError(f"The backup's data does not load: {error}") from error
                self._check_counts(backup.manifest["counts"])
                for entry, file in backups.media_members(backup):
                    storage = backups.storage_for(entry["field"])
                    saved = storage.save(entry["name"], File(file, name=entry["name"]))
                    written.append((storage, saved))
                    if saved != entry["name"]:
                        raise BackupError(
                            f"The media storage saved {entry['name']} as {saved}: something "
                            "else is writing to it."
                        )
        except BaseException:
            # Only files this restore wrote: none of these names existed before it.
            for storage, name in written:
                storage.delete(name)
            raise

    @staticmethod
    def _clear_rows_made_by_migrations() -> None:
        """Empties every table the backup fills. The check before made sure they held only what
        migrations create. CASCADE (PostgreSQL's TRUNCATE needs it) reaches only tables pointing
        at these, which are left-out ones like editing sessions, empty in a new database."""
        tables = backups.tables(backups.backed_up_models())
        sql = connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
        connection.ops.execute_sql_flush(sql)

    @staticmethod
    def _check_counts(expected: dict[str, int]) -> None:
        actual = backups.row_counts()
        wrong = [
            f"{label}: {actual.get(label)} loaded, {count} backed up"
            for label, count in {**dict.fromkeys(actual, 0), **expected}.items()
            if actual.get(label) != count
        ]
        if wrong:
            raise BackupError("The loaded rows differ from the manifest: " + "; ".join(wrong))

    def _rebuild(self) -> None:
        self.stdout.write("Rebuilding the search index and the reference index.")
        call_command("update_index", verbosity=0)
        call_command("rebuild_references_index", verbosity=0)
        # A new database has no planner statistics: queries would be planned as on empty
        # tables, and related coverage on PostgreSQL weighs words by the search index's.
        refresh_planner_statistics()
        # Wagtail keeps the renditions it looks up here (Redis in production) by image id and
        # hash: entries from the old site's last days could name files this backup lacks. On
        # Redis this empties the database the other caches share, stale after a restore too.
        if "renditions" in settings.CACHES:
            caches["renditions"].clear()
        page_cache.forget_every_page()
