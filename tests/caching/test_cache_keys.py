"""The page cache keys a page on what changes it, written one way: made-up parameters, page
numbers spelled otherwise, ports and doubled slashes cannot fill it."""

import pytest
from django.core.cache import caches
from django.test import Client

from caching import page_cache
from tests import builders
from tests.helpers import x_cache


@pytest.fixture
def listing(magazine, page_cache):
    """Thirteen articles in the Andes: two pages of its listing."""
    for day in range(1, 14):
        builders.article(magazine.andes, f"Story {day}", [magazine.ana], days_ago=day)
    return magazine


def stored_pages() -> int:
    """How many pages the page cache holds, in local memory or in Redis alike."""
    store = caches["pages"]
    if hasattr(store, "_cache") and isinstance(store._cache, dict):  # local memory's own table
        return sum(1 for key in store._cache if ":page:" in key)
    pattern = store.make_key(page_cache.stored_under("page:*"))  # under this release
    return sum(1 for _ in store._cache.get_client().scan_iter(match=pattern))


def test_parameters_a_page_ignores_share_its_stored_page(client, listing):
    url = listing.andes.url
    assert x_cache(client, url) == "miss"
    for junk in ("?colour=blue", "?p=7", "?utm_source=x&ref=y", "?page.=2", "?PAGE=2"):
        assert x_cache(client, url + junk) == "hit", junk
    # The view never saw them: its links do not carry them on.
    assert "colour" not in client.get(url + "?colour=blue&page=2").content.decode()


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [("02", "?page=2"), ("+2", "?page=2"), ("002", "?page=2"), ("%202", "?page=2")],
)
def test_a_page_number_spelled_otherwise_is_redirected(client, listing, spelling, canonical):
    response = client.get(listing.andes.url + "?page=" + spelling)
    assert response.status_code == 301
    assert response["Location"] == listing.andes.url + canonical


def test_page_one_is_the_address_without_a_number(client, listing):
    response = client.get(listing.andes.url + "?page=1")
    assert response.status_code == 301 and response["Location"] == listing.andes.url


@pytest.mark.parametrize("number", ["abc", "0", "-1", "2.0", "00", "1e3", "2&page=3"])
def test_a_page_number_that_is_no_number_is_not_found(client, listing, number):
    assert client.get(listing.andes.url + "?page=" + number).status_code == 404


def test_a_page_without_a_listing_drops_the_page_number(client, listing):
    story = listing.andes.get_children().live().first()
    response = client.get(story.url + "?page=2")
    assert response.status_code == 301 and response["Location"] == story.url
    assert stored_pages() == 0


def test_the_port_in_the_host_makes_no_page_of_its_own(client, listing):
    url = listing.andes.url
    first = client.get(url, HTTP_HOST="localhost")
    for host in ("localhost:8000", "localhost:1", "LOCALHOST", "localhost.:80"):
        response = Client().get(url, HTTP_HOST=host)
        assert response["X-Cache"] == "hit", host
        assert response.content == first.content


def test_doubled_slashes_are_no_page_of_their_own(client, listing):
    """Wagtail's address pattern takes no empty part, so none of these is a page to store."""
    for spelling in ("/en/news//", "/en/news///", "/en/news//south-america//"):
        assert client.get(spelling).status_code in (301, 404), spelling
    assert stored_pages() == 0


def test_search_with_filters_is_not_stored(client, listing):
    for url in (
        f"/en/search/?section={listing.andes.pk}",
        "/en/search/?q=story",
        "/en/search/?order=newest",
    ):
        client.get(url)
        assert client.get(url).get("X-Cache") is None, url


def test_a_flood_of_made_up_addresses_stores_only_the_real_pages(client, listing):
    url = listing.andes.url
    for n in range(60):
        for variant in (
            f"{url}?junk={n}",
            f"{url}?p={n}",
            f"{url}?page=0{n + 2}",
            f"{url}?page={n + 3}",  # past the end: 404, not stored
        ):
            Client().get(variant, HTTP_HOST=f"localhost:{8000 + n}")
        client.get(f"/en/news/{'/' * (n % 5 + 1)}")
    assert 1 <= stored_pages() <= 2  # the listing's two pages (and at most /news/)


def test_a_cache_that_fails_serves_pages_uncached(client, listing, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("the cache server is gone")

    monkeypatch.setattr(page_cache, "cache", down)
    response = client.get(listing.andes.url)
    assert response.status_code == 200
    assert "Story 1" in response.content.decode()
