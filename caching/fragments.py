"""Fragments: the parts of a page that other content changes, cached apart from the page.

An article's "More in" and "More from" rails and related coverage, a section's list of cards,
the home page's slots, the sections menu and the magazine's settings are each made once and
kept under the surrogate keys of what they show, exactly as whole pages are (page_cache.py):
a change forgets the fragments that carry a key it touches, on every app server, and no other.
So a page rendered anew (for an editor with a session, or after a change) remakes only the
fragments that changed, and the rest of the page is its own content.

A fragment adds its keys to the response that shows it, stored or made, so that the page
cache and an edge cache in front forget the page when a fragment would change. One made while
something changed (CHANGES_KEY moved), or without a picture whose crops are not made yet
(crops.py), is used for its page but not stored. Previews never use or store fragments: they
show what is not published. Like pages, fragments are kept under the release that made them.
"""

import logging
from collections.abc import Callable, Iterable
from typing import TypeVar

from wagtail.models import Site

from caching import page_cache, surrogate_keys
from caching.release import release
from core import crops
from core.language import active

logger = logging.getLogger(__name__)
PREFIX = "fragment:"
Value = TypeVar("Value")


def name(kind: str, request, *parts) -> str:
    """A fragment's name: its kind, the request's site (pages link within it) and `parts`."""
    site = Site.find_for_request(request)
    return ":".join(str(part) for part in (kind, site.pk if site else 0, *parts))


def cached(
    name: str, make: Callable[[], Value], *, keys: Iterable[str] = (), request=None
) -> Value:
    """The fragment `name`, made by `make()` unless stored and still current.

    `make` notes the surrogate keys of what it shows as it chooses it (the listings module
    does); `keys` adds any it does not. `name` must hold everything else the fragment depends
    on (the page's id, the page number, the site).
    """
    if page_cache.switched_off() or getattr(request, "is_preview", False):
        surrogate_keys.note(*keys)
        return make()
    # Each edition's fragments apart: their words and lists are in its language.
    language = active()
    address = f"{PREFIX}{release()}:{language}:{name}"
    try:
        found = page_cache.cache().get_many([page_cache.CHANGES_KEY, address])
        stored = found.get(address)
        if stored is not None and page_cache.current(stored[0]):
            surrogate_keys.note(*stored[0])
            return stored[1]
        changes_before = found.get(page_cache.CHANGES_KEY) or page_cache.changes()
    except Exception:  # a cache that is down stops no page
        logger.warning("Fragment cache unavailable; making %s", name, exc_info=True)
        surrogate_keys.note(*keys)
        return make()
    pictures_left_out = crops.missing_so_far()
    with surrogate_keys.collecting() as shown:
        value = make()
    # What every page of the edition shows (its sections' names, say) goes with it.
    shown.update(keys, [surrogate_keys.edition(language)])
    surrogate_keys.note(*shown)
    if crops.missing_so_far() > pictures_left_out:
        return value  # made without a picture whose crops are not made yet: not kept
    try:
        stored_tokens = page_cache.tokens(shown)
        if page_cache.cache().get(page_cache.CHANGES_KEY) == changes_before:
            page_cache.cache().set(address, (stored_tokens, value), FRAGMENT_SECONDS)
    except Exception:
        logger.warning("Fragment cache unavailable; %s not stored", name, exc_info=True)
    return value


# A change forgets a fragment at once; this only bounds what an unused one costs the cache.
FRAGMENT_SECONDS = 24 * 60 * 60
