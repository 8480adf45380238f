"""Bylines stay within their edition: a Spanish article names the Spanish pages of its authors.

Wagtail's "Translate" copies an article with its bylines as they are, pointing at the English
author pages; so do edits made before an author's page is translated. Each of these moments
points them at the author's page in the article's language, when it exists:
- an article is copied for translation (its draft is saved again with the new bylines),
- an article is published (what an editor's form brought back from an older draft),
- an author's page is published in a language (the articles that waited for it).
"""

from wagtail.models import Page

from caching import freshness, surrogate_keys

from .models import ArticleAuthor, ArticlePage, author_model


def follow_translation(article: ArticlePage) -> int:
    """Points the article's bylines at its authors' pages in its language; how many moved."""
    moved = 0
    for link in ArticleAuthor.objects.filter(page=article).select_related("author"):
        if link.author.locale_id == article.locale_id:
            continue
        translated = link.author.get_translation_or_none(article.locale_id)
        if translated is not None:
            ArticleAuthor.objects.filter(pk=link.pk).update(author=translated)
            moved += 1
    return moved


def article_copied(sender, source_obj, target_obj, **kwargs) -> None:
    if isinstance(target_obj, ArticlePage) and follow_translation(target_obj):
        target_obj.refresh_from_db()
        target_obj.save_revision(log_action=False, clean=False)


def article_published(sender, instance, **kwargs) -> None:
    if isinstance(instance, ArticlePage):
        follow_translation(instance)


def author_published(sender, instance, **kwargs) -> None:
    if not isinstance(instance, author_model()):
        return
    others = Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    waiting = ArticleAuthor.objects.filter(author__in=others, page__locale_id=instance.locale_id)
    moved = set(waiting.values_list("page_id", flat=True))
    if moved:
        waiting.update(author=instance)
        # Their pages show the author's box and link: made again with the new one.
        freshness.forget({surrogate_keys.page(pk) for pk in moved})
