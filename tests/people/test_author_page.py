"""An author's page: who they are, and everything they have published, newest first."""

import pytest

from home.models import MagazineSettings
from people.models import AuthorLink
from tests import builders
from tests.helpers import headlines, page_soup
from tests.queries import queries_for

# Two more since the editions: the edition's home and the page's translations (editions/).
AUTHOR_PAGE_QUERIES = 18


def test_author_page_shows_the_person_and_their_links(client, magazine):
    ana = magazine.ana
    ana.links = [AuthorLink(label="Website", url="https://ana.example")]
    ana.save_revision().publish()
    soup = page_soup(client, ana.url)
    assert soup.h1.get_text() == "Ana Lima"
    assert soup.select_one(".page-head__role").get_text() == "Correspondent in Bogotá"
    assert "Ana Lima writes." in soup.select_one(".page-head__intro").get_text()
    link = soup.select_one(".author-links a")
    assert (link.get_text(), link["href"], link["rel"]) == (
        "Website",
        "https://ana.example",
        ["me", "noopener"],
    )


def test_an_author_without_a_role_is_staff_of_the_magazine(client, magazine):
    settings = MagazineSettings.for_site(magazine.home.get_site())
    settings.name = "The Test Review"
    settings.save()
    soup = page_soup(client, magazine.ben.url)
    assert soup.select_one(".page-head__role").get_text() == "Staff at The Test Review"


def test_lists_only_their_live_articles_newest_first_twelve_a_page(client, magazine):
    for i in range(14):
        builders.article(magazine.americas, f"Ana {i}", [magazine.ben, magazine.ana], days_ago=i)
    builders.article(magazine.americas, "Draft", [magazine.ana], live=False)
    builders.article(magazine.politics, "Ben alone", [magazine.ben])
    assert headlines(page_soup(client, magazine.ana.url)) == [f"Ana {i}" for i in range(12)]
    assert headlines(page_soup(client, magazine.ana.url, page=2)) == ["Ana 12", "Ana 13"]
    assert client.get(magazine.ana.url, {"page": 3}).status_code == 404


def test_an_author_with_no_articles_says_so(client, magazine):
    soup = page_soup(client, magazine.ben.url)
    assert "Ben Okafor has not published anything yet." in soup.get_text()


def test_author_page_queries_do_not_grow_with_its_cards(client, magazine):
    hero = builders.image()
    for i in range(3):
        builders.article(magazine.andes, f"Story {i}", [magazine.ana], days_ago=i, hero_image=hero)
    assert queries_for(client, magazine.ana.url) == AUTHOR_PAGE_QUERIES
    for i in range(3, 30):
        builders.article(
            magazine.politics,
            f"Story {i}",
            [magazine.ben, magazine.ana],
            days_ago=i,
            hero_image=hero,
        )
    assert queries_for(client, magazine.ana.url) == AUTHOR_PAGE_QUERIES


@pytest.fixture
def photographed(magazine):
    photo = builders.image("Portrait")
    for person in (magazine.ana, magazine.ben):
        person.photo = photo
        with builders.committed():  # the crops are made once the change commits
            person.save_revision().publish()
    return magazine


def test_people_index_lists_live_authors_with_photos(client, photographed):
    retired = builders.author(photographed.people, "Retired Writer")
    retired.unpublish()
    soup = page_soup(client, photographed.people.url)
    people = soup.select(".person")
    assert [p.h2.get_text(strip=True) for p in people] == ["Ana Lima", "Ben Okafor"]
    assert all(p.find("picture") for p in people)
