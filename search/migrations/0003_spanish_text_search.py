"""On PostgreSQL, the Spanish edition's text search configuration: Spanish stemming after
`unaccent` ("elecciones" finds "elección", "Bogota" finds "Bogotá"), as 0001 made the English
one. Each article is indexed with its language's (search/postgres_backend.py)."""

from django.conf import settings
from django.db import migrations

CONFIGURATION = settings.TEXT_SEARCH_CONFIGURATIONS["es"]

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIGURATION} (COPY = spanish)",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIGURATION} "
    "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIGURATION}")


class Migration(migrations.Migration):
    dependencies = [("search", "0002_ranked_search_index")]
    operations = [migrations.RunPython(create, drop)]
