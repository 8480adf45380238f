"""Fragments: an editor's (or any uncached) render of a page reuses the parts that did not
change, and never shows a part that did. Requests here carry a session cookie, so the page
cache stands aside and only the fragments are at work."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import builders
from tests.builders import KINDS, change_the_andes

# The queries of a page whose fragments are all made: routing and the view restrictions.
WARM_ARTICLE_QUERIES = 6


@pytest.fixture
def editor_client(client):
    client.cookies["sessionid"] = "no-such-session"  # passes the page cache by, as a session
    return client


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_a_second_render_reuses_every_fragment(editor_client, newsroom):
    story = newsroom.andes_story
    first = editor_client.get(story.url).content
    assert queries(editor_client, story.url) == WARM_ARTICLE_QUERIES
    assert editor_client.get(story.url).content == first


@pytest.mark.parametrize("kind", KINDS)
def test_a_change_leaves_an_unrelated_articles_fragments_made(
    editor_client,
    newsroom,
    kind,
    django_capture_on_commit_callbacks,
):
    vote = newsroom.vote
    editor_client.get(vote.url)
    with django_capture_on_commit_callbacks(execute=True):
        change_the_andes(kind, newsroom)
    assert queries(editor_client, vote.url) == WARM_ARTICLE_QUERIES


def rails_of(client, url: str) -> str:
    html = client.get(url).content.decode()
    return html[html.index('id="more-in-section"') :]


@pytest.mark.parametrize("kind", ["publish", "update", "unpublish", "delete", "move"])
def test_the_rails_of_a_neighbour_show_a_change_at_once(
    editor_client,
    newsroom,
    kind,
    django_capture_on_commit_callbacks,
):
    story = newsroom.andes_story
    neighbour = newsroom.andes.get_children().live().exclude(pk=story.pk).first().specific
    assert story.title in rails_of(editor_client, neighbour.url)
    with django_capture_on_commit_callbacks(execute=True):
        change_the_andes(kind, newsroom)
    rails = rails_of(editor_client, neighbour.url)
    expected = {
        "publish": ("Breaking" in rails, True),
        "update": ("A new headline" in rails, True),
        "unpublish": (story.title in rails, False),
        "delete": (story.title in rails, False),
        # Moved out of the Andes into South America: still Ana's, now "More from" her.
        "move": (story.title in rails.split('id="more-from-author"')[-1], True),
    }[kind]
    assert expected[0] is expected[1], rails


def test_an_authors_change_shows_in_the_article_at_once(
    editor_client,
    newsroom,
    django_capture_on_commit_callbacks,
):
    story = newsroom.andes_story
    editor_client.get(story.url)
    with django_capture_on_commit_callbacks(execute=True):
        change_the_andes("author", newsroom)
    assert "Editor at large" in editor_client.get(story.url).content.decode()


def test_a_preview_never_shows_or_keeps_fragments(editor_client, newsroom):
    story = newsroom.andes_story
    published = story.title
    editor_client.get(story.url)  # its content, made
    story.title = "A headline in draft"
    preview = story.make_preview_request().render().content.decode()
    assert headline("A headline in draft") in preview
    page = editor_client.get(story.url).content.decode()
    assert headline(published) in page and "A headline in draft" not in page


def headline(title: str) -> str:
    return f'<h1 class="article__headline">{title}</h1>'


def test_a_listing_with_other_parameters_is_made_for_its_reader_alone(
    editor_client,
    newsroom,
):
    for day in range(4, 30):
        builders.article(newsroom.andes, f"Old {day}", [newsroom.ana], days_ago=day)
    tracked = editor_client.get(newsroom.andes.url + "?page=2&ref=secret-token")
    assert "secret-token" in tracked.content.decode()  # its own links keep it
    assert "secret-token" not in editor_client.get(newsroom.andes.url + "?page=2").content.decode()
