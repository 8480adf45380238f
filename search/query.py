"""Turning what a visitor types into a query for Wagtail's search backends.

Only words reach the backend: phrases in double quotes, and the words around them, all of
which must match. Whatever else is typed (the engines' own operators, quotes left open, SQL,
emoji, control characters) is dropped rather than passed on, so no input can break a query.
"""

import re

from wagtail.search.query import And, Phrase, PlainText, SearchQuery

from core.text import STOPWORDS, words

MAX_QUERY_LENGTH = 200
# Results are counted this deep and no deeper: nobody pages through a thousand, and counting
# forty thousand matches would cost more than ranking the page (search/postgres_backend.py).
RESULTS_DEPTH = 1000
MAX_WORDS = 32
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_QUOTED = re.compile(r'"([^"]*)"')


def clean(text: str) -> str:
    """The query as we show it back and record it: one line, no control characters, cut short."""
    return " ".join(_CONTROL.sub(" ", text).split())[:MAX_QUERY_LENGTH].strip()


def parse(text: str) -> SearchQuery | None:
    """A backend query for `text`, or None when it holds no words at all."""
    parts: list[SearchQuery] = []
    loose: list[str] = []
    for quoted in _QUOTED.findall(text):
        phrase = words(quoted)
        if len(phrase) > 1:
            parts.append(Phrase(" ".join(phrase[:MAX_WORDS])))
        else:
            loose += phrase
    loose += words(_QUOTED.sub(" ", text))
    # "the economy of Brazil" looks for "economy Brazil": words in every article select nothing.
    meaningful = [word for word in loose if word.lower() not in STOPWORDS]
    if meaningful or parts:
        loose = meaningful
    if loose:
        parts.append(PlainText(" ".join(loose[:MAX_WORDS]), operator="and"))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)
