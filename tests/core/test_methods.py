"""Every public address is read with GET and HEAD, which answer alike whether or not the page
cache holds the page; any other method is a 405 that names the two."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from tests import builders
from tests.helpers import body_of

METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND"]


@pytest.fixture
def addresses(magazine) -> list[str]:
    story = builders.article(magazine.andes, "River port reopens", [magazine.ana], tags=("Rivers",))
    picture = builders.image()
    return [
        "/en/",
        magazine.news.url,
        magazine.andes.url,
        story.url,
        magazine.people.url,
        magazine.ana.url,
        "/en/tags/rivers/",
        "/en/search/",
        "/en/search/?q=river",
        "/en/feeds/rss.xml",
        "/en/feeds/atom.xml",
        f"/en/feeds/section/{magazine.andes.pk}/rss.xml",
        f"/en/feeds/author/{magazine.ana.pk}/atom.xml",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/news-sitemap.xml",
        "/robots.txt",
        picture.file.url,
        "/static/css/magazine.css",
        "/en/no-such-page/",
    ]


def call(client, method: str, url: str):
    return client.generic(method, url)


@pytest.mark.parametrize("cached", [False, True], ids=["uncached", "cached"])
def test_head_answers_as_get_does(client, addresses, request, cached):
    if cached:
        request.getfixturevalue("page_cache")
    for url in addresses:
        for _ in range(2):  # the second from the page cache, when it is on
            get, head = client.get(url), client.head(url)
            assert head.status_code == get.status_code, url
            assert head["Content-Type"] == get["Content-Type"], url


@pytest.mark.parametrize("cached", [False, True], ids=["uncached", "cached"])
def test_other_methods_are_not_allowed(addresses, request, cached):
    if cached:
        request.getfixturevalue("page_cache")
    client = Client(enforce_csrf_checks=True)  # as a browser or a script would meet it
    for url in addresses:
        client.get(url)
        for method in METHODS:
            response = call(client, method, url)
            assert response.status_code == 405, (method, url, response.status_code)
            assert set(response["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}, url
            assert b"River port" not in body_of(response), (method, url)


def test_the_forms_readers_post_still_take_a_post(client, magazine):
    story = builders.article(magazine.andes, "Members only", [magazine.ana])
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type="password", password="s3cret"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{story.pk}/"
    response = client.post(url, {"password": "s3cret", "return_url": story.url})
    assert response.status_code == 302
    assert client.get(story.url).status_code == 200
    assert b"Members only" in client.get(story.url).content
