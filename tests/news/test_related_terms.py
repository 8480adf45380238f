"""Related coverage searches for an article's telling words, not for words every story has."""

import pytest
from django.db import connection

from news import listings
from news import related_terms as terms
from tests import builders


def test_other_databases_get_every_word(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")
    assert terms.distinctive(["port", "harbour"]) == ["port", "harbour"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_words_in_most_articles_are_left_out(magazine, monkeypatch):
    monkeypatch.setattr(terms, "MAX_DOC_COUNT", 10)  # a big magazine's threshold, scaled down
    for i in range(30):
        builders.article(
            magazine.andes,
            f"Market report {i}",
            [magazine.ana],
            body=[builders.paragraph(f"The market moved today, report {i}.")],
        )
    lone = builders.article(
        magazine.politics,
        "Lithium market",
        [magazine.ben],
        body=[builders.paragraph("Lithium prices on the market.")],
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    counts = terms.document_counts(["market", "lithium", "the"])
    assert counts["market"] > terms.MAX_DOC_COUNT > counts["lithium"]
    assert "the" not in counts  # a stop word has no lexeme
    assert terms.distinctive(["market", "lithium"]) == ["lithium"]
    # Every word common: the least common still count.
    assert set(terms.distinctive(["market", "report", "today"])) <= {"market", "report", "today"}
    assert len(terms.distinctive(["market", "report", "today"])) == terms.MIN_TERMS
    related = listings.related_by_search(
        "Lithium market", listings.card_ids().exclude(pk=lone.pk), 3
    )
    assert related == []  # no other article is about lithium; the market reports do not count


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_a_small_magazine_loses_no_word(magazine):
    for i in range(30):
        builders.article(magazine.andes, f"Market report {i}", [magazine.ana])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailsearch_indexentry")
    assert set(terms.distinctive(["market", "lithium", "report"])) == {
        "market",
        "lithium",
        "report",
    }
