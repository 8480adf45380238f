"""Every list of articles a reader sees comes from here, search results included.

Each function starts from `articles()`: live and public (`readable`), of the edition being
read (the active language: /es/ pages list Spanish articles only), newest first, and loaded
for cards (hero image with its renditions, authors in byline order) so that a page's queries do
not grow with the number of cards. Card lists are returned through `with_sections`, which names
each card's section in one query.
"""

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber, Substr
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.query import PlainText, SearchQuery
from wagtail.search.utils import normalise_query_string

from caching import surrogate_keys
from core.text import keywords
from core.view_restrictions import readable
from editions import languages

from . import cards
from .models import ArticleAuthor, ArticlePage, FoundRelated, NewsIndexPage, author_model
from .related_terms import distinctive

MORE_IN_SECTION = 4
MORE_FROM_AUTHOR = 4
SECTION_RAIL = 4
HOME_FEATURED = 4
HOME_LATEST = 6
RELATED = 3

_BYLINE = Prefetch(
    "article_authors",
    queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order", "pk"),
)


def articles(
    *card_kinds: str, image_specs: Sequence[str] = (), every_edition: bool = False
) -> QuerySet[ArticlePage]:
    """Every article a reader may see, newest first, ready to render as cards.

    `card_kinds` (keys of news.cards.PICTURES) name the kinds of card picture the page shows:
    their renditions are loaded with the articles (a crop not loaded would cost a query a card,
    which tests/news/test_query_counts.py would see). All kinds, when none is named.
    `image_specs`, when given, are the only renditions loaded instead (a feed's social crop,
    say): the loaded ones are all Wagtail looks at, so a rendition needed but not loaded would
    be made again. `every_edition` lists both languages' (the sitemaps, which are the site's).
    """
    specs = list(image_specs) or list(
        dict.fromkeys(
            spec for kind in card_kinds or cards.PICTURES for spec in cards.PICTURES[kind].specs
        )
    )
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    found = ArticlePage.objects.all() if every_edition else in_edition(ArticlePage.objects.all())
    return (
        readable(found)
        .defer_streamfields()
        .select_related("hero_image")
        .prefetch_related(Prefetch("hero_image__renditions", queryset=renditions), _BYLINE)
        .order_by("-display_date", "-id")
    )


def in_edition(pages: QuerySet) -> QuerySet:
    """The pages of the edition being read."""
    return pages.filter(locale=languages.locale_id())


def with_sections(cards: Iterable[ArticlePage]) -> list[ArticlePage]:
    """Evaluates `cards` and sets each one's `section` (its parent page) with one query."""
    cards = list(cards)
    parent_paths = {card.path[: -Page.steplen] for card in cards}
    sections = {s.path: s for s in NewsIndexPage.objects.filter(path__in=parent_paths)}
    for card in cards:
        card.section = sections.get(card.path[: -Page.steplen])
    note_cards(cards)
    return cards


def note_cards(cards: Iterable[ArticlePage]) -> None:
    """Notes that the response shows these cards: their articles and their bylines' authors
    (when loaded with them, as `articles()` does)."""
    for card in cards:
        surrogate_keys.note(surrogate_keys.page(card.pk))
        if "article_authors" in getattr(card, "_prefetched_objects_cache", {}):
            surrogate_keys.note_pages(link.author_id for link in card.article_authors.all())


def section_articles(section: NewsIndexPage, base: QuerySet | None = None) -> QuerySet[ArticlePage]:
    """A section's articles, its subsections' included.

    `base`, here and below, is an `articles()` or `card_ids()` queryset to narrow: a page that
    builds several lists passes one, so that view restrictions are looked up once.
    """
    surrogate_keys.note(surrogate_keys.listing("section", section.pk))
    return (articles() if base is None else base).descendant_of(section)


def author_articles(author: Page, base: QuerySet | None = None) -> QuerySet[ArticlePage]:
    surrogate_keys.note(surrogate_keys.listing("author", author.pk))
    return (articles() if base is None else base).filter(article_authors__author=author)


def tag_articles(tag) -> QuerySet[ArticlePage]:
    surrogate_keys.note(surrogate_keys.listing("tag", tag.pk))
    return articles().filter(tagged_items__tag=tag)


def subsections(section: NewsIndexPage) -> QuerySet[NewsIndexPage]:
    return readable(NewsIndexPage.objects.child_of(section))


def top_sections(home: Page) -> QuerySet[NewsIndexPage]:
    """The sections directly under the top news index: the header's and the home page's."""
    return readable(
        NewsIndexPage.objects.descendant_of(home).filter(depth=home.depth + 2)
    ).order_by("path")


def byline(article: ArticlePage) -> list:
    """The article's authors in order, with their photos, for the byline and author boxes."""
    links = article.article_authors.select_related("author__photo").prefetch_related(
        "author__photo__renditions"
    )
    authors = [link.author for link in links.order_by("sort_order")]
    surrogate_keys.note_pages(author.pk for author in authors)
    return authors


