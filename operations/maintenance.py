"""Database upkeep after loading content in bulk."""

from django.db import connection


def refresh_planner_statistics() -> None:
    """Tell the database how big its tables now are, so that it plans queries well.

    PostgreSQL's autovacuum would get there in time; SQLite never does by itself. Without
    statistics SQLite joins a section (a handful of rows) to its page row by scanning every
    page, which costs milliseconds per query at ten thousand articles.
    """
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
