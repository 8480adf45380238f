"""What every page shares: the masthead, the magazine's settings, the error pages."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from home.models import MagazineSettings
from news.models import NewsIndexPage


@pytest.fixture
def named(magazine):
    settings = MagazineSettings.for_site(magazine.home.get_site())
    settings.name = "The Test Review"
    settings.tagline = "News from somewhere"
    settings.footer_note = "All of this is made up."
    settings.bluesky_url = "https://bsky.app/profile/test.example"
    settings.save()
    return magazine


def test_name_tagline_and_social_accounts_come_from_the_settings(client, named):
    soup = BeautifulSoup(client.get(named.americas.url).content, "html.parser")
    assert soup.title.get_text() == "South America | The Test Review"
    assert soup.select_one(".masthead__name").get_text(strip=True) == "The Test Review"
    assert soup.select_one(".masthead__tagline").get_text() == "News from somewhere"
    social = soup.select_one(".site-footer__social a")
    assert (social.get_text(), social["href"]) == (
        "Bluesky",
        "https://bsky.app/profile/test.example",
    )
    assert "All of this is made up." in soup.select_one(".site-footer").get_text()


def test_pages_declare_their_language_and_a_search_box(client, named):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    assert soup.html["lang"] == "en"
    form = soup.select_one("form.site-search")
    assert form["action"] == "/en/search/" and form.find("input", attrs={"name": "q"})
    assert form.find("label")["for"] == form.find("input")["id"]


def test_a_server_error_gets_the_branded_500_page(named, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(NewsIndexPage, "get_context", broken)
    response = Client(raise_request_exception=False).get(named.americas.url)
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"a bug" not in response.content


def test_the_stylesheet_and_fonts_are_served(client):
    assert client.get("/static/css/magazine.css").status_code == 200
    font = client.get("/static/fonts/source-serif-4-latin-wght-normal.woff2")
    assert font.status_code == 200 and font["Content-Type"] == "font/woff2"


def test_a_logo_replaces_the_name_in_the_masthead(client, named):
    from tests import builders

    settings = MagazineSettings.for_site(named.home.get_site())
    settings.logo = builders.image("Logo", size=(600, 200))
    with builders.committed():  # the logo's crops are made once the change commits
        settings.save()
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    picture = soup.select_one(".masthead__name picture")
    assert [source["type"] for source in picture.find_all("source")] == ["image/avif"]
    assert picture.img["alt"] == "The Test Review"
    assert (picture.img["width"], picture.img["height"]) == ("288", "96")
