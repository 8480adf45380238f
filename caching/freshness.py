"""What happens when something readers see changes: the page cache forgets the pages that
show it, by the surrogate keys the change touches (caching/surrogate_keys.py, and
caching.page_cache), and a CDN in front is told which addresses to drop.

A page says which keys a change of it touches (`touched_keys()`: an article its own and its
lists'); a page without that method (a section, the home page) is shown on every page, in the
menu or the breadcrumbs: its change touches SITE, as the sites' do. A page says too where else a
CDN shows it (`cdn_addresses()`: its authors' pages, its feeds, its tags).

Wagtail's own models are connected here, by caching's AppConfig.ready(); the apps above connect
their own models' changes through `forget()` and `connect_site_wide()`, so that this app knows
none of them.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from caching import edge, page_cache, surrogate_keys


def take_over_from_wagtail() -> None:
    """Stops Wagtail's own purge on publishing and unpublishing: `page_changed` purges the page's
    addresses with everything else that shows it, once the change commits; Wagtail's handlers
    would purge the page a second time, and before the commit. Runs after
    wagtail.contrib.frontend_cache has connected them (caching/apps.py)."""
    from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purges

    for model in apps.get_models():
        if issubclass(model, Page):
            page_published.disconnect(wagtail_purges.page_published_signal_handler, sender=model)
            page_unpublished.disconnect(
                wagtail_purges.page_unpublished_signal_handler, sender=model
            )


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"freshness-{signal}")
    # The lists a page was in before it changes or moves: their later pages shift.
    pre_save.connect(page_about_to_change, dispatch_uid="freshness-page-before")
    pre_page_move.connect(page_about_to_move, dispatch_uid="freshness-page-move-before")
    post_delete.connect(page_deleted, dispatch_uid="freshness-page-deleted")
    # A restriction added, changed or removed anywhere above a page hides or shows it.
    post_save.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="freshness-vr")
    post_delete.connect(privacy_changed, sender=PageViewRestriction, dispatch_uid="freshness-vr-d")
    m2m_changed.connect(
        privacy_changed, sender=PageViewRestriction.groups.through, dispatch_uid="freshness-vr-g"
    )
    post_save.connect(embed_stored, sender=Embed, dispatch_uid="freshness-embed")
    image_model = get_image_model()
    post_save.connect(image_changed, sender=image_model, dispatch_uid="freshness-image")
    post_delete.connect(image_changed, sender=image_model, dispatch_uid="freshness-image-d")
    connect_site_wide(Site)


def connect_site_wide(model) -> None:
    """Every change of `model` (a site, the magazine's settings) shows on every page."""
    post_save.connect(site_changed, sender=model, dispatch_uid=f"freshness-{model}")
    post_delete.connect(site_changed, sender=model, dispatch_uid=f"freshness-d-{model}")


def forget(keys: set[str]) -> None:
    """The pages showing `keys` are forgotten once the change being made commits."""
    transaction.on_commit(lambda: refresh(keys, set()))


def touched_keys(page: Page) -> set[str]:
    """The keys a change of `page` (specific) touches."""
    keys = getattr(page, "touched_keys", None)
    if keys:
        return set(keys())
    # A section, a home page: its edition's header and lists may show it.
    return {surrogate_keys.edition(page.locale.language_code)}


def page_changed(sender, instance: Page, **kwargs) -> None:
    # Keys and URLs are worked out now, while the page is as it was published, moved or
    # unpublished; URLs only when there is a CDN to tell.
    page = instance.specific
    keys = touched_keys(page)
    cdn = getattr(settings, "WAGTAILFRONTENDCACHE", None)
    urls = purge_urls(page) if cdn else set()
    transaction.on_commit(lambda: refresh(keys, urls))


def page_about_to_change(sender, instance, update_fields=None, **kwargs) -> None:
    """A live page saved whole (publishing does; saving a draft saves a few fields only):
    the keys of what it was, read from the database before the save."""
    if update_fields is not None or not hasattr(instance, "touched_keys") or not instance.pk:
        return
    before = type(instance).objects.filter(pk=instance.pk, live=True).first()
    if before is not None:
        keys = touched_keys(before)
        forget(keys)


def page_about_to_move(sender, instance: Page, **kwargs) -> None:
    page = instance.specific
    if page.live:
        keys = touched_keys(page)
        forget(keys)


def page_deleted(sender, instance, **kwargs) -> None:
    # Once per deleted row of each model in the page's inheritance: act on Wagtail's own. (A
    # live page is unpublished first, by Wagtail, which `page_changed` has seen.)
    if type(instance) is Page:
        keys = {surrogate_keys.page(instance.pk)}
        forget(keys)


def privacy_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    """The restricted page and every page below it leave (or join) what readers see: each is
    forgotten as if unpublished (or published)."""
    urls: set[str] = set()
    page = Page.objects.filter(pk=instance.page_id).specific().first()
    keys = touched_keys(page) if page else {surrogate_keys.SITE}
    cdn = getattr(settings, "WAGTAILFRONTENDCACHE", None)
    if page and (cdn or surrogate_keys.SITE not in keys):
        # One walk of the pages below for both; a key set holding SITE needs no more keys.
        for shown in page.get_descendants(inclusive=True).specific():
            if surrogate_keys.SITE not in keys:
                keys |= touched_keys(shown)
            if cdn:
                urls |= purge_urls(shown)
    transaction.on_commit(lambda: refresh(keys, urls))


def embed_stored(sender, instance: Embed, **kwargs) -> None:
    """An embed found in the background replaces the plain link pages were showing."""
    if instance.html:
        keys = {surrogate_keys.embed(instance.hash)}
        forget(keys)


def image_changed(sender, instance, **kwargs) -> None:
    """A picture is shown by the pages that use it and by their cards; a picture used by
    anything but a page (the logo in the settings) is shown everywhere."""
    references = ReferenceIndex.get_references_to(instance)
    keys = {surrogate_keys.image(instance.pk)}
    for app_label, model, object_id in references.values_list(
        "base_content_type__app_label", "base_content_type__model", "object_id"
    ):
        if (app_label, model) == ("wagtailcore", "page"):
            keys.add(surrogate_keys.page(int(object_id)))
        else:
            keys.add(surrogate_keys.SITE)
    forget(keys)


def site_changed(sender, instance, **kwargs) -> None:
    forget({surrogate_keys.SITE})


def refresh(keys: set[str], urls: set[str]) -> None:
    page_cache.touch(keys)
    edge.purge_keys(keys)
    if urls:
        batch = PurgeBatch()
        batch.add_urls(urls)
        batch.purge()


def purge_urls(page: Page) -> set[str]:
    """The addresses a CDN may hold that show `page`: the page and its listings' pages, every
    page above it, the site's feeds and sitemaps, and what the page names (`cdn_addresses()`:
    its authors, its tags, the feeds it appears in). (Other articles' rails show it too; the
    CDN keeps those for s-maxage at most.)"""
    batch = PurgeBatch()
    root = _root_url(page)
    if root is None:
        return set()
    batch.add_page(page)
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).specific())
    batch.add_urls(root + reverse(name, args=args) for name, *args in settings.CDN_SITE_WIDE_URLS)
    pages, paths = page.cdn_addresses() if hasattr(page, "cdn_addresses") else ((), ())
    batch.add_pages(pages)
    batch.add_urls(root + path for path in paths)
    return batch.urls


def _root_url(page: Page) -> str | None:
    parts = page.get_url_parts()
    return parts[1] if parts else None
