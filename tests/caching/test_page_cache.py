"""The page cache: anonymous readers get stored pages, and every page that shows an article is
fresh on the very next request after it changes; a CDN in front is told what to drop."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import PageViewRestriction, Revision

from caching import page_cache as page_cache_module
from home.models import MagazineSettings
from news.models import ArticlePage
from tests import builders
from tests.conftest import PURGED
from tests.helpers import warm, x_cache


@pytest.fixture
def desk(magazine, page_cache):
    """Thirteen articles in the Andes (two pages of its listing), by Ana, tagged Rivers."""
    for day in range(1, 14):
        builders.article(
            magazine.andes, f"Story {day}", [magazine.ana], days_ago=day, tags=("Rivers",)
        )
    return magazine


def pages_showing_andes_articles(magazine) -> list[str]:
    older = ArticlePage.objects.get(title="Story 1")
    return [
        "/en/",
        magazine.news.url,
        magazine.americas.url,
        magazine.andes.url,
        magazine.andes.url + "?page=2",
        magazine.ana.url,
        older.url,  # its "More in Andes" rail
        "/en/tags/rivers/",
        "/en/feeds/rss.xml",
        "/en/feeds/atom.xml",
        f"/en/feeds/section/{magazine.andes.pk}/rss.xml",
        f"/en/feeds/author/{magazine.ana.pk}/atom.xml",
        "/sitemap-pages.xml",
        "/news-sitemap.xml",
    ]


def test_anonymous_readers_get_stored_pages_with_cdn_headers(client, desk):
    url = desk.andes.url
    first = client.get(url)
    assert first["X-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    cache_control = {part.strip() for part in second["Cache-Control"].split(",")}
    assert {"public", "s-maxage=300", "stale-while-revalidate=60"} <= cache_control
    # Newsletter and social tracking parameters do not make a page of their own.
    assert x_cache(client, url + "?utm_source=newsletter&fbclid=abc") == "hit"
    assert x_cache(client, url + "?page=2") == "miss"


@pytest.mark.parametrize("request_kind", ["logged in", "post", "search query", "admin"])
def test_what_is_never_cached(client, admin_user, desk, request_kind):
    url = desk.andes.url
    if request_kind == "logged in":
        client.force_login(admin_user)
    for _ in range(2):
        if request_kind == "post":
            response = client.post(url, {})
        elif request_kind == "search query":
            response = client.get("/en/search/", {"q": "story"})
        elif request_kind == "admin":
            response = client.get("/admin/login/")
        else:
            response = client.get(url)
        assert "X-Cache" not in response, request_kind


@pytest.mark.usefixtures("page_cache")
def test_a_page_rendered_while_something_changed_is_not_served_after_the_change():
    """The render began before an editor's change and stored its page after it: that page
    shows the old state, so the next request renders afresh instead of taking it."""
    served = []

    def render_during_a_change(request):
        if not served:
            page_cache_module.forget_every_page()  # the editor publishes while this page renders
        served.append(request)
        return HttpResponse(f"render {len(served)}")

    middleware = page_cache_module.PageCacheMiddleware(render_during_a_change)
    first = middleware(RequestFactory().get("/en/news/"))
    second = middleware(RequestFactory().get("/en/news/"))
    third = middleware(RequestFactory().get("/en/news/"))
    assert (first.get("X-Cache"), second["X-Cache"], third["X-Cache"]) == (None, "miss", "hit")
    assert "no-cache" in first["Cache-Control"]  # nor may a cache in front keep it
    assert third.content == b"render 2"


def test_a_private_page_is_never_stored(client, desk):
    PageViewRestriction.objects.create(
        page=desk.politics, restriction_type="password", password="secret"
    )
    story = builders.article(desk.politics, "Members only", [desk.ben])
    for _ in range(2):
        response = client.get(story.url)
        assert "X-Cache" not in response
        assert b'name="password"' in response.content  # Wagtail's password form


def publish_new_story(magazine, callbacks):
    with callbacks(execute=True):
        return builders.article(
            magazine.andes, "Breaking: the river rises", [magazine.ana], tags=("Rivers",)
        )


def test_publishing_purges_each_address_once(desk):
    """Wagtail's own handlers would purge the article again, before the commit."""
    PURGED.clear()
    story = builders.article(desk.andes, "Breaking: the river rises", [desk.ana])  # commits
    assert story.full_url in PURGED
    purges = Counter(PURGED)
    assert purges.most_common(1)[0][1] == 1, purges.most_common(3)


def test_publishing_refreshes_every_page_that_shows_the_article(
    client, desk, django_capture_on_commit_callbacks
):
    urls = pages_showing_andes_articles(desk)
    warm(client, urls)
    story = publish_new_story(desk, django_capture_on_commit_callbacks)
    for url in urls:
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
    for url in [u for u in urls if "page=2" not in u and "sitemap-pages" not in u]:
        assert "Breaking: the river rises" in client.get(url).content.decode(), url
    assert story.url in client.get("/sitemap-pages.xml").content.decode()


