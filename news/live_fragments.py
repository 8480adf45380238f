"""A live page's updates, made once per change (caching/fragments.py) and shared by the page
and by the endpoint its readers' pages poll: posting an update forgets both (their surrogate
key, `live.updates_key`), the first request after it renders the updates once, and every
other poll is served from the page cache or the edge until the next update."""

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.template.loader import render_to_string

from caching import fragments, surrogate_keys
from core import seo

from .live import LivePage, LiveUpdate, ready_to_show, updates_key

# The newest updates the endpoint sends whole; older ones only by id (to notice removals).
SENT_WHOLE = 30


def poll_seconds() -> int:
    """How often readers' pages ask for new updates (LIVE_POLL_SECONDS, 30 by default)."""
    return getattr(settings, "LIVE_POLL_SECONDS", 30)


def updates(request: HttpRequest, page: LivePage) -> dict:
    """The page's shown updates, pinned first then newest first: each one's id, anchor,
    version, whether pinned, its HTML, and its data for the page's JSON-LD."""

    def make() -> dict:
        shown = list(page.updates.shown().select_related("author"))
        url = page.get_full_url(request)
        with ready_to_show(shown):
            items = [_item(request, page, update, url) for update in shown]
        return {"items": items, "status": page.status}

    return fragments.cached(
        fragments.name("live-updates", request, page.pk),
        make,
        keys=[updates_key(page.pk), surrogate_keys.page(page.pk)],
        request=request,
    )


def _item(request: HttpRequest, page: LivePage, update: LiveUpdate, url: str) -> dict:
    html = render_to_string("news/live_update.html", {"update": update, "page": page}, request)
    posting = {
        "@type": "BlogPosting",
        "headline": update.title or seo.summary(update.text(), 110),
        "url": f"{url}#{update.anchor}",
        "datePublished": seo.iso(update.posted_at),
        "articleBody": update.text(),
    }
    if update.author is not None:
        posting["author"] = {
            "@type": "Person",
            "name": update.author.title,
            "url": update.author.get_full_url(request),
        }
    if update.corrected_at:
        posting["dateModified"] = seo.iso(update.corrected_at)
    return {
        "id": update.pk,
        "anchor": update.anchor,
        "version": update.version,
        "pinned": update.pinned,
        "posted_at": update.posted_at,
        "html": html,
        "ld": posting,
    }


def updates_response(request: HttpRequest, page: LivePage) -> JsonResponse:
    """What readers' pages poll: the status, the newest SENT_WHOLE updates whole, and the
    ids of all that are shown. Browsers ask again each time; caches in front keep it until
    the next update forgets it."""
    found = updates(request, page)
    newest = sorted(found["items"], key=lambda item: (item["posted_at"], item["id"]), reverse=True)
    whole = {item["id"] for item in newest[:SENT_WHOLE]}
    response = JsonResponse(
        {
            "status": found["status"],
            "poll_seconds": poll_seconds(),
            "shown": [item["id"] for item in found["items"]],
            "updates": [
                {key: item[key] for key in ("id", "anchor", "version", "pinned", "html")}
                for item in found["items"]
                if item["id"] in whole
            ],
        }
    )
    # Readers' pages must see an update within a poll; the page cache and the edge are told
    # the moment there is one.
    response.cache_control_overrides = {"max_age": 0}
    response["X-Robots-Tag"] = "noindex"
    return response
