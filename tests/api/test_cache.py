"""API answers are cached like pages, keyed on all their parameters, and forgotten the moment
what they show changes."""

import pytest

from tests import builders
from tests.helpers import x_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def vote(magazine, page_cache):
    return builders.article(magazine.politics, "The vote", [magazine.ben], days_ago=1)


def test_each_set_of_parameters_is_an_answer_of_its_own(client, magazine, vote):
    articles = "/api/v2/pages/?type=news.ArticlePage"
    sections = "/api/v2/pages/?type=news.NewsIndexPage"
    assert x_cache(client, articles) == "miss"
    assert x_cache(client, sections) == "miss"
    assert x_cache(client, articles + "&fields=standfirst") == "miss"
    assert x_cache(client, "/api/v2/pages/?fields=standfirst&type=news.ArticlePage") == "hit"
    titles = {item["title"] for item in client.get(sections).json()["items"]}
    assert "The vote" not in titles and "Politics" in titles


def test_a_publication_forgets_the_listings_and_a_change_the_page(client, magazine, vote):
    listing = "/api/v2/pages/?type=news.ArticlePage"
    detail = f"/api/v2/pages/{vote.pk}/"
    for url in (listing, detail):
        client.get(url)
        assert x_cache(client, url) == "hit"

    builders.article(magazine.politics, "The count", [magazine.ana])
    assert x_cache(client, listing) == "miss"
    assert "The count" in [item["title"] for item in client.get(listing).json()["items"]]

    with builders.committed():
        vote.standfirst = "A new standfirst."
        vote.save_revision().publish()
    assert x_cache(client, detail) == "miss"
    assert client.get(detail).json()["standfirst"] == "A new standfirst."


def test_a_new_update_forgets_the_live_page_s_answer(client, magazine, page_cache):
    live = builders.live_page(magazine.politics, "Live: the count", [magazine.ben])
    detail = f"/api/v2/pages/{live.pk}/"
    client.get(detail)
    assert x_cache(client, detail) == "hit"
    builders.live_update(live, magazine.ana, "Polls close.")
    assert x_cache(client, detail) == "miss"
    assert len(client.get(detail).json()["updates"]) == 1


def test_searches_and_errors_are_not_kept(client, magazine, vote):
    assert x_cache(client, "/api/v2/pages/?search=vote") == "none"
    assert client.get("/api/v2/pages/?limit=abc").status_code == 400
    assert client.get("/api/v2/pages/?limit=abc").get("X-Cache") is None


def test_a_browser_gets_the_same_json_as_an_app(client, magazine, vote):
    """DRF would answer a browser's Accept: text/html with a page of HTML, and the caches do
    not key on Accept."""
    url = "/api/v2/pages/?type=news.ArticlePage"
    as_browser = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml,*/*;q=0.8")
    assert as_browser["Content-Type"] == "application/json"
    assert client.get(url)["Content-Type"] == "application/json"
