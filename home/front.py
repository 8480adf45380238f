"""The home page's slots (lead, latest, featured, section rails) as a cached fragment
(caching/fragments.py): any article published changes "Latest", so they are made once per
change, however many readers come between."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from caching import fragments, surrogate_keys
from news import listings


def front(request: HttpRequest, home) -> dict:
    """The slots as HTML ("html") and the page's metadata ("meta")."""

    def make() -> dict:
        featured_ids = [item.article_id for item in home.featured_articles.all()]
        context = listings.home_listings(home, home.lead_story_id, featured_ids)
        return {
            "html": render_to_string("home/front.html", {"page": home, **context}, request),
            "meta": home.meta(request),
        }

    return fragments.cached(
        fragments.name("home", request, home.pk),
        make,
        keys=[surrogate_keys.page(home.pk)],
        request=request,
    )
