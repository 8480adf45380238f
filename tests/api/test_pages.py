"""What an app gets from /api/v2/: articles with their byline, section, tags, hero crops and
body as blocks; live pages with their updates; filters by section, author, tag and type."""

import pytest

from tests import builders

pytestmark = pytest.mark.django_db


@pytest.fixture
def stories(magazine):
    m = magazine
    hero = builders.image("Ballot boxes", caption="Counting in Quito.")
    m.vote = builders.article(
        m.politics,
        "The vote",
        [m.ben, m.ana],
        days_ago=1,
        tags=("Elections",),
        hero_image=hero,
        dateline="QUITO",
    )
    m.river = builders.article(m.andes, "Rivers run dry", [m.ana], days_ago=2, tags=("Climate",))
    m.live = builders.live_page(m.politics, "Live: the count", [m.ben])
    m.first = builders.live_update(m.live, m.ana, "Polls close.", minutes_ago=10)
    m.second = builders.live_update(m.live, m.ben, "First results.", pinned=True)
    return m


def items(client, **query) -> list[dict]:
    response = client.get("/api/v2/pages/", query)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(client, **query) -> list[str]:
    return [item["title"] for item in items(client, **query)]


def test_an_article_in_full(client, stories):
    m = stories
    data = client.get(f"/api/v2/pages/{m.vote.pk}/").json()
    assert data["meta"]["type"] == "news.ArticlePage"
    assert data["standfirst"] == "The standfirst of The vote." and data["dateline"] == "QUITO"
    assert [author["name"] for author in data["authors"]] == ["Ben Okafor", "Ana Lima"]
    assert data["authors"][0]["html_url"].endswith(m.ben.url)
    assert data["section"]["title"] == "Politics" and data["tags"] == ["Elections"]
    assert data["hero"]["caption"] == "Counting in Quito."
    assert data["hero"]["alt"] == m.vote.hero_image.default_alt_text
    assert all(r["url"].startswith("http") for r in data["hero"]["renditions"].values())
    assert data["body"][0]["type"] == "paragraph"
    assert data["body"][0]["value"] == "<p>The body of The vote.</p>"


def test_a_live_page_with_its_updates(client, stories):
    m = stories
    data = client.get(f"/api/v2/pages/{m.live.pk}/").json()
    assert data["meta"]["type"] == "news.LivePage" and data["status"] == "live"
    assert [u["id"] for u in data["updates"]] == [m.second.pk, m.first.pk]
    assert data["updates"][0]["pinned"] and data["updates"][0]["author"]["name"] == "Ben Okafor"
    assert data["updates"][1]["html_url"].endswith(f"#update-{m.first.pk}")
    assert "<li>The first key point.</li>" in data["key_points"]


def test_filters_by_section_author_tag_and_type(client, stories):
    m = stories
    article = "news.ArticlePage"
    assert set(titles(client, type=article, section=m.americas.pk)) == {"Rivers run dry"}
    assert set(titles(client, type=article, author=m.ben.pk)) == {"The vote", "Live: the count"}
    assert titles(client, type=article, tags="Elections") == ["The vote"]
    assert titles(client, type="news.LivePage") == ["Live: the count"]
    newest = titles(client, type=article, order="-display_date")
    assert newest == ["Live: the count", "The vote", "Rivers run dry"]


def test_search(client, stories):
    assert "Rivers run dry" in titles(client, search="rivers")


def test_sections_and_authors(client, stories):
    m = stories
    section = client.get(f"/api/v2/pages/{m.politics.pk}/").json()
    assert section["intro"] == "About Politics."
    author = client.get(f"/api/v2/pages/{m.ana.pk}/").json()
    assert author["role"] == "Correspondent in Bogotá"
    assert author["bio"] == "<p>Ana Lima writes.</p>"


def test_queries_do_not_grow_with_the_articles_listed(client, stories):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    query = {"type": "news.ArticlePage", "fields": "standfirst,authors,section,tags,hero"}

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            items(client, **query)
        return len(queries)

    before = count()
    for n in range(5):
        builders.article(stories.americas, f"More {n}", [stories.ana], tags=("More",))
    assert count() == before
