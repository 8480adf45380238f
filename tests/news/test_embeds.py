"""Embeds are looked up in the background when an article is saved, and stored whether they
are found or not; a reader's request never reaches the provider, and gets a plain link to the
original when there is no embed. Tested with the network unreachable."""

import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.finders.oembed import OEmbedFinder
from wagtail.embeds.models import Embed
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from news import embeds
from news.models import ArticlePage
from tests import builders

LOOPBACK = {"localhost", "127.0.0.1", "::1", None}
VIDEO = "https://vimeo.com/76979871"


@pytest.fixture
def network_attempts(monkeypatch) -> list:
    """No network beyond this machine: every lookup of and connection to another host fails,
    and is noted. (The database and Redis of the PostgreSQL run are on the loopback.)"""
    attempts = []
    real_getaddrinfo, real_connect = socket.getaddrinfo, socket.socket.connect

    def local(host) -> bool:
        return host in LOOPBACK or not isinstance(host, str)

    def getaddrinfo(host, *args, **kwargs):
        if local(host):
            return real_getaddrinfo(host, *args, **kwargs)
        attempts.append(host)
        raise OSError(101, "Network is unreachable")

    def connect(sock, address):
        if isinstance(address, str) or local(address[0]):  # a Unix socket, or this machine
            return real_connect(sock, address)
        attempts.append(address)
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempts


def embed_block(url: str = VIDEO) -> dict:
    return {"type": "embed", "value": url, "id": "video"}


@pytest.fixture
def video_story(magazine, network_attempts):
    body = [builders.paragraph("The launch, filmed from the quay."), embed_block()]
    return builders.article(magazine.andes, "Launch day", [magazine.ana], body=body)


def stored(url: str = VIDEO) -> Embed | None:
    return Embed.objects.filter(hash=get_embed_hash(url)).first()


def test_a_failed_lookup_is_stored_and_readers_get_a_link(client, video_story, network_attempts):
    failure = stored()
    assert failure is not None and failure.html == ""  # looked up once, on saving, and failed
    network_attempts.clear()
    for _ in range(3):
        response = client.get(video_story.url)
        assert response.status_code == 200
        assert f'<a href="{VIDEO}">View this on vimeo.com</a>' in response.content.decode()
    for url in ("/en/feeds/rss.xml", "/en/feeds/atom.xml", video_story.get_parent().url, "/en/"):
        assert client.get(url).status_code == 200, url
    assert network_attempts == []  # no reader's request reached for the provider


def test_a_found_embed_is_shown_and_pages_showing_the_link_are_forgotten(
    client, video_story, page_cache, monkeypatch, django_capture_on_commit_callbacks
):
    client.get(video_story.url)
    assert client.get(video_story.url)["X-Cache"] == "hit"

    def provider(self, url, max_width=None, max_height=None):
        return {
            "title": "Launch",
            "type": "video",
            "html": '<iframe src="https://player.vimeo.com/video/76979871"></iframe>',
            "width": 640,
            "height": 360,
        }

    monkeypatch.setattr(OEmbedFinder, "find_embed", provider)
    Embed.objects.filter(hash=get_embed_hash(VIDEO)).update(cache_until=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("resolve_embeds", verbosity=0)  # the scheduler's retry of failures
    response = client.get(video_story.url)
    assert response["X-Cache"] == "miss"
    assert "player.vimeo.com/video/76979871" in response.content.decode()


def test_a_failure_is_not_retried_before_it_is_due(video_story, monkeypatch):
    lookups = []

    def provider_down(self, url, max_width=None, max_height=None):
        lookups.append(url)
        raise OSError(101, "Network is unreachable")

    monkeypatch.setattr(OEmbedFinder, "find_embed", provider_down)
    call_command("resolve_embeds", verbosity=0)
    assert lookups == []
    Embed.objects.filter(hash=get_embed_hash(VIDEO)).update(
        cache_until=timezone.now() - timedelta(minutes=1)
    )
    call_command("resolve_embeds", verbosity=0)
    assert lookups == [VIDEO]
    assert stored().cache_until > timezone.now()  # failed again, due again later


def test_an_editor_saves_an_embed_with_the_provider_unreachable(
    admin_client, magazine, network_attempts, django_capture_on_commit_callbacks
):
    draft = ArticlePage(title="Filmed", slug="filmed")
    data = builders.article_form_data(draft, magazine.ana, hero=builders.image())
    body = streamfield([("paragraph", rich_text("<p>Watch.</p>")), ("embed", VIDEO)])
    data.update(nested_form_data({"body": body}))
    add_url = f"/admin/pages/add/news/articlepage/{magazine.andes.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(add_url, {**data, "action-publish": "1"})
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="filmed").live
    assert stored() is not None  # looked up after the save, in the background


def test_an_address_no_provider_handles_is_a_form_error(admin_client, magazine):
    draft = ArticlePage(title="Filmed", slug="filmed")
    data = builders.article_form_data(draft, magazine.ana, hero=builders.image())
    data.update(nested_form_data({"body": streamfield([("embed", "https://example.org/x")])}))
    add_url = f"/admin/pages/add/news/articlepage/{magazine.andes.pk}/"
    response = admin_client.post(add_url, {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert "No embed provider handles this address" in response.content.decode()


def test_a_page_with_embeds_looks_them_up_in_one_query(video_story, django_assert_num_queries):
    article = ArticlePage.objects.get(pk=video_story.pk)
    values = embeds.embed_values(article.body) * 3
    with django_assert_num_queries(1):
        embeds.load_stored(values)
        assert all(value.html == "" for value in values)
