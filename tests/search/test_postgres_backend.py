"""On PostgreSQL, the RUM-ranked backend finds exactly what Wagtail's own does, ranks headline
matches first, and counts only as deep as readers can page."""

import pytest
from django.conf import settings
from django.db import connection

if connection.vendor != "postgresql":
    pytest.skip("PostgreSQL's search backend only", allow_module_level=True)

from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from wagtail.search.backends import get_search_backend

from news.models import ArticlePage
from search import postgres_backend
from search.query import parse


@pytest.fixture(autouse=True)
def rum_index(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            pytest.skip("the server has no rum extension (Debian: postgresql-15-rum)")
    # The server has it, so migration 0002 must have built the index (.ci/run makes sure).
    assert postgres_backend.has_rum_index(connection.alias)


@pytest.mark.parametrize("text", ["water", "bogota water", '"water level"', "nothing"])
def test_same_matches_and_counts_as_wagtails_backend(stories, text):
    ours = get_search_backend()
    stock = PostgresSearchBackend({"SEARCH_CONFIG": settings.TEXT_SEARCH_CONFIGURATION})
    articles = ArticlePage.objects.live()
    found = ours.search(parse(text), articles)
    expected = stock.search(parse(text), articles)
    assert {a.pk for a in found} == {a.pk for a in expected}
    assert found.count() == expected.count() == len(list(expected))


def test_the_index_orders_the_matches(stories):
    with CaptureQueriesContext(connection) as queries:
        found = list(get_search_backend().search(parse("water"), ArticlePage.objects.live()))
    assert any("<=>" in query["sql"] for query in queries.captured_queries)
    assert found[0].title == "Water rationing ends in Bogotá"  # the headline's word first
    assert "Draft about water" not in [a.title for a in found]


def test_a_slice_and_the_queryset_filters_hold(stories):
    articles = ArticlePage.objects.live().exclude(title="Budget passes")
    found = get_search_backend().search(parse("water"), articles)
    assert [a.title for a in found[1:5]] == ["Dams on the river"]


def test_counts_stop_at_the_results_depth(stories, monkeypatch):
    monkeypatch.setattr(postgres_backend, "RESULTS_DEPTH", 2)
    assert get_search_backend().search(parse("water"), ArticlePage.objects.live()).count() == 2


def test_a_bulk_load_inside_a_transaction_keeps_the_index(stories):
    """Dropped inside a transaction, the index would lock readers' searches out until the
    commit, and building it again there can read TOAST the load deleted (CI, Dec 2026)."""
    with postgres_backend.rum_index_set_aside(connection.alias), connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_indexes WHERE indexname = %s", [postgres_backend.RUM_INDEX]
        )
        assert cursor.fetchone()
    assert postgres_backend.has_rum_index(connection.alias)
