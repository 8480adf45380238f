"""A section page: its articles and its subsections', newest first, twelve to a page."""

import pytest

from tests import builders
from tests.helpers import headlines, parse


@pytest.fixture
def crowded(magazine):
    """Thirty articles in South America, one a day, "Story 0" the newest."""
    return [
        builders.article(
            magazine.andes if i % 3 else magazine.americas, f"Story {i}", [magazine.ana], days_ago=i
        )
        for i in range(30)
    ]


def test_first_page_leads_with_the_newest_and_lists_twelve(client, magazine, crowded):
    response = client.get(magazine.americas.url)
    assert response.status_code == 200
    assert headlines(response) == [f"Story {i}" for i in range(12)]
    soup = parse(response)
    assert soup.select_one(".section-lead .card__headline").get_text(strip=True) == "Story 0"
    assert [a.get_text(strip=True) for a in soup.select(".subsections a")] == ["Andes"]


def test_numbered_pages_link_to_each_other(client, magazine, crowded):
    response = client.get(magazine.americas.url, {"page": 2})
    assert headlines(response) == [f"Story {i}" for i in range(12, 24)]
    soup = parse(response)
    pages = {a.get_text(strip=True): a["href"] for a in soup.select(".pagination a")}
    assert pages["1"] == magazine.americas.url
    assert pages["3"] == "?page=3"
    assert soup.select_one('.pagination a[aria-current="page"]').get_text(strip=True) == "2"
    assert soup.select_one('.pagination a[rel="prev"]')["href"] == magazine.americas.url
    assert soup.select_one('.pagination a[rel="next"]')["href"] == "?page=3"
    assert "page 2" in soup.title.get_text()


def test_last_page_holds_the_rest(client, magazine, crowded):
    response = client.get(magazine.americas.url, {"page": 3})
    assert headlines(response) == [f"Story {i}" for i in range(24, 30)]


def test_a_page_that_does_not_exist_is_a_404_not_a_500(client, magazine, crowded):
    for value in ["abc", "0", "-3", "99999", "1.5", "9" * 5000, "1e3", "%00", "4"]:
        response = client.get(magazine.americas.url, {"page": value})
        assert response.status_code == 404, value
        assert b"We could not find that page" in response.content
    # An empty value is the first page, and full-width digits are a number: each is sent to
    # the page's one address.
    for value, address in (("", ""), ("２", "?page=2")):
        response = client.get(magazine.americas.url, {"page": value})
        assert response.status_code == 301
        assert response["Location"] == magazine.americas.url + address
    assert headlines(client.get(magazine.americas.url, {"page": "2"}))[0] == "Story 12"


def test_an_empty_section_says_so(client, magazine):
    response = client.get(magazine.politics.url)
    assert response.status_code == 200
    assert b"Nothing has been published in Politics yet." in response.content


def test_unknown_paths_are_a_branded_404(client, magazine):
    response = client.get("/en/news/south-america/no-such-story/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content
    assert b"Skip to content" in response.content


def test_a_long_listing_counts_only_a_few_pages_ahead(client, magazine, crowded, monkeypatch):
    """Pages of a section are counted no further than PAGES_AHEAD past the one asked for,
    so a section of 100,000 articles costs no more than one of a hundred; what lies beyond
    is a gap and an "Older" link, and a page past the end is still a 404."""
    monkeypatch.setattr("core.pagination.PAGES_AHEAD", 1)

    def links(response) -> list[str]:
        soup = parse(response)
        return [item.get_text(strip=True) for item in soup.select(".pagination li")]

    first = client.get(magazine.americas.url)  # counts two pages of three
    assert links(first) == ["1", "2", "…", "Older →"]
    last = client.get(magazine.americas.url, {"page": 3})  # counts to the end
    assert links(last) == ["← Newer", "1", "2", "3"]
    assert headlines(last) == [f"Story {i}" for i in range(24, 30)]
    assert client.get(magazine.americas.url, {"page": 4}).status_code == 404
