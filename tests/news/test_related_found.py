"""Related coverage is found by the search backend when an article is published, never on a
reader's request; a new story joins the related coverage of the articles most related to it."""

import pytest

from caching import surrogate_keys
from news import listings
from news.models import FoundRelated
from tests import builders


@pytest.fixture
def coverage(magazine):
    magazine.drought = builders.article(
        magazine.andes, "Drought empties Andean reservoirs", [magazine.ana], days_ago=3
    )
    magazine.vote = builders.article(magazine.politics, "The vote", [magazine.ben], days_ago=2)
    magazine.story = builders.article(
        magazine.politics, "Reservoirs and the drought vote", [magazine.ben], days_ago=1
    )
    return magazine


def related_titles(client, article) -> list[str]:
    response = client.get(article.url)
    assert response.status_code == 200
    return [card.title for card in response.context["related"]]


def test_an_article_shows_what_was_found_when_it_was_published(client, coverage, monkeypatch):
    assert coverage.drought.pk in FoundRelated.objects.get(article=coverage.story).ids

    def no_search(*args, **kwargs):
        raise AssertionError("a reader's request searched")

    monkeypatch.setattr(listings, "related_by_search", no_search)
    response = client.get(coverage.story.url)
    assert "Drought empties Andean reservoirs" in [c.title for c in response.context["related"]]
    assert surrogate_keys.all_articles("en") not in response["xkey"].split()


def test_a_new_story_joins_the_related_coverage_of_those_most_related_to_it(client, coverage):
    before = FoundRelated.objects.get(article=coverage.drought).ids
    assert coverage.story.pk in before  # found when the story was published, as a neighbour
    newer = builders.article(coverage.americas, "Andean reservoirs refill", [coverage.ben])
    assert newer.pk in FoundRelated.objects.get(article=coverage.drought).ids
    assert "Andean reservoirs refill" in related_titles(client, coverage.drought)


def test_an_unpublished_article_drops_out(client, coverage):
    assert "Drought empties Andean reservoirs" in related_titles(client, coverage.story)
    with builders.committed():
        coverage.drought.unpublish()
    assert "Drought empties Andean reservoirs" not in related_titles(client, coverage.story)


def test_until_it_has_been_found_the_search_backend_is_asked(client, coverage):
    FoundRelated.objects.all().delete()
    response = client.get(coverage.story.url)
    assert "Drought empties Andean reservoirs" in [c.title for c in response.context["related"]]
    assert surrogate_keys.all_articles("en") in response["xkey"].split()


def test_found_again_forgets_the_article_from_the_page_cache(client, coverage, page_cache):
    client.get(coverage.drought.url)
    assert client.get(coverage.drought.url)["X-Cache"] == "hit"
    builders.article(coverage.americas, "Andean reservoirs refill", [coverage.ben])
    assert client.get(coverage.drought.url)["X-Cache"] == "miss"
