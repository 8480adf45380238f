"""Keep the search index true when a name that articles are indexed under changes, and make a
published article's image renditions (news/renditions.py).

Articles are indexed with their section's name and their authors' names (see
ArticlePage.search_fields), so publishing a section or an author re-indexes their articles.
"""

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
    from .models import ArticlePage
    from .renditions import prepare_when_published

    page_published.connect(reindex_named_articles, dispatch_uid="news_reindex_named_articles")
    page_published.connect(
        prepare_when_published, sender=ArticlePage, dispatch_uid="news_prepare_renditions"
    )
