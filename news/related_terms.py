"""The words of an article that say what it is about, to find related coverage with.

Like Elasticsearch's more_like_this (its `max_doc_freq`), words that thousands of the
magazine's articles contain are left out: they say little about a story, and on PostgreSQL each
of them would make the search rank thousands of matches for three cards. How many articles hold
a word comes from the statistics PostgreSQL's ANALYZE keeps of the search index: the most common
lexemes of the body vectors with the share of rows holding each, times the rows. A small
magazine loses no word; other databases get every word.
"""

from django.db import connection

from core.text import search_configuration

MAX_DOC_COUNT = 2000  # a word in more articles than this says too little, and costs too much
MAX_TERMS = 8
MIN_TERMS = 2  # when every word is common, the least common still say something

_COUNTS = """
WITH common AS (
    SELECT unnest(most_common_elems::text::text[]) AS lexeme,
           unnest(most_common_elem_freqs::text::real[]) AS share
    FROM pg_stats
    WHERE tablename = 'wagtailsearch_indexentry' AND attname = 'body'
), entries AS (
    SELECT reltuples AS total FROM pg_class WHERE relname = 'wagtailsearch_indexentry'
)
SELECT word, coalesce(max(common.share), 0) * max(entries.total)
FROM unnest(%s::text[]) AS word
CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector(%s::regconfig, word))) AS lexeme
LEFT JOIN common USING (lexeme)
CROSS JOIN entries
GROUP BY word
"""


def distinctive(words: list[str]) -> list[str]:
    """The words most telling of a text about `words`, rarest first."""
    if connection.vendor != "postgresql" or not words:
        return words
    counts = document_counts(words)
    ranked = sorted((word for word in dict.fromkeys(words) if word in counts), key=counts.get)
    rare = [word for word in ranked if counts[word] <= MAX_DOC_COUNT]
    return (rare or ranked[:MIN_TERMS])[:MAX_TERMS]


def document_counts(words: list[str]) -> dict[str, float]:
    """About how many indexed rows hold each word (0 when it is not among the most common).

    Words the text search configuration drops (stop words) are left out.
    """
    # The configuration the edition's vectors were made with (search's migrations).
    with connection.cursor() as cursor:
        cursor.execute(_COUNTS, [list(words), search_configuration()])
        return dict(cursor.fetchall())
