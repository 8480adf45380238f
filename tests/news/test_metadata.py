"""What an article and a section tell search engines and social networks."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from home.models import MagazineSettings
from news.models import ArticleNote
from tests import builders
from tests.metadata import PageMetadata


@pytest.fixture
def story(magazine):
    settings = MagazineSettings.for_site(magazine.home.get_site())
    settings.name = "The Parallax"
    settings.logo = builders.image("Logo", size=(400, 120))
    settings.save()
    hero = builders.image("Quay", size=(2000, 1400))
    return builders.article(
        magazine.andes,
        "Cargo returns to the river port",
        [magazine.ana, magazine.ben],
        days_ago=2,
        hero_image=hero,
        standfirst="Three ships arrived on Tuesday, the first in eleven years.",
        tags=("Colombia", "Transport"),
    )


def test_an_article_has_a_title_description_and_canonical_address(client, story):
    meta = PageMetadata(client.get(story.url + "?utm_source=newsletter"))
    assert meta.title == "Cargo returns to the river port | The Parallax"
    assert meta.description == "Three ships arrived on Tuesday, the first in eleven years."
    assert meta.canonical == story.full_url


def test_an_article_has_open_graph_and_a_large_twitter_card(client, story):
    meta = PageMetadata(client.get(story.url))
    assert meta.tag("og:type") == "article"
    assert meta.tag("og:title") == "Cargo returns to the river port"
    assert meta.tag("og:url") == story.full_url
    assert meta.tag("og:site_name") == "The Parallax"
    assert meta.tag("og:image").startswith("http://localhost/media/")
    assert meta.tag("og:image").endswith(".fill-1200x630.format-jpeg.jpg")
    assert (meta.tag("og:image:width"), meta.tag("og:image:height")) == ("1200", "630")
    assert meta.tag("og:image:alt") == "Alt text for Quay"
    assert meta.tag("article:published_time") == timezone.localtime(story.date).isoformat()
    assert meta.tags("article:author") == [
        story.article_authors.all()[0].author.full_url,
        story.article_authors.all()[1].author.full_url,
    ]
    assert meta.tag("article:section") == "Andes"
    assert meta.tags("article:tag") == ["Colombia", "Transport"]
    assert meta.tag("twitter:card") == "summary_large_image"
    # X falls back to Open Graph's title, description and image: not repeated.
    assert meta.tags("twitter:image") == meta.tags("twitter:title") == []
    assert meta.tag("twitter:image:alt") == "Alt text for Quay"


def test_an_article_is_a_news_article_with_every_author(client, magazine, story):
    meta = PageMetadata(client.get(story.url))
    article = meta.of_type("NewsArticle")
    assert article["headline"] == "Cargo returns to the river port"
    assert article["author"] == [
        {"@type": "Person", "name": "Ana Lima", "url": magazine.ana.full_url},
        {"@type": "Person", "name": "Ben Okafor", "url": magazine.ben.full_url},
    ]
    shapes = [(image["width"], image["height"]) for image in article["image"]]
    assert shapes == [(1200, 675), (1200, 900), (1200, 1200)]
    published = datetime.fromisoformat(article["datePublished"])
    assert published.tzinfo is not None
    assert published == story.date
    assert article["dateModified"] == article["datePublished"]
    publisher = article["publisher"]
    assert publisher["name"] == "The Parallax"
    assert publisher["logo"]["url"].endswith(".png")
    assert publisher["logo"]["height"] == 60


def test_the_latest_correction_is_the_articles_modified_date(client, story):
    noted = timezone.now() - timedelta(hours=3)
    ArticleNote.objects.create(page=story, date=noted - timedelta(hours=5), text="<p>Earlier.</p>")
    ArticleNote.objects.create(page=story, date=noted, text="<p>Later.</p>")
    meta = PageMetadata(client.get(story.url))
    assert datetime.fromisoformat(meta.of_type("NewsArticle")["dateModified"]) == noted
    assert meta.tag("article:modified_time") == timezone.localtime(noted).isoformat()


def test_breadcrumbs_lead_from_home_to_the_article(client, magazine, story):
    crumbs = PageMetadata(client.get(story.url)).of_type("BreadcrumbList")["itemListElement"]
    assert [(crumb["position"], crumb["name"], crumb["item"]) for crumb in crumbs] == [
        (1, "Home", magazine.home.full_url),
        (2, "News", magazine.news.full_url),
        (3, "South America", magazine.americas.full_url),
        (4, "Andes", magazine.andes.full_url),
        (5, "Cargo returns to the river port", story.full_url),
    ]


def test_markup_in_a_headline_cannot_break_out_of_the_json_ld(client, magazine):
    title = "</script><script>alert(1)</script> & more"
    story = builders.article(
        magazine.andes, title, [magazine.ana], body=[builders.paragraph("Plain words.")]
    )
    response = client.get(story.url)
    assert b"<script>alert(1)" not in response.content
    assert PageMetadata(response).of_type("NewsArticle")["headline"] == title


def test_a_section_has_its_intro_as_description_and_breadcrumbs(client, magazine):
    for number in range(13):
        builders.article(magazine.andes, f"Story {number}", [magazine.ana], days_ago=number)
    meta = PageMetadata(client.get(magazine.andes.url))
    assert meta.title == "Andes | " + MagazineSettings.for_site(magazine.home.get_site()).name
    assert meta.description == "About Andes."
    assert meta.canonical == magazine.andes.full_url
    assert meta.tag("og:type") == "website"
    names = [crumb["name"] for crumb in meta.of_type("BreadcrumbList")["itemListElement"]]
    assert names == ["Home", "News", "South America", "Andes"]
    # Later pages are pages of their own to search engines.
    second = PageMetadata(client.get(magazine.andes.url + "?page=2"))
    assert second.canonical == magazine.andes.full_url + "?page=2"


def test_an_article_without_a_hero_has_a_small_card_and_no_image(client, magazine):
    story = builders.article(magazine.andes, "Words only", [magazine.ana])
    meta = PageMetadata(client.get(story.url))
    assert meta.tag("twitter:card") == "summary"
    assert meta.tags("og:image") == []
    assert "image" not in meta.of_type("NewsArticle")
