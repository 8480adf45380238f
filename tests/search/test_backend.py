"""The ranked SQLite backend finds exactly what Wagtail's own does, in a better order."""

import pytest
from django.db import connection

if connection.vendor != "sqlite":
    # Wagtail defines the SQLite full-text index model only on SQLite.
    pytest.skip("SQLite's search backend only", allow_module_level=True)

from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
from wagtail.search.backends import get_search_backend

from news.models import ArticlePage
from search.query import parse


@pytest.mark.parametrize("text", ["water", "bogota water", '"water level"', "nothing"])
def test_same_matches_and_counts_as_wagtails_backend(stories, text):
    ours, stock = get_search_backend(), SQLiteSearchBackend({})
    articles = ArticlePage.objects.live()
    query = parse(text)
    found = ours.search(query, articles)
    expected = stock.search(query, articles)
    assert {a.pk for a in found} == {a.pk for a in expected}
    assert found.count() == expected.count() == len(list(expected))


def test_a_headline_match_outranks_a_body_that_repeats_the_word(stories):
    found = get_search_backend().search(parse("water"), ArticlePage.objects.live())
    assert [a.title for a in found][0] == "Water rationing ends in Bogotá"


def test_newest_first_and_slices_and_scores(stories):
    backend = get_search_backend()
    newest = backend.search(
        parse("water"),
        ArticlePage.objects.live().order_by("-display_date"),
        order_by_relevance=False,
    )
    assert [a.title for a in newest] == [
        "Budget passes",
        "Dams on the river",
        "Water rationing ends in Bogotá",
    ]
    ranked = backend.search(parse("water"), ArticlePage.objects.live()).annotate_score("score")
    assert len(ranked[1:3]) == 2
    scores = [a.score for a in ranked]
    assert scores == sorted(scores)  # bm25: lower is more relevant
