"""Image crops made in the background, so that no reader's request makes one (core/crops.py).

Encoding an AVIF and a JPEG of every size a page shows takes about a second an image; it
used to be paid inside the editor's publish request (10-13 s for an article with pictures).
Now publishing a page, or changing a picture, queues a task (Django's tasks framework: the
worker of `make run` and `make prod`) that makes the crops by rendering what readers will see,
the page, and an article's card pictures in every size the listings show (news/cards.py, the
one place those sizes are written). Until the task has run, readers get the page without the
pictures whose crops are missing, and no cache keeps that page (see core/crops.py).
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django_tasks import task
from wagtail.models import Page, ReferenceIndex

from core import crops

from . import cards
from .models import ArticlePage

logger = logging.getLogger(__name__)


@task()
def prepare_pictures(page_id: int) -> None:
    """Makes every crop the live page `page_id` shows (nothing, if it is no longer live)."""
    page = Page.objects.live().filter(pk=page_id).specific().first()
    if page is None or not shows_pictures(page):
        return
    try:
        prepare(page)
    except Exception:
        logger.exception("Could not prepare the image renditions of %s", page.url_path)
        raise


def shows_pictures(page: Page) -> bool:
    """Whether the page has crops of its own to make. An article: its hero, its body's
    pictures, its authors' portraits; an author: their portrait; the logo is the settings'
    (home/crops.py). Listings show cards, whose crops are made with their articles."""
    if isinstance(page, ArticlePage):
        if page.has_pictures():
            return True
        return page.article_authors.filter(author__photo__isnull=False).exists()
    return getattr(page, "photo_id", None) is not None


def prepare(page: Page) -> None:
    """Makes every crop `page` shows, and for an article, its cards'."""
    request = reader_request(page)
    TemplateResponse(request, page.get_template(request), page.get_context(request)).render()
    if isinstance(page, ArticlePage) and page.hero_image:
        for picture in cards.PICTURES.values():  # its card, in every size the listings show
            crops.renditions(page.hero_image, picture.filters)


def reader_request(page: Page) -> HttpRequest:
    """An anonymous reader's GET of `page` on its site, to render it with outside any request
    (no middleware runs: nothing is cached or logged)."""
    site = page.get_site()
    request = HttpRequest()
    request.method = "GET"
    request.path = request.path_info = page.get_url_parts()[2]
    request.META = {"HTTP_HOST": site.hostname, "SERVER_NAME": site.hostname}
    request.META["SERVER_PORT"] = str(site.port)
    request.user = AnonymousUser()
    request.session = {}
    return request


_made_later: ContextVar[bool] = ContextVar("crops_made_later", default=False)


@contextmanager
def made_later():
    """Within it nothing is queued: the caller makes the crops itself afterwards (`load_demo`
    loads a whole magazine, then makes all its crops at once with `prerender`)."""
    token = _made_later.set(True)
    try:
        yield
    finally:
        _made_later.reset(token)


def queue(page_ids) -> None:
    """Queues the pictures of `page_ids` once the change that needs them is committed."""
    if _made_later.get():
        return
    for page_id in dict.fromkeys(page_ids):
        transaction.on_commit(partial(prepare_pictures.enqueue, page_id), robust=True)


def prepare_when_published(sender, instance: Page, **kwargs) -> None:
    queue([instance.pk])


def prepare_where_shown(sender, instance, **kwargs) -> None:
    """A picture changed (a new file, a focal point): its crops are made anew for every live
    page that uses it (the logo's: home/crops.py)."""
    using = ReferenceIndex.get_references_to(instance).filter(
        base_content_type__app_label="wagtailcore", base_content_type__model="page"
    )
    page_ids = [int(pk) for pk in using.values_list("object_id", flat=True)]
    queue(Page.objects.live().filter(pk__in=page_ids).values_list("pk", flat=True))
