"""Keep the search index true when a name that articles are indexed under changes, make the
image crops of what is published or changed (news/renditions.py), and tell the page cache
(caching/freshness.py) about the changes of news's own models that pages show.

Articles are indexed with their section's name and their authors' names (see
ArticlePage.search_fields), so publishing a section or an author re-indexes their articles.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.search import index
from wagtail.signals import copy_for_translation_done, page_published

from caching import freshness, surrogate_keys

from . import bylines, embeds, related, renditions
from .blocks import shows_picture
from .live import LivePage, LiveUpdate, updates_key
from .models import ArticlePage, ArticlePageTag, FoundRelated, NewsIndexPage, author_model


def reindex_named_articles(sender, instance, **kwargs) -> None:
    if isinstance(instance, NewsIndexPage):
        named = ArticlePage.objects.child_of(instance)
    elif isinstance(instance, author_model()):
        named = ArticlePage.objects.filter(article_authors__author=instance)
    else:
        return
    for article in ArticlePage.get_indexed_objects().filter(pk__in=named.values("pk")):
        index.insert_or_update_object(article)


def related_found(sender, instance, **kwargs) -> None:
    """An article's related coverage found again (in the background)."""
    freshness.forget({surrogate_keys.page(instance.article_id)})


def tag_changed(sender, instance: Tag, **kwargs) -> None:
    """A tag's name is shown on its page and on the articles that carry it."""
    tagged = ArticlePageTag.objects.filter(tag_id=instance.pk)
    keys = {surrogate_keys.listing("tag", instance.pk)}
    keys |= {surrogate_keys.page(pk) for pk in tagged.values_list("content_object_id", flat=True)}
    freshness.forget(keys)


def live_update_changed(sender, instance: LiveUpdate, raw=False, **kwargs) -> None:
    """An update posted, corrected or removed: the live page and its updates' endpoint are
    forgotten (only they carry the key), its embeds looked up and its pictures cropped in the
    background, and the page indexed again with its updates' words."""
    if raw:
        return
    freshness.forget({updates_key(instance.page_id)})
    if kwargs.get("signal") is post_delete:
        return
    embeds.queue_lookups(instance.body)
    if shows_picture(instance.body):
        renditions.queue([instance.page_id])
    page_id = instance.page_id
    transaction.on_commit(lambda: _reindex_live_page(page_id), robust=True)


def _reindex_live_page(page_id: int) -> None:
    page = LivePage.get_indexed_objects().filter(pk=page_id, live=True).first()
    if page is not None:
        index.insert_or_update_object(page)


def register() -> None:
    post_save.connect(live_update_changed, sender=LiveUpdate, dispatch_uid="news_live_update")
    post_delete.connect(live_update_changed, sender=LiveUpdate, dispatch_uid="news_live_update_d")
    post_save.connect(related_found, sender=FoundRelated, dispatch_uid="freshness-rel")
    post_save.connect(tag_changed, sender=Tag, dispatch_uid="freshness-tag")
    pre_delete.connect(tag_changed, sender=Tag, dispatch_uid="freshness-tag-d")  # while tagged

    # Before the others: related coverage and re-indexing read the bylines.
    page_published.connect(bylines.article_published, dispatch_uid="news_bylines_article")
    page_published.connect(bylines.author_published, dispatch_uid="news_bylines_author")
    copy_for_translation_done.connect(bylines.article_copied, dispatch_uid="news_bylines_copy")
    page_published.connect(related.queue_when_published, dispatch_uid="news_find_related")
    page_published.connect(reindex_named_articles, dispatch_uid="news_reindex_named_articles")
    page_published.connect(renditions.prepare_when_published, dispatch_uid="news_prepare_crops")
    post_save.connect(
        renditions.prepare_where_shown, sender=get_image_model(), dispatch_uid="news_crops_image"
    )
