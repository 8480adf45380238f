from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from caching import fragments

from . import links, routing


def editions(request: HttpRequest) -> dict:
    """For every template: `editions`, the links to the other edition (a page's own context
    replaces it with its translations'), and `edition`, the edition's home: its address, and
    its tagline and footer note (blank: the magazine settings')."""
    return {
        "editions": SimpleLazyObject(lambda: links.for_view(request)),
        "edition": SimpleLazyObject(lambda: _edition_home(request)),
    }


def _edition_home(request: HttpRequest) -> dict:
    if Site.find_for_request(request) is None:
        return {"url": "/", "tagline": "", "footer_note": ""}

    def home() -> dict:
        page = routing.edition_home(request)
        return {
            "url": page.get_url(request),
            "tagline": getattr(page, "tagline", ""),
            "footer_note": getattr(page, "footer_note", ""),
        }

    return fragments.cached(fragments.name("edition", request), home, request=request)
