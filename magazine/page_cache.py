"""A full-page cache for anonymous readers, fresh the moment anything they see changes.

Every stored page carries a *generation*, a token in the same cache. Publishing,
unpublishing, moving or deleting a page, changing its privacy, or changing the magazine's
settings, a picture or a tag, replaces the token once the change is committed: from the next
request on, every page is rendered afresh, on every app server sharing the cache. A request
that began before the change stores its page with the old token, which no request takes, so no
stale page outlives a change. Tokens are never reused: were the token a counter, a cache that
expires or evicts it (Django's file cache rewrites it with its default timeout on `incr`; Redis
may evict it under memory pressure) would start counting again and make old pages current.
The token and the page come back from the cache together, in one round trip (a hit costs
little more than that). (Pages show each other: an article's rails, related coverage and
bylines reach across sections, so any narrower set of pages to forget would miss some.)

The same changes purge the URLs that show the page from a CDN in front
(`wagtail.contrib.frontend_cache`); see `purge_urls`.

Never cached: requests with a session (logged-in editors, previews), anything but GET and
HEAD, query strings other than paging (search with a query has its own no-cache header),
responses that are not 200, set a cookie or say private, no-cache or no-store.
"""

import hashlib
import secrets
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

GENERATION_KEY = "page-cache:generation"
# Query parameters that pick a page of a listing (`p`: the sitemap's pages).
PAGING = {"page", "p"}
# Added by newsletters and social networks; the page is the same without them.
TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
SKIPPED_PATHS = ("/admin/", "/documents/", "/media/", "/static/")


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def new_token() -> str:
    """A generation no cache has held before (128 random bits)."""
    return secrets.token_hex(16)


def generation() -> str:
    """The current generation; a new one when the cache has none (first use, expiry, eviction),
    so that pages stored under a lost one are never served again."""
    return cache().get_or_set(GENERATION_KEY, new_token, timeout=None)


def forget_every_page() -> None:
    """A new generation: every page is rendered afresh from the next request."""
    cache().set(GENERATION_KEY, new_token(), timeout=None)


def is_cached(key: str) -> bool:
    """Whether the page stored under `key` (see `cache_key`) would be served now."""
    stored = cache().get(key)
    return stored is not None and stored[0] == generation()


def cache_key(request: HttpRequest) -> str | None:
    """Where this request's page is stored, or None when it may not come from the cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    if request.path.startswith(SKIPPED_PATHS):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return None
    query = []
    for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True):
        if name.startswith(TRACKING):
            continue
        if name not in PAGING:
            return None
        query.append((name, value))
    # Hashed: an address may be longer than a cache key may be.
    address = f"{request.get_host()}{request.path}?{urlencode(sorted(query))}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


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
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        found = cache().get_many([GENERATION_KEY, key])
        current = found.get(GENERATION_KEY)
        if current is None:
            current = generation()
        stored = found.get(key)
        if stored is not None and stored[0] == current:
            response = stored[1]
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and storable(response):
            patch_cache_control(response, **settings.PAGE_CACHE_CONTROL)
            # With the generation read before rendering: a change made meanwhile outdates it.
            cache().set(key, (current, response), settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response
