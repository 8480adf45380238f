"""Section and article pages make a fixed number of queries, however many cards, authors or
blocks they show. Counts are exact: a change that adds a query has to change this file."""

from tests import builders
from tests.queries import queries_for

# Two more since the editions: the edition's home and the page's translations (editions/).
SECTION_PAGE_QUERIES = 19
# With no fragment made (caching/fragments.py; the tests' caches are dummies). Related coverage
# is read as it was found at publishing (news/related.py): no search.
ARTICLE_PAGE_QUERIES = 30


def add_articles(magazine, count: int, hero, start: int = 0, section=None) -> list:
    people = [magazine.ana, magazine.ben]
    return [
        builders.article(
            section or magazine.andes, f"Story {i}", people, days_ago=i, hero_image=hero
        )
        for i in range(start, start + count)
    ]


def test_section_page_queries_do_not_grow_with_its_cards(client, magazine):
    hero = builders.image()
    add_articles(magazine, 3, hero)
    few = queries_for(client, magazine.americas.url)
    add_articles(magazine, 27, hero, start=3)  # 30 in all: a full page of 12 and two more pages
    assert queries_for(client, magazine.americas.url) == few == SECTION_PAGE_QUERIES
    assert queries_for(client, magazine.americas.url + "?page=3") == SECTION_PAGE_QUERIES


def body(paragraphs: int, figures: list) -> list[dict]:
    return [builders.paragraph(f"Paragraph {i}") for i in range(paragraphs)] + [
        {"type": "image", "value": {"image": f.pk, "width": "inline"}, "id": f"img{f.pk}"}
        for f in figures
    ]


def test_article_page_queries_do_not_grow_with_cards_authors_or_blocks(client, magazine):
    hero = builders.image()
    photo = builders.image("Portrait")
    for person in (magazine.ana, magazine.ben):
        person.photo = photo
        person.save_revision().publish()
    figures = [builders.image(f"Figure {i}") for i in range(3)]

    # Three cards in each listing: "More in" the section, and "More from" Ana elsewhere.
    add_articles(magazine, 3, hero, start=1)
    add_articles(magazine, 3, hero, start=4, section=magazine.politics)
    small = builders.article(
        magazine.andes,
        "One author",
        [magazine.ana],
        hero_image=hero,
        body=body(1, figures[:1]),
        tags=["Peru"],
    )
    assert queries_for(client, small.url) == ARTICLE_PAGE_QUERIES

    add_articles(magazine, 27, hero, start=7)
    third = builders.author(magazine.people, "Chidi Eze", photo=photo)
    large = builders.article(
        magazine.andes,
        "Three authors",
        [magazine.ana, magazine.ben, third],
        hero_image=hero,
        body=body(20, figures),
        tags=["Peru", "Mining", "Water"],
    )
    assert queries_for(client, large.url) == ARTICLE_PAGE_QUERIES


# Rendered anew (a reader with a session, or the first after a change) once the fragments
# are made (caching/fragments.py): routing, the view restrictions, and nothing of the
# listings, the byline, the pictures, the settings or the menu.
WARM_QUERIES = {"article": 6, "section": 6, "home": 4}


def test_pages_rendered_anew_read_only_what_is_theirs(client, magazine, page_cache):
    hero = builders.image()
    add_articles(magazine, 30, hero)
    article = builders.article(
        magazine.andes,
        "Three authors",
        [magazine.ana, magazine.ben],
        hero_image=hero,
        body=body(20, [builders.image("Figure")]),
        tags=["Peru", "Mining"],
    )
    client.cookies["sessionid"] = "no-such-session"  # the page cache stands aside
    urls = {"article": article.url, "section": magazine.americas.url, "home": "/en/"}
    assert {kind: queries_for(client, url) for kind, url in urls.items()} == WARM_QUERIES