def article_listings(article: ArticlePage) -> dict:
    """Everything listed on an article's page: `article_parts` and `article_rails`."""
    parts = article_parts(article)
    return {**parts, **article_rails(article, parts["section"], parts["authors"], parts["tags"])}


def article_parts(article: ArticlePage) -> dict:
    """What an article's page shows of other pages in its own content: its section, its
    authors (the byline and author boxes) and its tags."""
    authors = byline(article)
    # A tag without a slug (made before tags were checked) has no page to link to.
    tags = [tag for tag in article.tags.all() if tag.slug]
    parent_path = article.path[: -Page.steplen]
    section = NewsIndexPage.objects.filter(path=parent_path).first()
    if section is None:  # an article placed outside any section
        section = Page.objects.get(path=parent_path).specific
    article.section = section
    return {
        "authors": authors,
        "section": section,
        "tags": tags,
        "primary_author": authors[0] if authors else None,
    }


def article_rails(article: ArticlePage, section: Page, authors: list, tags: list) -> dict:
    """The lists around an article: related coverage, more in its section, more from its author.

    No card appears twice on the page. Editors' related picks come first and the other lists
    leave them out; "More from" leaves out what "More in" shows; and the search backend tops
    related coverage up to three with the most relevant articles none of the lists has shown.
    Each list is chosen as bare ids, and the cards of all of them load together.
    """
    ids = card_ids()
    picks = related_pick_ids(article, ids)
    # An unsaved article (in preview) has no pk; excluding None excludes nothing.
    shown = [article.pk, *picks]
    in_section = section_articles(section, ids).exclude(pk__in=shown)
    more_in_section = list(in_section.values_list("pk", flat=True)[:MORE_IN_SECTION])
    shown += more_in_section
    more_from_author: list[int] = []
    if authors:
        from_author = author_articles(authors[0], ids).exclude(pk__in=shown)
        more_from_author = list(from_author.values_list("pk", flat=True)[:MORE_FROM_AUTHOR])
        shown += more_from_author
    found = found_related_ids(article, ids, tags, exclude=shown, limit=RELATED - len(picks))
    related = picks + found
    loaded = articles("small", "standard").filter(pk__in=shown + related)
    cards = {card.pk: card for card in with_sections(loaded)}
    return {
        "related": _in_order(cards, related)[:RELATED],
        "more_in_section": _in_order(cards, more_in_section),
        "more_from_author": _in_order(cards, more_from_author),
    }


def card_ids() -> QuerySet[ArticlePage]:
    """What articles() holds, as bare rows: to choose cards before loading them all at once."""
    return (
        readable(in_edition(ArticlePage.objects.all())).only("pk").order_by("-display_date", "-id")
    )


def _in_order(cards: dict, ids: list[int]) -> list[ArticlePage]:
    return [cards[pk] for pk in ids if pk in cards]


def related_pick_ids(article: ArticlePage, base: QuerySet) -> list[int]:
    """The ids of the related articles an editor chose, in their order, that readers may see."""
    chosen = [
        link.article_id for link in article.related_links.all() if link.article_id != article.pk
    ]
    if not chosen:
        return []
    visible = set(base.filter(pk__in=chosen).values_list("pk", flat=True))
    return [pk for pk in dict.fromkeys(chosen) if pk in visible]


def found_related_ids(
    article: ArticlePage, base: QuerySet, tags: list, exclude: list[int], limit: int
) -> list[int]:
    """The related coverage found when the article was published (news/related.py), that
    readers may see and no other list on the page shows. Until it has been found (a preview,
    or the moments before the task has run), the search backend is asked. More than `limit`
    may come back: the caller keeps the first `limit` it can load."""
    if limit <= 0:
        return []
    stored = FoundRelated.objects.filter(article_id=article.pk).values_list("ids", flat=True)
    found = stored.first() if article.pk else None
    if found is None:
        about = related_about(article, tags)
        return [card.pk for card in related_by_search(about, base.exclude(pk__in=exclude), limit)]
    # All of them: those readers may no longer see drop out when the cards are loaded.
    return [pk for pk in found if pk not in set(exclude)]


def related_about(article: ArticlePage, tags: Iterable) -> str:
    """The text related coverage is searched for: the headline and the tags' names."""
    return " ".join([article.title, *(tag.name for tag in tags)])


def related_by_search(about: str, candidates: QuerySet[ArticlePage], limit: int) -> list:
    """The `limit` candidates most relevant to the text `about`, by the search backend.

    Only the text's most telling words are searched for (news/related_terms.py).
    """
    if limit <= 0:
        return []
    terms = distinctive(keywords(about))
    if not terms:
        return []
    # Any article published may rank among them.
    surrogate_keys.note(surrogate_keys.all_articles())
    return list(candidates.search(PlainText(" ".join(terms), operator="or"))[:limit])


