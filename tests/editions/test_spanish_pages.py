"""What a reader of the Spanish edition sees: Spanish words, Spanish dates, Spanish lists, and
links to the same page in English."""

import datetime

from django.utils import timezone

from news.models import ArticlePage
from tests import builders
from tests.helpers import headlines, page_soup, text
from tests.queries import queries_for


def test_an_article_links_its_translation_both_ways(client, spanish):
    english = page_soup(client, spanish.story_en.url)
    spanish_page = page_soup(client, spanish.story.url)
    switch = english.select_one(".edition-switcher a")
    assert switch["href"] == spanish.story.url and switch["hreflang"] == "es"
    assert text(switch) == "Español"
    back = spanish_page.select_one(".edition-switcher a")
    assert back["href"] == spanish.story_en.url and back["lang"] == "en"
    for soup in (english, spanish_page):
        alternates = {
            link["hreflang"]: link["href"]
            for link in soup.select('link[rel="alternate"][hreflang]')
        }
        assert alternates == {
            "en": spanish.story_en.full_url,
            "es": spanish.story.full_url,
            "x-default": spanish.story_en.full_url,
        }


def test_without_a_translation_the_switcher_offers_the_other_home(client, spanish):
    soup = page_soup(client, spanish.only_english.url)
    assert soup.select_one(".edition-switcher a")["href"].endswith("/es/")
    assert [link["hreflang"] for link in soup.select("link[hreflang]")] == ["en", "x-default"]


def test_a_spanish_article_speaks_spanish(client, spanish):
    ArticlePage.objects.filter(pk=spanish.story.pk).update(
        display_date=datetime.datetime(2026, 2, 3, 12, tzinfo=timezone.get_current_timezone())
    )
    soup = page_soup(client, spanish.story.url)
    assert soup.html["lang"] == "es"
    assert "3 de febrero de 2026" in text(soup.select_one("main"))
    assert soup.select_one('meta[property="og:locale"]')["content"] == "es_ES"
    assert '"inLanguage":"es"' in str(soup.select_one('script[type="application/ld+json"]'))
    assert text(soup.select_one(".skip-link")) == "Saltar al contenido"
    assert "Más en Sudamérica" in text(soup)
    assert "Más en" not in text(page_soup(client, spanish.story_en.url))


def test_lists_stay_within_the_edition(client, spanish):
    soup = page_soup(client, spanish.story.url)
    assert headlines(soup) == ["Los años secos"]  # not the English stories of the section
    assert headlines(page_soup(client, spanish.americas.url)) == [
        "Vuelven las lluvias",
        "Los años secos",
    ]
    home = headlines(page_soup(client, "/es/"))
    assert "Copper prices" not in home and "Vuelven las lluvias" in home
    author = page_soup(client, spanish.ana.url)
    assert headlines(author) == ["Vuelven las lluvias", "Los años secos"]
    assert "Vuelven las lluvias" not in headlines(page_soup(client, spanish.en.ana.url))


def test_a_spanish_article_names_its_authors_spanish_page(client, spanish):
    assert [link.author_id for link in spanish.story.article_authors.all()] == [spanish.ana.pk]
    soup = page_soup(client, spanish.story.url)
    assert soup.select_one(f'a[href="{spanish.ana.url}"]') is not None


def test_search_finds_the_editions_own_articles_without_accents(client, spanish):
    spanish_results = headlines(page_soup(client, "/es/search/", q="anos secos"))
    assert spanish_results == ["Los años secos"]
    assert headlines(page_soup(client, "/en/search/", q="anos secos")) == []
    assert headlines(page_soup(client, "/en/search/", q="dry years")) == ["The dry years"]


def test_each_edition_has_its_own_feed(client, spanish):
    feed = client.get("/es/feeds/rss.xml").content.decode()
    assert "<language>es</language>" in feed
    assert "Vuelven las lluvias" in feed and "Copper prices" not in feed
    assert "Vuelven las lluvias" not in client.get("/en/feeds/rss.xml").content.decode()


def test_the_sitemaps_name_both_editions(client, spanish):
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert f'hreflang="es" href="{spanish.story.full_url}"' in sitemap
    assert f'hreflang="en" href="{spanish.story_en.full_url}"' in sitemap
    news = client.get("/news-sitemap.xml").content.decode()
    assert "<news:language>es</news:language>" in news
    assert "<news:language>en</news:language>" in news


def test_spanish_pages_cost_the_queries_their_english_originals_cost(client, spanish):
    hero = builders.image()
    for page in (spanish.story_en, spanish.story):
        page.hero_image = hero
        page.save_revision().publish()
    pairs = [
        (spanish.story_en.url, spanish.story.url),
        (spanish.en.americas.url, spanish.americas.url),
        (spanish.en.ana.url, spanish.ana.url),
        ("/en/", "/es/"),
        ("/en/search/?q=rains", "/es/search/?q=lluvias"),
        ("/en/feeds/rss.xml", "/es/feeds/rss.xml"),
    ]
    for english, spanish_url in pairs:
        assert queries_for(client, english) == queries_for(client, spanish_url), spanish_url
