"""Keep the search index true when a name that articles are indexed under changes, and make
the image crops of what is published or changed (news/renditions.py).

Articles are indexed with their section's name and their authors' names (see
ArticlePage.search_fields), so publishing a section or an author re-indexes their articles.
"""

from django.apps import apps
from django.db.models.signals import post_save
from wagtail.images import get_image_model
from wagtail.search import index
from wagtail.signals import page_published


def reindex_named_articles(sender, instance, **kwargs) -> None:
    from people.models import AuthorPage

    from .models import ArticlePage, NewsIndexPage

    if isinstance(instance, NewsIndexPage):
        named = ArticlePage.objects.child_of(instance)
    elif isinstance(instance, AuthorPage):
        named = ArticlePage.objects.filter(article_authors__author=instance)
    else:
        return
    for article in ArticlePage.get_indexed_objects().filter(pk__in=named.values("pk")):
        index.insert_or_update_object(article)


def register() -> None:
    from . import related, renditions

    page_published.connect(related.queue_when_published, dispatch_uid="news_find_related")
    page_published.connect(reindex_named_articles, dispatch_uid="news_reindex_named_articles")
    page_published.connect(renditions.prepare_when_published, dispatch_uid="news_prepare_crops")
    post_save.connect(
        renditions.prepare_where_shown, sender=get_image_model(), dispatch_uid="news_crops_image"
    )
    post_save.connect(
        renditions.prepare_for_settings,
        sender=apps.get_model("home", "MagazineSettings"),
        dispatch_uid="news_crops_settings",
    )