def search_articles(
    query: SearchQuery | None,
    *,
    section: NewsIndexPage | None = None,
    author: Page | None = None,
    since: date | None = None,
    until: date | None = None,
    newest: bool = False,
    exclude: Iterable[int] = (),
):
    """Articles matching `query` and the filters; every article, newest first, without a query.

    Ordered by relevance unless `newest`. Dates are whole days in the site's time zone.
    """
    results = articles("small")
    if query is None and section is None and author is None:
        surrogate_keys.note(surrogate_keys.all_articles())
    if section is not None:
        results = results.descendant_of(section)
    if author is not None:
        results = results.filter(pk__in=ArticleAuthor.objects.filter(author=author).values("page"))
    if since is not None:
        results = results.filter(display_date__gte=_start_of_day(since))
    if until is not None:
        results = results.filter(display_date__lt=_start_of_day(until + timedelta(days=1)))
    if exclude:
        results = results.exclude(pk__in=list(exclude))
    if query is None:
        return results
    return results.search(query, order_by_relevance=not newest)


def promoted_pages(query_string: str) -> list:
    """Editors' picks for a search (Wagtail's search promotions) that readers may see.

    Each is a SearchPromotion; those that promote an article carry it, ready as a card, in
    `article` (None for other pages and external links).
    """
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query_string))
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [p.page_id for p in promotions if p.page_id]
    visible, cards = set(), {}
    if page_ids:
        visible = set(readable(Page.objects.filter(pk__in=page_ids)).values_list("pk", flat=True))
        cards = {card.pk: card for card in with_sections(articles("small").filter(pk__in=visible))}
    picks = []
    for promotion in promotions:
        if promotion.page_id and promotion.page_id not in visible:
            continue
        promotion.article = cards.get(promotion.page_id)
        picks.append(promotion)
    return picks


def readable_sections() -> QuerySet[NewsIndexPage]:
    """Every section readers may open, in tree order: for menus of sections."""
    return readable(in_edition(NewsIndexPage.objects.order_by("path"))).only(
        "title", "url_path", "depth"
    )


def readable_authors() -> QuerySet:
    """Every author readers may open, by name: for menus of authors."""
    surrogate_keys.note(surrogate_keys.authors())
    return readable(in_edition(author_model().objects.order_by("title"))).only("title", "url_path")


def _start_of_day(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def section_rails(
    sections: Sequence[NewsIndexPage], exclude: Iterable[int] = (), per_section: int = SECTION_RAIL
) -> list[dict]:
    """The latest articles of each section, in one query however many sections there are.

    The sections must share a depth; each rail holds its section's and subsections' articles.
    """
    if not sections:
        return []
    surrogate_keys.note(*(surrogate_keys.listing("section", section.pk) for section in sections))
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
    """The home page: the lead story, the latest headlines beside it, featured cards and
    section rails.

    Editors' choices are kept only while live and public. "Latest" is always the newest
    articles but the lead, so that the newest story is the lead or tops the list beside it
    (an editor's featured pick may then be in both). Featured places the editors leave empty
    take the newest articles not shown above; the rails leave out every card shown above.
    """
    surrogate_keys.note(surrogate_keys.all_articles())  # the newest fill "Latest"
    chosen_ids = [pk for pk in [lead_id, *featured_ids] if pk]
    chosen = {card.pk: card for card in articles().filter(pk__in=chosen_ids)} if chosen_ids else {}
    lead_card = chosen.get(lead_id)
    featured_cards = [chosen[pk] for pk in dict.fromkeys(featured_ids) if pk in chosen]
    featured_cards = [card for card in featured_cards if card is not lead_card][:HOME_FEATURED]

    picked = {card.pk for card in featured_cards}
    wanted = (lead_card is None) + HOME_LATEST + HOME_FEATURED + len(featured_cards)
    not_lead = [lead_card.pk] if lead_card else []
    newest = list(articles().exclude(pk__in=not_lead)[:wanted])
    if lead_card is None:  # the newest article that is not a featured pick
        lead_card = next((card for card in newest if card.pk not in picked), None)
        newest = [card for card in newest if card is not lead_card]
    latest = newest[:HOME_LATEST]
    rest = [card for card in newest[HOME_LATEST:] if card.pk not in picked]
    featured_cards += rest[: HOME_FEATURED - len(featured_cards)]

    cards = [card for card in [lead_card, *featured_cards, *latest] if card is not None]
    with_sections(cards)
    return {
        "lead": lead_card,
        "featured": featured_cards,
        "latest": latest,
        "rails": section_rails(list(top_sections(home)), exclude=[card.pk for card in cards]),
    }
