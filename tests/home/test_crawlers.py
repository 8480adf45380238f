"""What crawlers read: robots.txt and the sitemap of every live public page."""

from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, PageViewRestriction

from tests import builders


def xml(response) -> BeautifulSoup:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return BeautifulSoup(response.content, "xml")


def local(url: str) -> str:
    """The path and query of `url`, for the test client."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def sitemap_entries(client) -> dict[str, str]:
    """{loc: lastmod} of every URL the sitemap index leads to."""
    entries = {}
    for sitemap in xml(client.get("/sitemap.xml")).find_all("sitemap"):
        for url in xml(client.get(local(sitemap.loc.text))).find_all("url"):
            entries[url.loc.text] = url.lastmod.text if url.lastmod else None
    return entries


def test_robots_txt_names_both_sitemaps_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines
    assert "Sitemap: http://localhost/news-sitemap.xml" in lines
    for line in lines:
        if line.startswith("Sitemap: "):
            path = line.removeprefix("Sitemap: http://localhost")
            assert client.get(path).status_code == 200


def test_the_sitemap_lists_every_live_public_page_with_its_last_change(client, magazine):
    story = builders.article(magazine.andes, "A story", [magazine.ana], days_ago=3)
    builders.article(magazine.andes, "A draft", [magazine.ana], live=False)
    PageViewRestriction.objects.create(
        page=magazine.politics, restriction_type="password", password="secret"
    )
    builders.article(magazine.politics, "Members only", [magazine.ben])

    entries = sitemap_entries(client)
    expected = {
        page.full_url
        for page in (
            magazine.home,
            magazine.news,
            magazine.americas,
            magazine.andes,
            magazine.people,
            magazine.ana,
            magazine.ben,
            story,
            # The Spanish edition's home, News and People, made by migration.
            *Page.objects.filter(locale__language_code="es").specific(),
        )
    }
    assert set(entries) == expected
    story.refresh_from_db()
    assert entries[story.full_url] == story.last_published_at.date().isoformat()


def test_past_the_limit_the_sitemap_index_lists_more_pages(client, magazine, monkeypatch):
    for number in range(5):
        builders.article(magazine.andes, f"Story {number}", [magazine.ana], days_ago=number)
    monkeypatch.setattr(Sitemap, "limit", 5)

    index = xml(client.get("/sitemap.xml"))
    locations = [sitemap.loc.text for sitemap in index.find_all("sitemap")]
    assert [local(location) for location in locations] == [
        "/sitemap-pages.xml",
        "/sitemap-pages.xml?p=2",
        "/sitemap-pages.xml?p=3",
        "/sitemap-pages.xml?p=4",
    ]
    pages = [len(xml(client.get(local(loc))).find_all("url")) for loc in locations]
    assert pages == [5, 5, 5, 1]  # with the Spanish edition's home, News and People
    assert client.get("/sitemap-pages.xml?p=5").status_code == 404
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
