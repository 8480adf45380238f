"""A tag's page lists its articles, newest first, twelve to a page; articles link to it."""

from taggit.models import Tag
from wagtail.models import PageViewRestriction

from tests import builders
from tests.helpers import headlines, parse


def test_an_article_links_to_its_tags_pages(client, magazine):
    story = builders.article(magazine.andes, "Cargo", [magazine.ana], tags=("Colombia", "Rivers"))
    soup = parse(client.get(story.url))
    links = soup.select(".tags a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Colombia", "/en/tags/colombia/"),
        ("Rivers", "/en/tags/rivers/"),
    ]


def test_a_tag_page_lists_its_articles_newest_first_in_pages(client, magazine):
    for day in range(14):
        builders.article(
            magazine.andes, f"Day {day}", [magazine.ana], days_ago=day, tags=("Andes",)
        )
    builders.article(magazine.politics, "Untagged", [magazine.ben])
    builders.article(magazine.politics, "Draft", [magazine.ben], live=False, tags=("Andes",))

    first = parse(client.get("/en/tags/andes/"))
    assert first.h1.get_text() == "Andes"
    assert "14 articles" in first.select_one(".page-head__intro").get_text()
    assert headlines(first) == [f"Day {day}" for day in range(12)]
    assert first.find("link", rel="canonical")["href"] == "http://localhost/en/tags/andes/"
    second = parse(client.get("/en/tags/andes/", {"page": 2}))
    assert headlines(second) == ["Day 12", "Day 13"]
    assert second.title.get_text().startswith("Andes, page 2 |")


def test_bad_tag_addresses_are_404_not_errors(client, magazine):
    builders.article(magazine.andes, "Cargo", [magazine.ana], tags=("Colombia",))
    assert client.get("/en/tags/no-such-tag/").status_code == 404
    assert client.get("/en/tags/colombia/", {"page": "99"}).status_code == 404
    assert client.get("/en/tags/colombia/", {"page": "abc"}).status_code == 404
    assert client.get("/en/tags/colombia/", {"page": "0"}).status_code == 404
    # Page one is the address without a number (one address, one cache entry).
    response = client.get("/en/tags/colombia/", {"page": "1"})
    assert response.status_code == 301 and response["Location"] == "/en/tags/colombia/"


def test_a_tag_whose_articles_are_all_private_is_not_found(client, magazine):
    PageViewRestriction.objects.create(
        page=magazine.politics, restriction_type="password", password="secret"
    )
    builders.article(magazine.politics, "Members only", [magazine.ben], tags=("Secret",))
    assert client.get("/en/tags/secret/").status_code == 404


def test_tags_with_accents_have_plain_addresses(client, magazine):
    story = builders.article(magazine.andes, "Cocoa", [magazine.ana], tags=("Côte d'Ivoire",))
    soup = parse(client.get(story.url))
    assert soup.select_one(".tags a")["href"] == "/en/tags/cote-divoire/"
    assert client.get("/en/tags/cote-divoire/").status_code == 200


def test_an_older_tag_with_a_non_ascii_slug_still_has_a_page(client, magazine):
    from taggit.models import Tag

    Tag.objects.create(name="Göteborg", slug="göteborg")
    story = builders.article(magazine.andes, "Harbour", [magazine.ana], tags=("Göteborg",))
    href = parse(client.get(story.url)).select_one(".tags a")
    assert href["href"] == "/en/tags/g%C3%B6teborg/"
    assert client.get(href["href"]).status_code == 200


def test_an_article_with_a_tag_that_has_no_page_still_shows(client, magazine):
    """A tag named without a letter or digit (the editor refuses it now) has no slug."""
    article = builders.article(magazine.americas, "Port strike", [magazine.ana], tags=("Ports",))
    article.tags.add(Tag.objects.create(name="?!", slug=""))
    response = client.get(article.url)
    assert response.status_code == 200
    assert "/en/tags/ports/" in response.content.decode()
