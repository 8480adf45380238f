"""The ranked PostgreSQL search backend: see search/backend.py.

Wagtail's PostgreSQL backend scores every match with ts_rank, which reads the whole body vector
of each matching article: at 100,000 articles a common word ("state" is in 44,000 of them)
takes a second. With the RUM index of migration 0002 (PostgreSQL's `rum` extension, a GIN that
stores word positions), this compiler asks the index for the matches nearest the query
(`<=>`), so a page of results comes out of the index without a body being read, and it counts
matches only as deep as readers can page (RESULTS_DEPTH). Without the index, or for searches
the index cannot order (newest first, given fields, fuzzy), it is Wagtail's backend.
"""

import copy
from contextlib import contextmanager
from functools import cache

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import connections
from django.db.models import F, FloatField, Func, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres
from modelsearch.query import Fuzzy, MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.models import IndexEntry

from core.text import search_configuration
from editions import languages

from .query import RESULTS_DEPTH

RUM_INDEX = "search_document_rum"
CREATE_RUM_INDEX = (
    f"CREATE INDEX IF NOT EXISTS {RUM_INDEX} ON wagtailsearch_indexentry "
    "USING rum ((title || body) rum_tsvector_ops)"
)


class Document(Func):
    """An index entry's whole text, as the RUM index holds it: `(title || body)`."""

    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("title"), F("body"))


class Distance(Func):
    """RUM's distance from a document to a query; smaller is more relevant."""

    template = "(%(expressions)s)"
    arg_joiner = " <=> "
    output_field = FloatField()


@cache
def has_rum_index(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
        return cursor.fetchone() is not None


@contextmanager
def rum_index_set_aside(alias: str = "default"):
    """Drops the RUM index for a bulk load of the search index, and builds it again after.

    Building it over 100,000 entries takes about 20 s; keeping it up to date entry by entry,
    PostgreSQL had not finished after twenty minutes.
    """
    connection = connections[alias]
    # Inside a transaction, set nothing aside: DROP INDEX would lock every reader's search out
    # until the commit, and building the index in the transaction that rewrote the entries
    # can read TOAST it deleted itself ("missing chunk number 0 for toast value", CI, Dec 2026).
    if connection.in_atomic_block or not has_rum_index(alias):
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {RUM_INDEX}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(CREATE_RUM_INDEX)


class RankedPostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_config(self, backend):
        """The edition's configuration: Spanish words stemmed as Spanish (core/text.py)."""
        return search_configuration()

    def _ranks_by_index(self) -> bool:
        return (
            self.order_by_relevance
            and self.fields is None
            and not isinstance(self.query, (MatchAll, Not, Fuzzy))
            and has_rum_index(self.queryset.db)
        )

    def _matches(self, config, search_query):
        """The index entries of self.queryset's model that match, with their object's id."""
        return (
            IndexEntry.objects.using(self.queryset.db)
            .filter(content_type_id__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(_document=Document())
            .filter(_document=search_query)
            .annotate(_object_pk=Cast("object_id", IntegerField()))
        )

    def _ranked_ids(self, config):
        """The ids of the matches in self.queryset, nearest first, as a values queryset.

        The match and the order run on the index entries alone; each candidate is then checked
        against self.queryset (live, readable, filtered) by primary key, so PostgreSQL reads the
        index in order and stops once it has the slice. (Every model the magazine indexes has
        integer keys, which the cast relies on. Equally near matches keep the index's order: a
        second sort key would make PostgreSQL sort every match.)
        """
        search_query = self.build_tsquery(self.query, config=config)
        return (
            self._matches(config, search_query)
            .filter(_object_pk__in=self.queryset.values("pk"))
            .order_by(Distance(Document(), search_query))
            .values_list("_object_pk", flat=True)
        )

    def search(self, config, start, stop, score_field=None, backend=None):
        if score_field is not None or not self._ranks_by_index():
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        ids = list(self._ranked_ids(config)[start:stop])
        objects = self.queryset.in_bulk(ids)
        return [objects[pk] for pk in ids if pk in objects]

    def count(self, config) -> int:
        if not self._ranks_by_index():
            return super().search(config, None, None).count()
        # The matches are gathered from the index first (MATERIALIZED): asked for the first
        # thousand alone, PostgreSQL would rather read the table in order, joining every
        # title and body vector as it goes, ten times slower for a common word.
        search_query = self.build_tsquery(self.query, config=config)
        matches = self._matches(config, search_query).values("_object_pk")
        matches_sql, matches_params = matches.query.sql_with_params()
        readable = self.queryset.order_by().values("pk")
        readable_sql, readable_params = readable.query.sql_with_params()
        sql = (
            f"WITH matched AS MATERIALIZED ({matches_sql}) SELECT count(*) FROM ("
            f"SELECT 1 FROM matched WHERE _object_pk IN ({readable_sql}) LIMIT %s) AS counted"
        )
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [*matches_params, *readable_params, RESULTS_DEPTH])
            return cursor.fetchone()[0]


class RankedPostgresSearchResults(postgres.PostgresSearchResults):
    def _do_count(self):
        if not isinstance(self.query_compiler, RankedPostgresSearchQueryCompiler):
            return super()._do_count()  # autocomplete (the admin's page search): Wagtail's own
        return self.query_compiler.count(self.query_compiler.get_config(self.backend))


class EditionsIndex(postgres.PostgresIndex):
    """Indexes each page with its language's configuration; anything without a locale (an
    image, a document) with the default's."""

    def add_items(self, model, objs):
        groups: dict[str, list] = {}
        for obj in objs:
            language = languages.code_of(getattr(obj, "locale_id", None))
            groups.setdefault(search_configuration(language or settings.LANGUAGE_CODE), []).append(
                obj
            )
        backend = self.backend
        try:
            for config, group in groups.items():
                # modelsearch's indexer reads the configuration from the backend it is given.
                self.backend = copy.copy(backend)
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend = backend


class RankedPostgresSearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = RankedPostgresSearchQueryCompiler
    results_class = RankedPostgresSearchResults
    index_class = EditionsIndex
