"""The updates readers' pages poll survive a spike: served from the cache, forgotten the
moment an update is posted (and only they), and made once per update however many poll."""

import pytest

from news import live_fragments
from tests import builders
from tests.helpers import x_cache

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit(magazine, page_cache):
    page = builders.live_page(magazine.politics, "Live: the summit", [magazine.ana])
    builders.live_update(page, magazine.ana, "Delegations arrive.")
    return page


@pytest.fixture
def renders(monkeypatch):
    """How many times the updates were made."""
    made = []
    real = live_fragments._item

    def counting(request, page, update, url):
        made.append(update.pk)
        return real(request, page, update, url)

    monkeypatch.setattr(live_fragments, "_item", counting)
    return made


def test_polls_are_served_from_the_cache_until_an_update(client, magazine, summit):
    updates = summit.url + "updates/"
    assert x_cache(client, updates) == "miss"
    assert x_cache(client, updates) == "hit"
    response = client.get(updates)
    assert "max-age=0" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    assert f"live{summit.pk}" in response["xkey"].split()

    builders.live_update(summit, magazine.ben, "Talks begin.")
    assert x_cache(client, updates) == "miss"
    assert len(client.get(updates).json()["shown"]) == 2


def test_an_update_forgets_the_live_page_and_nothing_else(client, magazine, summit):
    story = builders.article(magazine.politics, "A plain story", [magazine.ana])
    urls = [summit.url, summit.url + "updates/", magazine.politics.url, story.url]
    for url in urls:
        client.get(url)
    builders.live_update(summit, magazine.ben, "Talks begin.")
    assert [x_cache(client, url) for url in urls] == ["miss", "miss", "hit", "hit"]


def test_updates_are_made_once_per_update_however_many_poll(client, magazine, summit, renders):
    client.get(summit.url)
    for _ in range(5):
        client.get(summit.url + "updates/")
    assert len(renders) == 1  # the one update, for the page and every poll

    renders.clear()
    builders.live_update(summit, magazine.ben, "Talks begin.")
    client.get(summit.url + "updates/")
    for _ in range(5):
        client.get(summit.url)
        client.get(summit.url + "updates/")
    assert len(renders) == 2  # both updates, once
