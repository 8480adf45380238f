"""Every list of articles a reader sees comes from here.

Each function starts from `articles()`: live, public, newest first, and loaded for cards (hero
image with its renditions, authors in byline order) so that a page's queries do not grow with
the number of cards. Card lists are returned through `with_sections`, which names each card's
section in one query.
"""

from collections.abc import Iterable, Sequence

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.models import Page

from .models import ArticleAuthor, ArticlePage, NewsIndexPage

MORE_IN_SECTION = 4
MORE_FROM_AUTHOR = 4
SECTION_RAIL = 4
HOME_FEATURED = 4
HOME_LATEST = 6

_BYLINE = Prefetch(
    "article_authors",
    queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order"),
)


def articles() -> QuerySet[ArticlePage]:
    """Every article a reader may see, newest first, ready to render as cards."""
    return (
        ArticlePage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("hero_image")
        .prefetch_related("hero_image__renditions", _BYLINE)
        .order_by("-display_date", "-pk")
    )


def with_sections(cards: Iterable[ArticlePage]) -> list[ArticlePage]:
    """Evaluates `cards` and sets each one's `section` (its parent page) with one query."""
    cards = list(cards)
    parent_paths = {card.path[: -Page.steplen] for card in cards}
    sections = {s.path: s for s in NewsIndexPage.objects.filter(path__in=parent_paths)}
    for card in cards:
        card.section = sections.get(card.path[: -Page.steplen])
    return cards


def section_articles(section: NewsIndexPage) -> QuerySet[ArticlePage]:
    """A section's articles, its subsections' included."""
    return articles().descendant_of(section)


def author_articles(author: Page) -> QuerySet[ArticlePage]:
    return articles().filter(article_authors__author=author)


def subsections(section: NewsIndexPage) -> QuerySet[NewsIndexPage]:
    return NewsIndexPage.objects.child_of(section).live().public()


def top_sections(home: Page) -> QuerySet[NewsIndexPage]:
    """The sections directly under the top news index: the header's and the home page's."""
    return (
        NewsIndexPage.objects.descendant_of(home)
        .filter(depth=home.depth + 2)
        .live()
        .public()
        .order_by("path")
    )


def byline(article: ArticlePage) -> list:
    """The article's authors in order, with their photos, for the byline and author boxes."""
    links = article.article_authors.select_related("author__photo").prefetch_related(
        "author__photo__renditions"
    )
    return [link.author for link in links.order_by("sort_order")]


def article_listings(article: ArticlePage) -> dict:
    """The lists at the foot of an article: more in its section, more from its first author.

    "More from" leaves out what "More in" already shows, so no card appears twice.
    """
    authors = byline(article)
    section = article.get_parent().specific
    # An unsaved article (in preview) has no pk; excluding None excludes nothing.
    more_in_section = list(section_articles(section).exclude(pk=article.pk)[:MORE_IN_SECTION])
    more_from_author: list[ArticlePage] = []
    if authors:
        shown = [article.pk, *(card.pk for card in more_in_section)]
        more_from_author = list(
            author_articles(authors[0]).exclude(pk__in=shown)[:MORE_FROM_AUTHOR]
        )
    with_sections([*more_in_section, *more_from_author])
    article.section = section
    return {
        "authors": authors,
        "section": section,
        "more_in_section": more_in_section,
        "more_from_author": more_from_author,
        "primary_author": authors[0] if authors else None,
    }


def section_rails(
    sections: Sequence[NewsIndexPage], exclude: Iterable[int] = (), per_section: int = SECTION_RAIL
) -> list[dict]:
    """The latest articles of each section, in one query however many sections there are.

    The sections must share a depth; each rail holds its section's and subsections' articles.
    """
    if not sections:
        return []
    prefix_length = sections[0].depth * Page.steplen
    ranked = (
        articles()
        .exclude(pk__in=list(exclude))
        .annotate(section_path=Substr("path", 1, prefix_length))
        .filter(section_path__in=[section.path for section in sections])
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("section_path")],
                order_by=[F("display_date").desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=per_section)
    )
    cards_by_section: dict[str, list[ArticlePage]] = {}
    for card in with_sections(ranked):
        cards_by_section.setdefault(card.section_path, []).append(card)
    return [
        {"section": section, "articles": cards_by_section[section.path]}
        for section in sections
        if section.path in cards_by_section
    ]


def home_listings(home: Page, lead_id: int | None, featured_ids: Sequence[int]) -> dict:
    """The home page: the lead story, featured cards, the latest headlines and section rails.

    Editors' choices are kept only while live and public; what they leave empty is filled
    with the newest articles, and no article appears twice on the page.
    """
    chosen_ids = [pk for pk in [lead_id, *featured_ids] if pk]
    chosen = {card.pk: card for card in articles().filter(pk__in=chosen_ids)} if chosen_ids else {}
    lead_card = chosen.get(lead_id)
    featured_cards = [chosen[pk] for pk in dict.fromkeys(featured_ids) if pk in chosen]
    featured_cards = [card for card in featured_cards if card is not lead_card][:HOME_FEATURED]

    shown = [card.pk for card in [lead_card, *featured_cards] if card is not None]
    wanted = (lead_card is None) + HOME_FEATURED - len(featured_cards) + HOME_LATEST
    newest = list(articles().exclude(pk__in=shown)[:wanted])
    if lead_card is None and newest:
        lead_card = newest.pop(0)
    while len(featured_cards) < HOME_FEATURED and newest:
        featured_cards.append(newest.pop(0))
    latest = newest[:HOME_LATEST]

    shown = [card.pk for card in [lead_card, *featured_cards, *latest] if card is not None]
    with_sections([card for card in [lead_card, *featured_cards, *latest] if card is not None])
    return {
        "lead": lead_card,
        "featured": featured_cards,
        "latest": latest,
        "rails": section_rails(list(top_sections(home)), exclude=shown),
    }
