from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from caching import fragments
from editions import routing
from news import listings


def navigation(request: HttpRequest) -> dict:
    """The sections for the site header and footer, as titles and addresses: made when a
    template shows them, and kept as a fragment until the site's key is touched (a section's
    change touches it)."""

    def sections():
        site = Site.find_for_request(request)
        if site is None:
            return []
        # The sections of the edition being read, under its own home.
        return fragments.cached(
            f"nav:{site.pk}",
            lambda: [
                {"pk": section.pk, "title": section.title, "url": section.get_url(request)}
                for section in listings.top_sections(routing.edition_home(request)).in_menu()
            ],
            request=request,
        )

    return {"nav_sections": SimpleLazyObject(sections)}
