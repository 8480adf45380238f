"""Image renditions made when an article is published, so that no reader's request makes one.

Encoding an AVIF, WebP and JPEG of every size a page shows takes about a second an image: the
editor who publishes pays it once, not the first readers. The renditions are made by rendering
what readers will see (the article page, and its card in every size the listings use), so the
sizes here can never drift from the templates'.
"""

import logging

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.test import RequestFactory

from . import listings

CARD_SIZES = ("lead", "standard", "related")
logger = logging.getLogger(__name__)


def prepare(article) -> None:
    """Makes every rendition the article's page and its cards show."""
    site = article.get_site()
    request = RequestFactory().get(
        article.get_url_parts()[2], HTTP_HOST=site.hostname, SERVER_PORT=site.port
    )
    request.user = AnonymousUser()
    request.session = {}
    TemplateResponse(request, article.get_template(request), article.get_context(request)).render()
    cards = listings.with_sections(listings.articles().filter(pk=article.pk))
    for card in cards:
        for size in CARD_SIZES:
            render_to_string("includes/card.html", {"article": card, "size": size}, request)


def prepare_when_published(sender, instance, **kwargs) -> None:
    transaction.on_commit(lambda: _prepare_quietly(instance))


def _prepare_quietly(article) -> None:
    # Publishing has happened and stands; at worst a reader's request makes what is missing.
    try:
        prepare(article)
    except Exception:
        logger.exception("Could not prepare the image renditions of %s", article.url_path)
