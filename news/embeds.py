"""Embeds (videos, posts) are looked up when an article is saved, never for a reader.

Wagtail's EmbedBlock asks the provider (oEmbed over the network) whenever it renders a URL it
has not stored, and stores nothing when the lookup fails: with the provider unreachable every
uncached render of such an article waited on a DNS lookup and then up to 10 s, holding a worker.
Here a body's embeds are looked up in a background task once the article is saved or
published; the answer is stored in Wagtail's Embed table whether it is an embed or a failure
(a failure as an empty embed, tried again after RETRY_FAILURES_AFTER by `resolve_embeds`, which
the scheduler runs). Rendering reads only what is stored, in one query per page, and shows a
plain link to the original when there is no embed.
"""

import logging
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django_tasks import task
from wagtail.embeds.blocks import EmbedValue
from wagtail.embeds.embeds import get_embed, get_embed_hash
from wagtail.embeds.exceptions import EmbedException
from wagtail.embeds.models import Embed

from caching import surrogate_keys

RETRY_FAILURES_AFTER = timedelta(hours=1)
logger = logging.getLogger(__name__)


class StoredEmbedValue(EmbedValue):
    """An EmbedBlock's value whose HTML comes from the stored lookup only ("" when none)."""

    @property
    def hash(self) -> str:
        return get_embed_hash(self.url, self.max_width, self.max_height)

    @cached_property
    def stored(self) -> Embed | None:
        return Embed.objects.filter(hash=self.hash).first()

    @cached_property
    def html(self) -> str:
        surrogate_keys.note(surrogate_keys.embed(self.hash))  # a failed lookup may succeed
        return frontend_html(self.stored)


def frontend_html(embed: Embed | None) -> str:
    if embed is None or not embed.html:
        return ""
    return render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})


def load_stored(values: list[StoredEmbedValue]) -> None:
    """Looks up the stored embeds of `values` in one query, for a page that shows several."""
    wanted = {value.hash: value for value in values if "stored" not in value.__dict__}
    if not wanted:
        return
    found = {embed.hash: embed for embed in Embed.objects.filter(hash__in=list(wanted))}
    for embed_hash, value in wanted.items():
        value.__dict__["stored"] = found.get(embed_hash)


def embed_values(body) -> list[StoredEmbedValue]:
    return [block.value for block in body if block.block_type == "embed" and block.value]


def resolve(value: EmbedValue, retry: bool = False) -> Embed:
    """Stores the provider's embed for `value`, or a failure. A stored embed is kept; a stored
    failure is tried again only when `retry` and it is due."""
    embed_hash = get_embed_hash(value.url, value.max_width, value.max_height)
    stored = Embed.objects.filter(hash=embed_hash).first()
    if stored is not None and (stored.html or not retry or stored.cache_until > timezone.now()):
        return stored
    try:
        Embed.objects.filter(hash=embed_hash, html="").delete()  # so that Wagtail asks again
        return get_embed(value.url, value.max_width, value.max_height)
    except EmbedException as error:
        reason = type(error).__name__
    except OSError as error:  # the network: no route, no name, a timeout
        reason = f"{type(error).__name__}: {error}"
    logger.warning("No embed for %s (%s); readers get a link", value.url, reason)
    failure, _ = Embed.objects.update_or_create(
        hash=embed_hash,
        defaults={
            "url": value.url,
            "max_width": value.max_width,
            "type": "link",
            "html": "",
            "title": f"Not found: {reason}"[:500],
            "cache_until": timezone.now() + RETRY_FAILURES_AFTER,
        },
    )
    return failure


@task()
def resolve_page_embeds(urls: list[str], retry: bool = False) -> None:
    for url in urls:
        resolve(StoredEmbedValue(url), retry=retry)


def queue_lookups(body) -> None:
    """Looks up `body`'s embeds in the background, once the change that holds them commits."""
    urls = sorted({value.url for value in embed_values(body)})
    if urls:
        transaction.on_commit(partial(resolve_page_embeds.enqueue, urls), robust=True)


def failed_urls() -> list[str]:
    """The URLs whose lookup failed and is due again."""
    due = Embed.objects.filter(html="", cache_until__lte=timezone.now())
    return list(due.values_list("url", flat=True))
