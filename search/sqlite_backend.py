"""The ranked SQLite search backend: see search/backend.py. Imported only on SQLite, as
Wagtail defines its full-text index model only there."""

from django.db.models import Func, IntegerField
from django.db.models.fields import FloatField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

# Weights of the FTS table's columns, in its order: autocomplete, body, title.
COLUMN_WEIGHTS = (0.0, 1.0, 10.0)


class WeightedBM25(Func):
    """FTS5's bm25() with a weight per column; lower (more negative) is more relevant."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        table = sqlite.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, {', '.join(['%s'] * len(COLUMN_WEIGHTS))})", list(COLUMN_WEIGHTS)


class RankedSearchQueryCompiler(sqlite.SQLiteSearchQueryCompiler):
    _all_ranked: list[tuple[int, float]] | None = None

    def _ranked_matches(self, config):
        """(object id, score) of each match in self.queryset, best first, as a queryset."""
        return (
            sqlite.SQLiteFTSIndexEntry.objects.filter(self._match(config))
            .filter(
                index_entry__content_type__in=self._content_types(),
                index_entry__object_id__in=self.queryset.values("pk"),
            )
            .annotate(
                object_pk=Cast("index_entry__object_id", IntegerField()), score=WeightedBM25()
            )
            .order_by("score", "-object_pk")
            .values_list("object_pk", "score")
        )

    def _match(self, config) -> MatchExpression:
        query = self.build_search_query(normalize(self.query), config=config)
        return MatchExpression(self.fields or self.FTS_TABLE_FIELDS, query)

    def _content_types(self) -> list[int]:
        return get_descendants_content_types_pks(self.queryset.model)

    def _matched(self, config):
        """self.queryset narrowed to the matches, unordered by relevance.

        The match runs alone in a subquery: joined to the index entries, SQLite may choose to
        re-run it once per entry.
        """
        rowids = sqlite.SQLiteFTSIndexEntry.objects.filter(self._match(config)).values("pk")
        object_ids = (
            sqlite.IndexEntry.objects.filter(pk__in=rowids, content_type__in=self._content_types())
            .annotate(object_pk=Cast("object_id", IntegerField()))
            .values("object_pk")
        )
        return self.queryset.filter(pk__in=object_ids)

    def _is_text_search(self) -> bool:
        return not isinstance(normalize(self.query), (MatchAll, Not))

    def search(self, config, start, stop, score_field=None):
        if not self._is_text_search() or score_field and not self.order_by_relevance:
            return super().search(config, start, stop, score_field=score_field)
        if not self.order_by_relevance:
            return self._matched(config)[start:stop]
        if self._all_ranked is not None:  # counted already: the order is known
            ranked = self._all_ranked[start:stop]
        else:
            ranked = list(self._ranked_matches(config)[start:stop])
        objects = self.queryset.in_bulk([pk for pk, _ in ranked])
        results = []
        for pk, score in ranked:
            if pk in objects:
                if score_field:
                    setattr(objects[pk], score_field, score)
                results.append(objects[pk])
        return results

    def count(self, config) -> int:
        """How many match; the matches' order is kept, as a page of them is usually next."""
        if not self._is_text_search():
            return super().search(config, None, None).count()
        if not self.order_by_relevance:
            return self._matched(config).count()
        if self._all_ranked is None:
            self._all_ranked = list(self._ranked_matches(config))
        return len(self._all_ranked)


class RankedSearchResults(sqlite.SQLiteSearchResults):
    def _do_count(self):
        if not isinstance(self.query_compiler, RankedSearchQueryCompiler):
            return super()._do_count()  # autocomplete (the admin's page search): Wagtail's own
        return self.query_compiler.count(self.query_compiler.get_config(self.backend))


class RankedSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = RankedSearchQueryCompiler
    results_class = RankedSearchResults
