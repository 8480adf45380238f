"""The words of an article that say what it is about, to find related coverage with.

Like Elasticsearch's more_like_this (its `max_doc_freq`), words that a large share of the
magazine's articles contain are left out: they say little about a story, and on PostgreSQL
each of them would make the search rank tens of thousands of matches. The shares come from
the statistics PostgreSQL's ANALYZE keeps of the search index: the most common lexemes of the
body vectors, with the share of rows that hold each. Other databases get every word.
"""

from django.conf import settings
from django.db import connection

MAX_DOC_FREQ = 0.05  # words in more than one article in twenty say too little
MAX_TERMS = 5
MIN_TERMS = 2  # when every word is common, the least common still say something

_FREQUENCIES = """
WITH common AS (
    SELECT unnest(most_common_elems::text::text[]) AS lexeme,
           unnest(most_common_elem_freqs::text::real[]) AS share
    FROM pg_stats
    WHERE tablename = 'wagtailsearch_indexentry' AND attname = 'body'
)
SELECT word, coalesce(max(common.share), 0)
FROM unnest(%s::text[]) AS word
CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector(%s::regconfig, word))) AS lexeme
LEFT JOIN common USING (lexeme)
GROUP BY word
"""


def distinctive(words: list[str]) -> list[str]:
    """The words most telling of a text about `words`, rarest first."""
    if connection.vendor != "postgresql" or not words:
        return words
    shares = document_shares(words)
    ranked = sorted((word for word in dict.fromkeys(words) if word in shares), key=shares.get)
    rare = [word for word in ranked if shares[word] <= MAX_DOC_FREQ]
    return (rare or ranked[:MIN_TERMS])[:MAX_TERMS]


def document_shares(words: list[str]) -> dict[str, float]:
    """The share of indexed rows holding each word (0 when it is not among the most common).

    Words the text search configuration drops (stop words) are left out.
    """
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG", "english")
    with connection.cursor() as cursor:
        cursor.execute(_FREQUENCIES, [list(words), config])
        return dict(cursor.fetchall())
