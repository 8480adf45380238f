"""The API shows only what the public site shows: no word of a draft, an unpublished, a
scheduled, a restricted article, one in a private section, a revision in review, a private
or draft live page or a removed update, by any endpoint, listing, filter or search.

The hidden articles are tests/news/test_leaks.py's (each says "embargo"); beside them here,
their pictures (named for the secret) and live coverage that must not show.
"""

import pytest
from wagtail.models import PageViewRestriction

from tests import builders
from tests.news.test_leaks import SECRET, newsroom, restrict, text_of  # noqa: F401

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_everywhere(newsroom):  # noqa: F811
    m = newsroom
    for kind, page in m.hidden.items():
        picture = builders.image(f"Copper {SECRET} picture {kind}")
        type(page).objects.filter(pk=page.pk).update(hero_image=picture)
    m.live = builders.live_page(m.americas, "Copper strike live", [m.ana])
    builders.live_update(m.live, m.ana, "Miners walk out.")
    removed = builders.live_update(m.live, m.ben, f"A rumour under {SECRET}.")
    removed.removed_at = removed.posted_at
    removed.save()
    m.hidden["live draft"] = builders.live_page(
        m.americas, f"Copper {SECRET} live draft", [m.ana], live=False
    )
    builders.live_update(m.hidden["live draft"], m.ana, f"Figures under {SECRET}.")
    m.hidden["live private"] = builders.live_page(m.americas, f"Copper {SECRET} live", [m.ana])
    builders.live_update(m.hidden["live private"], m.ana, f"Figures under {SECRET}.")
    restrict(m.hidden["live private"], PageViewRestriction.LOGIN)
    return m


def api_addresses(m) -> list[str]:
    listings = [
        "",
        "type=news.ArticlePage&fields=*",
        "type=news.LivePage&fields=*",
        "type=news.NewsIndexPage&fields=*",
        "type=people.AuthorPage&fields=*",
        "type=news.ArticlePage&tags=copper&fields=*",
        f"type=news.ArticlePage&author={m.ana.pk}&fields=*",
        f"section={m.americas.pk}&fields=title",
        f"descendant_of={m.news.pk}",
        f"child_of={m.americas.pk}",
        "search=copper",
        f"search={SECRET}",
        "type=news.ArticlePage&search=copper&fields=*",
        "type=news.ArticlePage&order=-display_date&fields=*",
        "locale=en&type=news.ArticlePage&fields=*",
    ]
    return [
        *(f"/api/v2/pages/?{query}" for query in listings),
        f"/api/v2/pages/{m.visible.pk}/",
        f"/api/v2/pages/{m.in_review.pk}/",
        f"/api/v2/pages/{m.live.pk}/",
        f"/api/v2/pages/{m.americas.pk}/",
        f"/api/v2/pages/{m.ana.pk}/",
        "/api/v2/images/",
        "/api/v2/images/?fields=*",
    ]


def test_no_api_answer_carries_a_word_readers_may_not_see(client, hidden_everywhere):
    for url in api_addresses(hidden_everywhere):
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        assert SECRET not in text_of(response), url


def test_the_same_answers_show_what_readers_may_see(client, hidden_everywhere):
    m = hidden_everywhere
    titles = [
        item["title"]
        for item in client.get("/api/v2/pages/?type=news.ArticlePage&limit=20").json()["items"]
    ]
    assert {"Copper output rises", "Copper mine reopens", "Copper strike live"} <= set(titles)
    live = client.get(f"/api/v2/pages/{m.live.pk}/").json()
    assert [u["body"][0]["value"] for u in live["updates"]] == ["<p>Miners walk out.</p>"]


def test_hidden_pages_and_their_pictures_are_not_found(client, hidden_everywhere):
    m = hidden_everywhere
    for kind, page in m.hidden.items():
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, kind
        found = client.get("/api/v2/pages/find/", {"html_path": page.url or "/"})
        assert found.status_code == 404 or f"/{page.pk}/" not in found.get("Location", ""), kind
        page.refresh_from_db()
        if page.hero_image_id:
            picture = f"/api/v2/images/{page.hero_image_id}/"
            assert client.get(picture).status_code == 404, kind
