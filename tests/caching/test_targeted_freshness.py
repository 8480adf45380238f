"""A change forgets only the pages that show what it touched: an unrelated section's pages,
feeds and author stay in the page cache, and say what they show in their `xkey` header."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision, Site

from caching import surrogate_keys
from home.models import MagazineSettings
from tests import builders
from tests.builders import KINDS, change_the_andes
from tests.helpers import warm, x_cache


def unrelated(magazine) -> list[str]:
    """Pages that show nothing of the Andes, of Ana or of the Rivers tag."""
    return [
        magazine.politics.url,
        magazine.vote.url,
        magazine.ben.url,
        "/en/tags/elections/",
        f"/en/feeds/section/{magazine.politics.pk}/rss.xml",
        f"/en/feeds/author/{magazine.ben.pk}/atom.xml",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_a_change_leaves_an_unrelated_sections_pages_cached(
    client, newsroom, kind, django_capture_on_commit_callbacks
):
    urls = unrelated(newsroom)
    warm(client, urls)
    with django_capture_on_commit_callbacks(execute=True):
        change_the_andes(kind, newsroom)
    assert {url: x_cache(client, url) for url in urls} == dict.fromkeys(urls, "hit")


@pytest.mark.parametrize("kind", KINDS)
def test_a_change_forgets_the_pages_that_show_it(
    client, newsroom, kind, django_capture_on_commit_callbacks
):
    story = newsroom.andes_story
    shows = {
        "publish": [newsroom.andes.url, "/en/", newsroom.ana.url, "/en/tags/rivers/"],
        "update": [newsroom.andes.url, "/en/", newsroom.ana.url, "/en/tags/rivers/"],
        "unpublish": [newsroom.andes.url, "/en/", newsroom.ana.url, "/en/tags/rivers/"],
        "move": [newsroom.andes.url, newsroom.americas.url, newsroom.ana.url],
        "delete": [newsroom.andes.url, "/en/", newsroom.ana.url, "/en/tags/rivers/"],
        "author": [newsroom.ana.url, story.url, newsroom.andes.url, "/en/"],
        "picture": [story.url, newsroom.andes.url, "/en/", newsroom.ana.url],
        "tag": ["/en/tags/rivers/", story.url],
    }[kind]
    warm(client, shows)
    with django_capture_on_commit_callbacks(execute=True):
        change_the_andes(kind, newsroom)
    for url in shows:
        response = client.get(url)
        assert response.get("X-Cache") != "hit", url


def test_a_scheduled_article_going_live_leaves_other_sections_cached(
    client, newsroom, django_capture_on_commit_callbacks
):
    story = builders.article(newsroom.andes, "Embargoed", [newsroom.ana], live=False)
    revision = story.save_revision(approved_go_live_at=timezone.now() + timedelta(hours=1))
    revision.publish()
    urls = unrelated(newsroom)
    warm(client, urls + [newsroom.andes.url])
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    assert x_cache(client, newsroom.andes.url) == "miss"
    assert {url: x_cache(client, url) for url in urls} == dict.fromkeys(urls, "hit")


def test_the_settings_forget_every_page(client, newsroom, django_capture_on_commit_callbacks):
    urls = unrelated(newsroom)
    warm(client, urls)
    with django_capture_on_commit_callbacks(execute=True):
        settings = MagazineSettings.for_site(Site.objects.get(is_default_site=True))
        settings.tagline = "All the news"
        settings.save()
    assert {url: x_cache(client, url) for url in urls} == dict.fromkeys(urls, "miss")


def test_every_response_says_what_it_shows(client, newsroom):
    story = newsroom.andes_story
    keys = set(client.get(story.url)["xkey"].split())
    assert {
        surrogate_keys.SITE,
        surrogate_keys.page(story.pk),
        surrogate_keys.page(newsroom.ana.pk),
        surrogate_keys.listing("section", newsroom.andes.pk),
        surrogate_keys.listing("author", newsroom.ana.pk),
    } <= keys
    section_keys = set(client.get(newsroom.politics.url)["xkey"].split())
    assert surrogate_keys.page(newsroom.vote.pk) in section_keys
    assert surrogate_keys.page(story.pk) not in section_keys
    for url in ("/en/feeds/rss.xml", "/sitemap-pages.xml", "/news-sitemap.xml", "/en/"):
        assert surrogate_keys.all_articles("en") in client.get(url)["xkey"].split(), url
