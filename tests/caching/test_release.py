"""A deploy is a site-wide change: pages and fragments stored by the last release are not
served by the next, with no flush to remember."""

import pytest

from caching import fragments, release
from caching import page_cache as stored_pages
from tests import builders


@pytest.fixture
def fresh_release(settings):
    release._known = None
    yield
    release._known = None


def test_the_release_changes_with_a_template(settings, tmp_path, fresh_release):
    settings.BASE_DIR = tmp_path
    template = tmp_path / "templates" / "card.html"
    template.parent.mkdir()
    template.write_text("<p>{{ title }}</p>")
    first = release.release()
    assert release.release() == first  # once per process
    template.write_text("<h3>{{ title }}</h3>")
    release._known = None  # the next process
    assert release.release() != first


def test_under_debug_an_edited_template_is_seen_within_a_second(
    settings, tmp_path, fresh_release, monkeypatch
):
    settings.BASE_DIR, settings.DEBUG = tmp_path, True
    template = tmp_path / "base.html"
    template.write_text("old")
    clock = [100.0]
    monkeypatch.setattr(release.time, "monotonic", lambda: clock[0])
    first = release.release()
    template.write_text("new, and longer")
    assert release.release() == first
    clock[0] += 2
    assert release.release() != first


def test_pages_and_fragments_of_the_last_release_are_not_served(
    client, magazine, page_cache, monkeypatch
):
    story = builders.article(magazine.andes, "Cargo returns", [magazine.ana])
    client.get(story.url)
    assert client.get(story.url)["X-Cache"] == "hit"
    monkeypatch.setattr(stored_pages, "release", lambda: "next")
    made = []
    real_cached = fragments.cached
    monkeypatch.setattr(fragments, "release", lambda: "next")

    def spying(name, make, **kwargs):
        return real_cached(name, lambda: made.append(name) or make(), **kwargs)

    monkeypatch.setattr(fragments, "cached", spying)
    assert client.get(story.url)["X-Cache"] == "miss"
    assert any(name.startswith("article:") for name in made)
