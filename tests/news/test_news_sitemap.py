"""The Google News sitemap: the last two days' articles, with exactly the tags Google requires."""

import re
from datetime import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from home.models import MagazineSettings
from news import views
from tests import builders

NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
W3C_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$")


def news_sitemap(client) -> BeautifulSoup:
    response = client.get("/news-sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return BeautifulSoup(response.content, "xml")


def test_it_lists_the_last_two_days_articles_with_the_required_tags(client, magazine):
    settings = MagazineSettings.for_site(magazine.home.get_site())
    settings.name = "The Parallax & Co"
    settings.save()
    today = builders.article(magazine.andes, "Ships <return> today", [magazine.ana], days_ago=0.1)
    yesterday = builders.article(magazine.politics, "Vote yesterday", [magazine.ben], days_ago=1)
    builders.article(magazine.politics, "Vote last week", [magazine.ben], days_ago=3)
    builders.article(magazine.politics, "Unpublished", [magazine.ben], live=False)

    sitemap = news_sitemap(client)
    assert sitemap.urlset["xmlns:news"] == NEWS
    urls = sitemap.find_all("url")
    assert [url.loc.text for url in urls] == [today.full_url, yesterday.full_url]
    first = urls[0]
    # Exactly the tags Google requires, in its order, and nothing else.
    assert [tag.name for tag in first.find_all(recursive=False)] == ["loc", "news"]
    news = first.find("news:news") or first.news
    assert [tag.name for tag in news.find_all(recursive=False)] == [
        "publication",
        "publication_date",
        "title",
    ]
    assert news.publication.find("name").text == "The Parallax & Co"
    assert news.publication.language.text == "en"
    assert news.title.text == "Ships <return> today"
    published = news.publication_date.text
    assert W3C_DATETIME.match(published), published
    assert datetime.fromisoformat(published) == today.date.replace(microsecond=0)


def test_private_sections_stay_out(client, magazine):
    PageViewRestriction.objects.create(
        page=magazine.politics, restriction_type="password", password="secret"
    )
    builders.article(magazine.politics, "Members only", [magazine.ben])
    assert news_sitemap(client).find_all("url") == []


@pytest.mark.django_db
def test_it_holds_at_most_the_limit_newest_first(client, magazine, monkeypatch):
    monkeypatch.setattr(views, "NEWS_SITEMAP_LIMIT", 3)
    stories = [
        builders.article(magazine.andes, f"Story {hour}", [magazine.ana], days_ago=hour / 24)
        for hour in range(5)
    ]
    locations = [url.loc.text for url in news_sitemap(client).find_all("url")]
    assert locations == [story.full_url for story in stories[:3]]
