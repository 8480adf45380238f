"""Wagtail's database search backend, with relevance ranking on SQLite that scales.

Configured as `WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backend"`. On PostgreSQL
(and anything but SQLite with FTS5) this is exactly Wagtail's own database backend.

On SQLite, Wagtail's backend orders by relevance with a correlated subquery that runs the
full-text match again for every matching article: its time grows with the square of the
matches (seconds for a common word in a few thousand articles). This compiler ranks inside
the one full-text query instead, limited to the requested slice, and then loads just those
articles. It also weights the columns: a word in the headline counts ten times one in the
body, which the stock backend cannot express.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):  # noqa: N802 - Wagtail loads backends by this name
    backend = DatabaseSearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from .sqlite_backend import RankedSQLiteSearchBackend

    return (
        RankedSQLiteSearchBackend(params) if isinstance(backend, SQLiteSearchBackend) else backend
    )
