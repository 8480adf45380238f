"""On PostgreSQL, a text search configuration that ignores accents: "bogota" finds "Bogotá".

It is PostgreSQL's English configuration with `unaccent` before stemming, and Wagtail's search
backend uses it through WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] (see settings).
SQLite needs nothing: its full-text tokenizer already folds accents. `unaccent` is a trusted
extension, so the database's owner may create it.
"""

from django.conf import settings
from django.db import migrations

CONFIGURATION = settings.TEXT_SEARCH_CONFIGURATION

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = english)",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION} "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}")


class Migration(migrations.Migration):
    dependencies: list = []
    operations = [migrations.RunPython(create, drop)]
