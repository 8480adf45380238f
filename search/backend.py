"""Wagtail's database search backend, with relevance ranking that scales.

Configured as `WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backend"`.

On SQLite, Wagtail's backend orders by relevance with a correlated subquery that runs the
full-text match again for every matching article: its time grows with the square of the
matches (seconds for a common word in a few thousand articles). search/sqlite_backend.py ranks
inside the one full-text query instead, limited to the requested slice, and then loads just
those articles. It also weights the columns: a word in the headline counts ten times one in the
body, which the stock backend cannot express.

On PostgreSQL, search/postgres_backend.py lets a RUM index order the matches, where Wagtail's
backend reads every matching article's body to score it.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


def SearchBackend(params):  # named as Wagtail loads backends by this name
    if connection.vendor == "postgresql":
        from .postgres_backend import RankedPostgresSearchBackend

        return RankedPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor != "sqlite":
        return backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from .sqlite_backend import RankedSQLiteSearchBackend

    return (
        RankedSQLiteSearchBackend(params) if isinstance(backend, SQLiteSearchBackend) else backend
    )
