"""Words out of free text, for search (shared by the search page and the related listings),
and whether rich text holds any."""

import html as entities
import re
import unicodedata

from django.conf import settings
from django.utils.html import strip_tags

from core.language import active

# Letters and digits in any script, accented ones included; everything else separates words.
# The search engines' own syntax (quotes, *, ^, :, -, parentheses, NEAR) never survives this.
_WORD = re.compile(r"[^\W_]+")

# Words too common to say what an article is about.
_STOPWORD_TEXT = """
    a about after again against all also an and any are as at be because been before being
    between both but by can could did do does during each for from further had has have he her
    here hers him his how i if in into is it its just may me might more most must my new no nor
    not now of off on once one only or other our out over own same says said she should so some
    such than that the their them then there these they this those through to too under until up
    us very was we were what when where which while who whom why will with would year years you
    your"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# Characters that take no room: zero-width spaces and joiners, the byte-order mark.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def words(text: str) -> list[str]:
    """The words of `text`, in order: "Bogotá's metro (2026)" gives Bogotá, s, metro, 2026."""
    return _WORD.findall(text)


def keywords(text: str) -> list[str]:
    """The words of `text` that say what it is about, each once, lowercased."""
    seen: dict[str, None] = {}
    for word in words(text):
        lowered = word.lower()
        if len(lowered) > 1 and lowered not in STOPWORDS:
            seen.setdefault(lowered, None)
    return list(seen)


def fold(text: str) -> str:
    """`text` without case or accents, to compare names: "Lucía Otálora" gives "lucia otalora"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def names_match(name: str, query_words: list[str]) -> bool:
    """Whether every word of the query is a word of `name`, ignoring case and accents."""
    name_words = set(words(fold(name)))
    return bool(query_words) and all(fold(word) in name_words for word in query_words)


def has_text(html: str) -> bool:
    """Whether rich text holds anything a reader would see: not only empty paragraphs, line
    breaks or spaces ("<p></p>", "<p><br/></p>", "<p>&nbsp;</p>"), which the editor saves
    while the last keystrokes are still on their way."""
    text = entities.unescape(strip_tags(html or ""))
    return bool(text.translate(_INVISIBLE).strip())


def search_configuration(language: str | None = None) -> str:
    """PostgreSQL's text search configuration for `language` (the active one by default):
    its stemmer, after unaccent."""
    return settings.TEXT_SEARCH_CONFIGURATIONS.get(
        language or active(), settings.TEXT_SEARCH_CONFIGURATION
    )
