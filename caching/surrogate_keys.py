"""Surrogate keys: names for the content a response shows, so that a change forgets exactly
the responses that show what it touched, in the page cache and in an edge cache alike.

While a request is answered, the code that chooses what to show notes its keys here: the
listings module notes every card it hands out (the article, its section, its authors) and
every list it renders, a page notes itself, an embed notes its address. Every response also
carries SITE, for what every page shows (the magazine's settings, the menu): touching SITE
forgets them all. The keys go out in the `xkey` header (Varnish's xkey module), and as
`Surrogate-Key` (Fastly) and `Cache-Tag` (Cloudflare) when a CDN that reads them is set up.

A change names the keys it touches (`freshness`): an article's own key, and the keys of the
lists it is in now (those it was in before show its card, so carry its own key).
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps

from core.language import active

SITE = "site"


def edition(language: str) -> str:
    """Every page of one edition (its header shows the edition's sections and home)."""
    return f"edition-{language}"


def all_articles(language: str | None = None) -> str:
    """Lists of every article of an edition readers may see, newest first: feeds, sitemaps,
    the home page's latest. The edition is the active language's unless named."""
    return f"articles-{language or active()}"


def authors(language: str | None = None) -> str:
    """Lists of every author of an edition: the people page, the search form's filter, the
    sitemap."""
    return f"authors-{language or active()}"


def translations(translation_key) -> str:
    """Every page of one translation group: a page links its translations (the language
    switcher, hreflang), so a translation published or withdrawn touches them all."""
    return f"t{str(translation_key).replace('-', '')[:16]}"


_noted: ContextVar[set[str] | None] = ContextVar("surrogate_keys", default=None)


def page(pk: int) -> str:
    return f"p{pk}"


def listing(kind: str, pk: int) -> str:
    """The list of articles of one section ("section"), author ("author") or tag ("tag")."""
    return f"{kind}{pk}"


def image(pk: int) -> str:
    """A picture itself (its description, its credit), where a response shows it apart from
    any page (the API's images)."""
    return f"i{pk}"


def embed(embed_hash: str) -> str:
    return f"e{embed_hash}"


def note(*keys: str) -> None:
    """Notes that the response being made shows what `keys` name (nothing outside a request)."""
    noted = _noted.get()
    if noted is not None:
        noted.update(keys)


def note_pages(pks: Iterable[int]) -> None:
    note(*(page(pk) for pk in pks))


@contextmanager
def collecting() -> Iterator[set[str]]:
    """Collects the keys noted within; the set it yields fills as they are."""
    keys = {SITE}
    token = _noted.set(keys)
    try:
        yield keys
    finally:
        _noted.reset(token)


def shows(*keys: str):
    """A view that shows what `keys` name (for views that list through no listings, like
    Wagtail's sitemap)."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            note(*keys)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def header(keys: Iterable[str], name: str = "xkey") -> str:
    """The keys as the header `name` lists them: Cloudflare's Cache-Tag by commas, the others
    by spaces."""
    return ("," if name.lower() == "cache-tag" else " ").join(sorted(keys))
