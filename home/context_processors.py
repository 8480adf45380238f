from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from news import listings


def navigation(request: HttpRequest) -> dict:
    """The sections for the site header, queried only by templates that show them."""

    def sections():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return list(listings.top_sections(site.root_page).in_menu())

    return {"nav_sections": SimpleLazyObject(sections)}