@pytest.mark.parametrize("change", ["update", "unpublish", "move", "delete"])
def test_every_change_to_an_article_refreshes_the_pages(
    client, desk, django_capture_on_commit_callbacks, change
):
    story = publish_new_story(desk, django_capture_on_commit_callbacks)
    urls = pages_showing_andes_articles(desk)
    warm(client, urls)
    with django_capture_on_commit_callbacks(execute=True):
        if change == "update":
            story.title = "Breaking: the river falls"
            story.save_revision().publish()
        elif change == "unpublish":
            story.unpublish()
        elif change == "move":
            story.move(desk.politics, pos="last-child")
        else:
            story.delete()
    for url in urls:
        response = client.get(url)
        assert response["X-Cache"] == "miss", url
        html = response.content.decode()
        if change == "update" and "page=2" not in url and "sitemap" not in url:
            assert "Breaking: the river falls" in html, url
        if change in ("unpublish", "delete"):
            assert "Breaking: the river rises" not in html, url
    if change == "move":
        for url in (
            desk.andes.url,
            desk.americas.url,
            f"/en/feeds/section/{desk.andes.pk}/rss.xml",
        ):
            assert "Breaking: the river rises" not in client.get(url).content.decode(), url
        story.refresh_from_db()
        assert story.full_url in client.get("/sitemap-pages.xml").content.decode()


def test_a_scheduled_article_refreshes_the_pages_when_its_time_comes(
    client, desk, django_capture_on_commit_callbacks
):
    story = builders.article(desk.andes, "Embargoed", [desk.ana], live=False)
    revision = story.save_revision(approved_go_live_at=timezone.now() + timedelta(hours=1))
    revision.publish()
    urls = pages_showing_andes_articles(desk)
    warm(client, urls)
    Revision.objects.filter(pk=revision.pk).update(
        approved_go_live_at=timezone.now() - timedelta(minutes=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    untagged = "/en/tags/rivers/"  # the story has no tags: the Rivers page does not change
    for url in urls:
        assert client.get(url)["X-Cache"] == ("hit" if url == untagged else "miss"), url
    assert "Embargoed" in client.get(desk.andes.url).content.decode()


def test_settings_pictures_and_authors_refresh_the_pages(
    client, desk, django_capture_on_commit_callbacks
):
    warm(client, ["/en/", desk.andes.url])
    with django_capture_on_commit_callbacks(execute=True):
        settings = MagazineSettings.for_site(desk.home.get_site())
        settings.name = "The Renamed Review"
        settings.save()
    assert "The Renamed Review" in client.get(desk.andes.url).content.decode()

    warm(client, [desk.andes.url])
    with django_capture_on_commit_callbacks(execute=True):
        desk.ana.title = "Ana Lima-Ruiz"
        desk.ana.save_revision().publish()
    assert "Ana Lima-Ruiz" in client.get(desk.andes.url).content.decode()


def test_the_cdn_is_told_every_address_that_shows_a_published_article(
    desk, django_capture_on_commit_callbacks
):
    story = publish_new_story(desk, django_capture_on_commit_callbacks)
    root = "http://localhost"
    expected = {
        story.full_url,
        root + "/en/",
        desk.news.full_url,
        desk.americas.full_url,
        desk.andes.full_url,
        desk.andes.full_url + "?page=2",  # the section's listing runs to two pages
        desk.ana.full_url,
        desk.ana.full_url + "?page=2",
        root + "/en/tags/rivers/",
        root + "/en/feeds/rss.xml",
        root + "/en/feeds/atom.xml",
        root + f"/en/feeds/section/{desk.andes.pk}/rss.xml",
        root + f"/en/feeds/section/{desk.americas.pk}/atom.xml",
        root + f"/en/feeds/author/{desk.ana.pk}/rss.xml",
        root + "/sitemap.xml",
        root + "/sitemap-pages.xml",
        root + "/news-sitemap.xml",
    }
    assert expected <= set(PURGED)


@pytest.mark.parametrize("where", ["article", "section above"])
@pytest.mark.parametrize("kind", ["login", "password"])
def test_making_an_article_private_forgets_every_page_and_purges_the_cdn(
    client, desk, django_capture_on_commit_callbacks, where, kind
):
    story = publish_new_story(desk, django_capture_on_commit_callbacks)
    urls = [*pages_showing_andes_articles(desk), story.url]
    warm(client, urls)
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=story if where == "article" else desk.americas,
            restriction_type=kind,
            password="s3cret" if kind == "password" else "",
        )
    response = client.get(story.url)
    assert "the river rises" not in response.content.decode().lower()
    for url in pages_showing_andes_articles(desk):
        response = client.get(url)
        assert "X-Cache" not in response or response["X-Cache"] == "miss", url
        if response.status_code == 200:
            assert "Breaking: the river rises" not in response.content.decode(), url
    assert {story.full_url, desk.andes.full_url, desk.ana.full_url} <= set(PURGED)
    assert "http://localhost/en/tags/rivers/" in PURGED


def test_lifting_a_restriction_shows_the_article_again(
    client, desk, django_capture_on_commit_callbacks
):
    story = publish_new_story(desk, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=story, restriction_type="login")
    warm(client, [desk.andes.url])
    assert "Breaking: the river rises" not in client.get(desk.andes.url).content.decode()
    PURGED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert client.get(story.url).status_code == 200
    assert "Breaking: the river rises" in client.get(desk.andes.url).content.decode()
    assert story.full_url in PURGED
