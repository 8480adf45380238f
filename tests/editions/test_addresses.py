"""Every reader's address names its edition; the bare site sends readers to theirs."""

import pytest

from tests.helpers import page_soup


@pytest.mark.parametrize(
    "accept, edition",
    [
        ("es-MX,es;q=0.9,en;q=0.5", "/es/"),
        ("es", "/es/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9,es;q=0.5", "/es/"),
        ("de", "/en/"),
        ("", "/en/"),
        ("*", "/en/"),
        ("garbage;;q=x", "/en/"),
    ],
)
def test_the_site_address_sends_readers_to_their_edition_and_remembers_nothing(
    client, magazine, accept, edition
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == edition
    assert "Accept-Language" in response["Vary"]
    assert "private" in response["Cache-Control"]
    assert not response.cookies  # nothing a cache in front would have to vary on


def test_a_reader_with_a_language_cookie_still_gets_what_the_browser_asks(client, magazine):
    client.cookies["django_language"] = "es"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"


def test_addresses_from_before_the_editions_move_to_the_english_edition(client, spanish):
    story = spanish.story_en
    old = story.url.removeprefix("/en")
    response = client.get(old + "?utm_source=x", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 301
    assert response["Location"] == story.url  # the page cache drops tracking parameters
    assert client.get("/search/?q=rains")["Location"] == "/en/search/?q=rains"


def test_addresses_outside_the_editions_stay_where_they_are(client, magazine):
    for url in ("/robots.txt", "/sitemap.xml", "/news-sitemap.xml"):
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/").status_code == 302  # to the sign-in page, not to /en/


def test_each_edition_has_its_own_home_and_addresses(client, spanish):
    soup = page_soup(client, "/es/")
    assert soup.html["lang"] == "es"
    assert client.get("/es/").headers["Content-Language"] == "es"
    assert spanish.story.url.startswith("/es/noticias/sudamerica/")
    assert client.get(spanish.story.url).status_code == 200
    # A Spanish address under the English prefix names nothing.
    assert client.get("/en" + spanish.story.url.removeprefix("/es")).status_code == 404


def test_only_an_editions_pages_name_a_content_language(client, magazine):
    assert client.get("/es/").headers["Content-Language"] == "es"
    assert client.get("/en/").headers["Content-Language"] == "en"
    # The sitemaps list both editions; robots.txt is in no language.
    for url in ("/sitemap-pages.xml", "/robots.txt"):
        assert "Content-Language" not in client.get(url).headers, url
