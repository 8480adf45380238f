"""Django's SQLite backend, answering a read that names an integer past 64 bits.

SQLite stores integers of at most 64 bits, and Python's sqlite3 refuses to bind a larger one
(OverflowError): a reader's or an editor's id of 2**70, in an address, a filter or a form,
was a server error wherever Django's own range check does not reach (lookups through a
relation, `__in`). No stored integer equals such a number, and every one is smaller than it:
in a read it is bound as an infinity, which compares the same way. Writes still refuse it
(forms check their ranges first).
"""

import math
from collections.abc import Mapping

from django.db.backends.sqlite3 import base

SMALLEST, LARGEST = -(2**63), 2**63 - 1
READS = ("SELECT", "WITH")


def bindable(value):
    if isinstance(value, int) and not isinstance(value, bool):
        if value > LARGEST:
            return math.inf
        if value < SMALLEST:
            return -math.inf
    return value


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    def execute(self, query, params=None):
        if params and query.lstrip()[:6].upper().startswith(READS):
            if isinstance(params, Mapping):
                params = {name: bindable(value) for name, value in params.items()}
            else:
                params = [bindable(value) for value in params]
        return super().execute(query, params)


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name=None):
        return self.connection.cursor(factory=SQLiteCursorWrapper)
