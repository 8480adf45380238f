"""On PostgreSQL with the `rum` extension, an index that ranks search matches by itself.

search/postgres_backend.py orders matches by this index's distance, so a page of results
costs the same at 100,000 articles as at 1,000. `rum` is not a trusted extension: the
migration creates it when the database role may (a superuser), or uses it when a database
administrator has run `CREATE EXTENSION rum` (Debian: `apt install postgresql-15-rum`).
Without it, the migration does nothing and search is Wagtail's own ranking, slower on large
magazines.
"""

from django.db import DatabaseError, migrations, transaction

from search.postgres_backend import CREATE_RUM_INDEX, RUM_INDEX


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql" or not _rum_available(schema_editor):
        return
    schema_editor.execute(CREATE_RUM_INDEX)


def _rum_available(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT installed_version FROM pg_available_extensions WHERE name = 'rum'")
        row = cursor.fetchone()
    if row is None:
        return False
    if row[0] is not None:
        return True
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION rum")
    except DatabaseError:  # not permitted: a database administrator must create it
        return False
    return True


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_accent_insensitive_text_search"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]
    operations = [migrations.RunPython(create, drop)]
