"""A full-page cache for anonymous readers, fresh the moment anything they see changes.

Every response carries surrogate keys naming what it shows (caching/surrogate_keys.py), and
every key has a *token* in the same cache. A page is stored with the tokens its keys had; it
is served while they all still have them. A change, once committed, replaces the tokens of
the keys it touches (`touch`): from the next request on, exactly the pages that show what
changed are rendered afresh, on every app server sharing the cache, and the others stay.
Every change also replaces one more token, CHANGES_KEY, read before and after each render: a
page whose render overlapped a change is neither stored nor kept by a cache in front, so no
stale page outlives a change. Tokens are random and never reused: were they counters, a
cache that expires or evicts one (Django's file cache rewrites a counter with its default
timeout on `incr`; Redis may evict under memory pressure) would count again from the start
and make old pages current; a lost token is replaced by a new one, which no page holds.

The same changes purge what shows the page from a CDN in front (`wagtail.contrib.frontend_cache`
and caching/freshness.py).

Pages are keyed on what changes them only (caching/cache_keys.py), under the release that made
them (caching/release.py): a deploy shows every page anew. Never cached: requests
with a session (logged-in editors, previews), anything but GET and HEAD, search with a query or
filters, responses that are not 200, set a cookie or say private, no-cache or no-store.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils.cache import patch_cache_control

from caching import cache_keys, compression, surrogate_keys
from caching.release import release

logger = logging.getLogger(__name__)
CHANGES_KEY = "page-cache:changes"
TOKEN_PREFIX = "key:"
# Not pages: the admin, files, and Wagtail's sign-in and password forms for private pages.
SKIPPED_PATHS = ("/admin/", "/documents/", "/media/", "/static/", "/_util/")


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def new_token() -> str:
    """A token no cache has held before (128 random bits)."""
    return secrets.token_hex(16)


def tokens(keys) -> dict[str, str]:
    """The current token of each of `keys`; a new one for a key the cache has none of (first
    use, expiry, eviction), so that pages stored under a lost one are never served again."""
    names = {TOKEN_PREFIX + key: key for key in keys}
    found = cache().get_many(list(names))
    missing = [name for name in names if name not in found]
    if missing:
        for name in missing:
            cache().add(name, new_token(), timeout=None)  # unless another request was first
        found.update(cache().get_many(missing))
    return {names[name]: token for name, token in found.items()}


def current(stored: dict[str, str]) -> bool:
    """Whether the keys of a stored page still have the tokens it was stored with."""
    found = cache().get_many([TOKEN_PREFIX + key for key in stored])
    return all(found.get(TOKEN_PREFIX + key) == token for key, token in stored.items())


def touch(keys) -> None:
    """Forgets every page showing what `keys` name, from the next request on."""
    fresh = {TOKEN_PREFIX + key: new_token() for key in keys}
    cache().set_many({**fresh, CHANGES_KEY: new_token()}, timeout=None)


def forget_every_page() -> None:
    """Every page shows the site's own key: for site-wide changes only."""
    touch([surrogate_keys.SITE])


def changes() -> str:
    return cache().get_or_set(CHANGES_KEY, new_token, timeout=None)


def is_cached(key: str) -> bool:
    """Whether the page stored under `key` (see `cache_key`) would be served now."""
    stored = cache().get(key)
    return stored is not None and current(stored[0])


def switched_off() -> bool:
    """The page cache is a dummy (the tests but those of the page cache)."""
    backend = settings.CACHES[settings.PAGE_CACHE_ALIAS]["BACKEND"]
    return backend == "django.core.cache.backends.dummy.DummyCache"


def cacheable(request: HttpRequest) -> bool:
    """Whether this request may be answered from the cache at all."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PATHS)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cache_key(request: HttpRequest) -> str | None:
    """Where this request's page is stored, or None when it may not come from the cache."""
    key = cache_keys.canonical(request).key if cacheable(request) else None
    return stored_under(key) if key else None


def stored_under(key: str) -> str:
    """Pages are stored under the release that made them (release.py)."""
    return f"{release()}:{key}"


def storable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # "Vary: Cookie" is no reason to refuse: the page was made for a request without a session,
    # and only such requests are answered from the cache.
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-cache", "no-store"))


class PageCacheMiddleware:
    """Serves anonymous readers from the cache; place it above the session middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not cacheable(request):
            return self.get_response(request)
        address = cache_keys.canonical(request)
        if address.redirect:
            return HttpResponsePermanentRedirect(address.redirect)
        if address.bypass:
            return self.get_response(request)
        if address.key is None:
            raise Http404("No such page.")
        key = stored_under(address.key)
        cache_keys.keep_only(request, address.query)
        if switched_off():  # pages still say what they show
            return self.render(request, address)[0]
        try:
            found = cache().get_many([CHANGES_KEY, key])
            changes_before = found.get(CHANGES_KEY) or changes()
            stored = found.get(key)
            # (A page stored by an older release, in another shape, is rendered again.)
            if stored is not None and len(stored) == 3 and current(stored[0]):
                _, response, bodies = stored
                compression.encode(request, response, bodies)
                response["X-Cache"] = "hit"
                return response
        except Exception:  # a cache that is down or full serves no page, and stops none
            logger.warning(
                "Page cache unavailable; serving %s uncached", request.path, exc_info=True
            )
            return self.get_response(request)
        response, keys = self.render(request, address)
        if keys and request.method == "GET" and storable(response):
            self.store(request, key, keys, changes_before, response)
        return response

    def render(self, request, address) -> tuple[HttpResponse, set[str]]:
        """The view's response, with the surrogate keys of what it shows (none: a redirect)."""
        with surrogate_keys.collecting() as keys:
            response = self.get_response(request)
        if cache_keys.page_ignored(request, address):
            return HttpResponsePermanentRedirect(request.path), set()
        for name in settings.SURROGATE_KEY_HEADERS:
            response[name] = surrogate_keys.header(keys, name)
        return response, keys

    @staticmethod
    def store(request, key: str, keys: set[str], changes_before: str, response) -> None:
        try:
            # The keys' tokens first, the changes token last: a change committed at any time
            # since the render began shows in the latter.
            stored_tokens = tokens(keys)
            overlapped = cache().get(CHANGES_KEY) != changes_before
        except Exception:
            logger.warning("Page cache unavailable; %s not stored", request.path, exc_info=True)
            return
        if overlapped:
            # Made while something changed: it may show the old; no cache may keep it.
            patch_cache_control(response, no_cache=True, max_age=0)
            return
        # A view may ask browsers to come back sooner (a live page's updates: every poll).
        overrides = getattr(response, "cache_control_overrides", {})
        patch_cache_control(response, **{**settings.PAGE_CACHE_CONTROL, **overrides})
        response["X-Cache"] = "miss"
        # Stored compressed only (caching/compression.py); this reader too is sent it so.
        bodies = compression.compressed(response.content)
        content = response.content
        if bodies:
            response.content = b""
        try:
            cache().set(key, (stored_tokens, response, bodies), settings.PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Page cache unavailable; %s not stored", request.path, exc_info=True)
        response.content = content
        compression.encode(request, response, bodies)
