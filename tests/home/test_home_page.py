"""The front page: editors' lead and featured picks, the latest headlines, a rail per section."""

import pytest

from home.models import HomeFeaturedArticle
from tests import builders
from tests.helpers import headlines, page_soup
from tests.queries import queries_for

# Two more since the editions: the edition's home and the page's translations (editions/).
HOME_PAGE_QUERIES = 20


@pytest.fixture
def stories(magazine):
    """Twelve articles, alternating South America and Politics, "Story 0" the newest."""
    people = [magazine.ana]
    return [
        builders.article(
            magazine.americas if i % 2 == 0 else magazine.politics, f"Story {i}", people, days_ago=i
        )
        for i in range(12)
    ]


def test_without_picks_the_newest_articles_lead(client, stories):
    soup = page_soup(client, "/en/")
    assert headlines(soup, ".front__lead") == ["Story 0"]
    assert headlines(soup, ".front__latest") == [f"Story {i}" for i in range(1, 7)]
    assert headlines(soup, ".featured") == [f"Story {i}" for i in range(7, 11)]


def test_a_story_just_published_tops_latest_beside_the_editors_lead(client, magazine, stories):
    """Not the third featured card, below the fold: readers scan "Latest" for the newest."""
    home = magazine.home
    home.lead_story = stories[9]
    home.featured_articles = [
        HomeFeaturedArticle(article=stories[7], sort_order=0),
        HomeFeaturedArticle(article=stories[8], sort_order=1),
    ]
    home.save_revision().publish()
    builders.article(magazine.politics, "Breaking: ceasefire agreed", [magazine.ana])
    soup = page_soup(client, "/en/")
    assert headlines(soup, ".front__latest")[0] == "Breaking: ceasefire agreed"
    assert "Breaking: ceasefire agreed" not in headlines(soup, ".featured")


def test_the_newest_story_as_a_featured_pick_is_in_latest_too(client, magazine, stories):
    home = magazine.home
    home.featured_articles = [HomeFeaturedArticle(article=stories[0], sort_order=0)]
    home.save_revision().publish()
    soup = page_soup(client, "/en/")
    assert headlines(soup, ".featured")[0] == "Story 0"
    assert headlines(soup, ".front__lead") == ["Story 1"]
    assert headlines(soup, ".front__latest")[0] == "Story 0"


def test_editors_picks_lead_and_feature_and_are_not_repeated(client, magazine, stories):
    home = magazine.home
    home.lead_story = stories[9]
    home.featured_articles = [
        HomeFeaturedArticle(article=stories[7], sort_order=0),
        HomeFeaturedArticle(article=stories[8], sort_order=1),
    ]
    home.save_revision().publish()
    soup = page_soup(client, "/en/")
    assert headlines(soup, ".front__lead") == ["Story 9"]
    # The picks come first; the newest articles not shown beside the lead fill the rest.
    assert headlines(soup, ".front__latest") == [f"Story {i}" for i in range(6)]
    assert headlines(soup, ".featured") == ["Story 7", "Story 8", "Story 6", "Story 10"]
    every_card = headlines(soup, "main")
    assert len(every_card) == len(set(every_card))


def test_picks_that_readers_cannot_see_are_skipped(client, magazine, stories):
    stories[9].unpublish()
    home = magazine.home
    home.lead_story = stories[9]
    home.featured_articles = [HomeFeaturedArticle(article=stories[9])]
    home.save_revision().publish()
    soup = page_soup(client, "/en/")
    assert headlines(soup, ".front__lead") == ["Story 0"]
    assert "Story 9" not in headlines(soup, "main")


def test_each_top_section_has_a_rail_with_see_all(client, magazine):
    for i in range(16):
        section = [magazine.americas, magazine.andes, magazine.politics][i % 3]
        builders.article(section, f"Story {i}", [magazine.ben], days_ago=i)
    soup = page_soup(client, "/en/")
    rails = soup.select(".rail")
    assert [r.h2.get_text(strip=True) for r in rails] == ["South America", "Politics"]
    assert [r.select_one(".rail__all")["href"] for r in rails] == [
        magazine.americas.url,
        magazine.politics.url,
    ]
    # The 11 newest are above the rails; each rail holds up to four of the rest.
    assert headlines(rails[0]) == ["Story 12", "Story 13", "Story 15"]
    assert headlines(rails[1]) == ["Story 11", "Story 14"]


def test_an_empty_magazine_has_a_front_page(client, magazine):
    soup = page_soup(client, "/en/")
    assert "No articles have been published yet." in soup.get_text()


def test_navigation_names_the_sections_in_the_menu(client, magazine):
    soup = page_soup(client, "/en/")
    nav = soup.select_one('nav[aria-label="Sections"]')
    assert [(a.get_text(), a["href"]) for a in nav.select("a")] == [
        ("South America", magazine.americas.url),
        ("Politics", magazine.politics.url),
    ]


def test_home_page_queries_do_not_grow_with_its_cards(client, magazine):
    hero = builders.image()
    people = [magazine.ana, magazine.ben]
    for i in range(13):  # lead, 4 featured, 6 latest, and a card in each rail
        section = magazine.andes if i % 2 else magazine.politics
        builders.article(section, f"Story {i}", people, days_ago=i, hero_image=hero)
    assert queries_for(client, "/en/") == HOME_PAGE_QUERIES
    more = [
        builders.article(magazine.americas, f"Story {i}", people, days_ago=i, hero_image=hero)
        for i in range(13, 40)
    ]
    assert queries_for(client, "/en/") == HOME_PAGE_QUERIES
    home = magazine.home
    home.lead_story = more[-1]
    home.featured_articles = [
        HomeFeaturedArticle(article=page, sort_order=i) for i, page in enumerate(more[-4:-1])
    ]
    home.save_revision().publish()
    # Editors' picks cost a fixed three: the query and its two prefetches.
    assert queries_for(client, "/en/") == HOME_PAGE_QUERIES + 3
