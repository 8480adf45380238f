"""Related coverage the search backend finds, chosen when an article is published rather than
on a reader's request.

Searching on every render cost a query or two, and made every article show "every article"
(any story published could rank among its related ones), so that each publication forgot
every article from the caches. Now a task finds an article's related coverage when it is
published, and again for the articles it is most related to, so that the new story joins
their lists; readers get what was found, less what the page's other lists already show.
"""

from django.db import transaction
from django.utils import translation
from django_tasks import task

from . import listings
from .models import ArticlePage, FoundRelated

# More than are shown: some may be shown by the page's other lists, or be gone since.
FOUND = 8
# The older articles whose related coverage is found again when an article is published.
NEIGHBOURS = 3


def find(article: ArticlePage) -> list[int]:
    """Found among the articles of the article's own edition, searched in its language."""
    about = listings.related_about(article, article.tags.all())
    with translation.override(article.locale.language_code):
        candidates = listings.card_ids().exclude(pk=article.pk)
        ids = [card.pk for card in listings.related_by_search(about, candidates, FOUND)]
    FoundRelated.objects.update_or_create(article=article, defaults={"ids": ids})
    return ids


@task()
def find_related(article_id: int, neighbours: bool = True) -> None:
    """Finds the related coverage of the live article `article_id`, and, with `neighbours`,
    of the articles most related to it."""
    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:
        FoundRelated.objects.filter(article_id=article_id).delete()
        return
    ids = find(article)
    if neighbours:
        for other in ArticlePage.objects.live().filter(pk__in=ids[:NEIGHBOURS]):
            find(other)


def queue_when_published(sender, instance, **kwargs) -> None:
    if isinstance(instance, ArticlePage):
        transaction.on_commit(lambda: find_related.enqueue(instance.pk), robust=True)
