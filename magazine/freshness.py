"""What happens when something readers see changes: the page cache forgets every page (see
magazine.page_cache) and a CDN in front is told which addresses to drop.

Connected by home's AppConfig.ready().
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import reverse
from taggit.models import Tag
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import page_cache

SITE_WIDE = ("sitemap_index", "news_sitemap", "feed_rss", "feed_atom")


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"freshness-{signal}")
    post_delete.connect(page_deleted, dispatch_uid="freshness-page-deleted")
    # A restriction added, changed or removed anywhere above a page hides or shows it.
    post_save.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="freshness-vr")
    post_delete.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="freshness-vr-d")
    m2m_changed.connect(
        privacy_changed, sender=PageViewRestriction.groups.through, dispatch_uid="freshness-vr-g"
    )
    post_save.connect(embed_stored, sender=Embed, dispatch_uid="freshness-embed")
    settings_model = apps.get_model("home", "MagazineSettings")
    for model in (settings_model, get_image_model(), Tag, Site):
        post_save.connect(content_changed, sender=model, dispatch_uid=f"freshness-{model}")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"freshness-d-{model}")


def page_changed(sender, instance: Page, **kwargs) -> None:
    # URLs are worked out now, while the page is as it was published, moved or unpublished;
    # only when there is a CDN to tell.
    cdn = getattr(settings, "WAGTAILFRONTENDCACHE", None)
    urls = purge_urls(instance.specific) if cdn else set()
    transaction.on_commit(lambda: refresh(urls))


def page_deleted(sender, instance, **kwargs) -> None:
    # Once per deleted row of each model in the page's inheritance: act on Wagtail's own.
    if type(instance) is Page:
        transaction.on_commit(lambda: refresh(set()))


def privacy_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    """The restricted page and every page below it leave (or join) what readers see: each is
    forgotten as if unpublished (or published)."""
    urls: set[str] = set()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        page = Page.objects.filter(pk=instance.page_id).first()
        for shown in page.get_descendants(inclusive=True).specific() if page else ():
            urls |= purge_urls(shown)
    transaction.on_commit(lambda: refresh(urls))


def embed_stored(sender, instance: Embed, **kwargs) -> None:
    """An embed found in the background replaces the plain link pages were showing."""
    if instance.html:
        transaction.on_commit(lambda: refresh(set()))


def content_changed(sender, instance, **kwargs) -> None:
    transaction.on_commit(lambda: refresh(set()))


def refresh(urls: set[str]) -> None:
    page_cache.forget_every_page()
    if urls:
        batch = PurgeBatch()
        batch.add_urls(urls)
        batch.purge()


def purge_urls(page: Page) -> set[str]:
    """The addresses a CDN may hold that show `page`: the page and its listings' pages, every
    section above it and the home page, its authors, its tags, the feeds it appears in and the
    sitemaps. (Other articles' rails show it too; the CDN keeps those for s-maxage at most.)"""
    batch = PurgeBatch()
    root = _root_url(page)
    if root is None:
        return set()
    batch.add_page(page)
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).specific())
    batch.add_urls(root + reverse(name) for name in SITE_WIDE)
    batch.add_url(root + reverse("sitemap", args=["pages"]))
    # Its sections' feeds (a section's own, when the page is one).
    sections = page.get_ancestors(inclusive=True).type(apps.get_model("news", "NewsIndexPage"))
    for section in sections:
        batch.add_urls(
            root + reverse(name, args=[section.pk])
            for name in ("section_feed_rss", "section_feed_atom")
        )
    authors = getattr(page, "authors", [])
    if isinstance(page, apps.get_model("people", "AuthorPage")):
        authors = [page]
    for author in authors:
        batch.add_page(author)
        batch.add_urls(
            root + reverse(name, args=[author.pk])
            for name in ("author_feed_rss", "author_feed_atom")
        )
    for tag in page.tags.all() if hasattr(page, "tags") else ():
        batch.add_url(root + reverse("tag", args=[tag.slug]))
    return batch.urls


def _root_url(page: Page) -> str | None:
    parts = page.get_url_parts()
    return parts[1] if parts else None
