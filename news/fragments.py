"""An article's and a section's page, made as cached fragments (caching/fragments.py).

An article's page is two fragments: its own content (headline, picture, body, byline, author
boxes, metadata), forgotten when the article, its authors or its pictures change; and the
lists around it (related coverage, "More in", "More from"), forgotten when an article they
show or a list they come from changes. An editor's correction to one article remakes its own
content, and the rails of the pages that show it; every other part stays made.
"""

from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.images import get_image_model

from caching import fragments, surrogate_keys
from core import site_settings
from core.pagination import page_number, paginate

from . import embeds, listings
from .models import ArticlePage, NewsIndexPage
from .seo import article_meta, section_meta
from .share import share_links


def _parts(article: ArticlePage) -> dict:
    """`listings.article_parts`, once per request however many fragments are made."""
    if not hasattr(article, "_listed_parts"):
        article._listed_parts = listings.article_parts(article)
    return article._listed_parts


def article_content(request: HttpRequest, article: ArticlePage) -> dict:
    """The article's own content as HTML ("main": up to its share links; "authors": its
    author boxes) and its metadata ("meta")."""

    def make() -> dict:
        embeds.load_stored(embeds.embed_values(article.body))
        if article.hero_image_id:
            # One query for the hero and every crop of it the page shows.
            images = get_image_model().objects.prefetch_renditions()
            article.hero_image = images.filter(pk=article.hero_image_id).first()
        parts = _parts(article)
        settings = site_settings.for_request(request)
        meta = article_meta(article, request, settings, parts["authors"], parts["tags"])
        context = {
            "page": article,
            "magazine": settings,
            **parts,
            "dateline_block_id": article.dateline_block_id,
            "meta": meta,
            "share_links": share_links(meta.canonical, article.title),
        }
        return {
            "main": render_to_string(article.main_template, context, request),
            "authors": render_to_string("news/article_authors.html", context, request),
            "meta": meta,
        }

    return fragments.cached(
        fragments.name("article", request, article.pk),
        make,
        keys=[surrogate_keys.page(article.pk)],
        request=request,
    )


def article_rails(request: HttpRequest, article: ArticlePage) -> dict:
    """The HTML of the article's related coverage ("related") and of its "More in" and "More
    from" rails ("rails")."""

    def make() -> dict:
        parts = _parts(article)
        lists = listings.article_rails(article, parts["section"], parts["authors"], parts["tags"])
        context = {**parts, **lists}
        return {
            "related": render_to_string("news/article_related.html", context, request),
            "rails": render_to_string("news/article_rails.html", context, request),
        }

    # The article's own key: a change of its section, authors, tags or picks changes them.
    return fragments.cached(
        fragments.name("article-rails", request, article.pk),
        make,
        keys=[surrogate_keys.page(article.pk)],
        request=request,
    )


def section_listing(request: HttpRequest, section: NewsIndexPage) -> dict:
    """A section's page of cards as HTML ("listing") with its metadata ("meta") and page
    number ("number")."""

    def make() -> dict:
        page = paginate(request, listings.section_articles(section), count_all=False)
        cards = listings.with_sections(page.object_list)
        # The newest article leads the first page, larger than the rest.
        lead = cards[0] if cards and page.number == 1 else None
        context = {
            "page": section,
            "lead": lead,
            "articles": cards[1:] if lead else cards,
            "page_obj": page,
            "subsections": listings.subsections(section),
        }
        return {
            "listing": render_to_string("news/section_listing.html", context, request),
            "meta": section_meta(section, request, page.number),
            "number": page.number,
        }

    number = page_number(request)
    if number is None:  # not a page number: paginate() answers it (a 404)
        return make()
    return fragments.cached(
        fragments.name("section", request, section.pk, number),
        make,
        keys=[surrogate_keys.page(section.pk)],
        request=request,
    )
