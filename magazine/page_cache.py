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

Pages are keyed on what changes them only (magazine/cache_keys.py). Never cached: requests
with a session (logged-in editors, previews), anything but GET and HEAD, search with a query or
filters, responses that are not 200, set a cookie or say private, no-cache or no-store.
"""

import logging
import secrets

from django.conf import settings
from django.core.cache import caches
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.utils.cache import patch_cache_control

from . import cache_keys

logger = logging.getLogger(__name__)
GENERATION_KEY = "page-cache:generation"
# Not pages: the admin, files, and Wagtail's sign-in and password forms for private pages.
SKIPPED_PATHS = ("/admin/", "/documents/", "/media/", "/static/", "/_util/")


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


def cacheable(request: HttpRequest) -> bool:
    """Whether this request may be answered from the cache at all."""
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PATHS)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cache_key(request: HttpRequest) -> str | None:
    """Where this request's page is stored, or None when it may not come from the cache."""
    return cache_keys.canonical(request).key if cacheable(request) else None


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
        key = address.key
        cache_keys.keep_only(request, address.query)
        try:
            found = cache().get_many([GENERATION_KEY, key])
            current = found.get(GENERATION_KEY) or generation()
        except Exception:  # a cache that is down or full serves no page, and stops none
            logger.warning(
                "Page cache unavailable; serving %s uncached", request.path, exc_info=True
            )
            return self.get_response(request)
        stored = found.get(key)
        if stored is not None and stored[0] == current:
            response = stored[1]
            response["X-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if cache_keys.page_ignored(request, address):
            return HttpResponsePermanentRedirect(request.path)
        if request.method == "GET" and storable(response):
            patch_cache_control(response, **settings.PAGE_CACHE_CONTROL)
            response["X-Cache"] = "miss"
            try:
                # With the generation read before rendering: a change made meanwhile outdates it.
                cache().set(key, (current, response), settings.PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("Page cache unavailable; %s not stored", request.path, exc_info=True)
        return response
