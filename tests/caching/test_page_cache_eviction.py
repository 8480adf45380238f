"""A page forgotten by the page cache stays forgotten, whatever its backend does with the
tokens that say which pages are current: expire them (Django's file cache rewrote a counter
with its default timeout of 300 s) or evict them (Redis under its memory limit, the file cache
culling)."""

import os
import time

import pytest
from django.core.cache import caches

from caching import page_cache, surrogate_keys
from tests import builders
from tests.conftest import page_cache_settings

BACKENDS = [
    "locmem",
    "file",
    pytest.param(
        "redis",
        marks=pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL"),
    ),
]


@pytest.fixture(params=BACKENDS)
def backend(request, settings, tmp_path):
    settings.CACHES = {**settings.CACHES, "pages": page_cache_settings(request.param, tmp_path)}
    yield request.param
    caches["pages"].clear()


def a_later_clock(monkeypatch, seconds: float) -> None:
    """Every cache backend in this process reads time.time(): it now says `seconds` later."""
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + seconds)


def evict_the_tokens(story) -> None:
    """Every token the article's pages were stored with, and the changes token, gone."""
    keys = story.touched_keys() | {surrogate_keys.SITE}
    caches["pages"].delete_many([page_cache.TOKEN_PREFIX + key for key in keys])
    caches["pages"].delete(page_cache.CHANGES_KEY)


def lose_the_tokens(backend: str, story, monkeypatch) -> None:
    if backend == "redis":  # Redis keeps the keys without expiry; it can still evict them
        evict_the_tokens(story)
    else:  # an hour on: past the backends' default timeout, within the pages' own
        a_later_clock(monkeypatch, 60 * 60)


@pytest.mark.parametrize("loss", ["expiry", "eviction"])
def test_an_unpublished_article_never_comes_back_from_the_cache(
    client, magazine, backend, loss, monkeypatch, django_capture_on_commit_callbacks
):
    story = builders.article(magazine.andes, "The river rises", [magazine.ana])
    assert client.get(story.url)["X-Cache"] == "miss"
    assert client.get(story.url)["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    assert client.get(story.url).status_code == 404

    if loss == "expiry":
        lose_the_tokens(backend, story, monkeypatch)
    else:
        evict_the_tokens(story)
    response = client.get(story.url)
    assert response.status_code == 404
    assert "The river rises" not in client.get(magazine.andes.url).content.decode()


def test_a_new_token_is_one_no_cache_has_held(backend):
    key = surrogate_keys.page(7)
    seen = {page_cache.tokens([key])[key]}
    for _ in range(50):
        page_cache.touch([key])
        current = page_cache.tokens([key])[key]
        assert current not in seen
        seen.add(current)
        caches["pages"].delete(page_cache.TOKEN_PREFIX + key)  # evicted: the next one is new too
        fresh = page_cache.tokens([key])[key]
        assert fresh not in seen
        seen.add(fresh)
