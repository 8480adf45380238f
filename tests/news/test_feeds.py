"""RSS and Atom feeds of the magazine, a section and an author, read with feedparser as a feed
reader would."""

from datetime import timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from core.seo import SOCIAL_IMAGE
from home.models import MagazineSettings
from news.feeds import FEED_LENGTH
from news.models import ArticleNote
from tests import builders

FORMATS = ["rss", "atom"]
# The default site's address: feeds give the canonical host, whichever name a request used.
ROOT = "http://localhost/"


def read(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def named(magazine):
    settings = MagazineSettings.for_site(magazine.home.get_site())
    settings.name = "The Parallax"
    settings.save()
    return magazine


@pytest.fixture
def story(named):
    magazine = named
    hero = builders.image("Quay", size=(1600, 1000))
    picture = builders.image("Cranes")
    body = [
        builders.paragraph("Three ships arrived <b>on Tuesday</b>."),
        {"type": "image", "value": {"image": picture.pk, "width": "wide"}, "id": "i1"},
    ]
    article = builders.article(
        magazine.andes,
        "Cargo returns to the river port",
        [magazine.ana, magazine.ben],
        hero_image=hero,
        body=body,
        tags=("Colombia", "Transport"),
    )
    ArticleNote.objects.create(
        page=article, date=timezone.now(), text="<p>Update: a fourth ship arrived.</p>"
    )
    return article


@pytest.mark.parametrize("kind", FORMATS)
def test_an_item_carries_everything_a_feed_reader_shows(client, magazine, story, kind):
    feed = read(client, f"/en/feeds/{kind}.xml")
    assert feed.feed.title == "The Parallax"
    (item,) = feed.entries
    assert item.title == "Cargo returns to the river port"
    assert item.link == story.full_url
    assert item.summary == story.standfirst
    assert [author.name for author in item.authors] == ["Ana Lima", "Ben Okafor"]
    assert [tag.term for tag in item.tags] == ["Andes", "Colombia", "Transport"]
    assert item.published_parsed[:3] == story.date.utctimetuple()[:3]
    assert item.updated_parsed >= item.published_parsed

    content = BeautifulSoup(item.content[0].value, "html.parser")
    assert "Three ships arrived on Tuesday." in content.get_text()
    # Image addresses are absolute, as the reader fetches them from elsewhere.
    sources = [img["src"] for img in content.find_all("img")]
    assert sources
    assert all(src.startswith(ROOT) for src in sources)

    (media,) = item.media_content
    assert media["url"].startswith(ROOT)
    assert (media["width"], media["height"]) == ("1200", "630")


def test_the_rss_item_names_every_author_and_encloses_the_hero(client, story):
    response = client.get("/en/feeds/rss.xml")
    xml = BeautifulSoup(response.content, "xml")
    item = xml.find("item")
    assert [c.text for c in item.find_all("dc:creator")] == ["Ana Lima", "Ben Okafor"]
    enclosure = item.find("enclosure")
    assert enclosure["type"] == "image/jpeg"
    assert int(enclosure["length"]) > 0
    assert enclosure["url"].startswith(ROOT)
    # RSS's own <author> element wants an email address, which we never publish.
    assert item.find("author") is None


@pytest.mark.parametrize("kind", FORMATS)
def test_feeds_hold_the_twenty_newest_articles(client, magazine, kind):
    for day in range(FEED_LENGTH + 3):
        builders.article(magazine.politics, f"Day {day}", [magazine.ben], days_ago=day)
    builders.article(magazine.politics, "Draft", [magazine.ben], live=False)
    feed = read(client, f"/en/feeds/{kind}.xml")
    titles = [entry.title for entry in feed.entries]
    assert titles == [f"Day {day}" for day in range(FEED_LENGTH)]


@pytest.mark.parametrize("kind", FORMATS)
def test_a_section_feed_holds_its_own_and_its_subsections_articles(client, magazine, kind):
    builders.article(magazine.andes, "In the Andes", [magazine.ana], days_ago=1)
    builders.article(magazine.americas, "In South America", [magazine.ana], days_ago=2)
    builders.article(magazine.politics, "In Politics", [magazine.ben], days_ago=0)
    feed = read(client, f"/en/feeds/section/{magazine.americas.pk}/{kind}.xml")
    assert feed.feed.title.startswith("South America")
    assert [entry.title for entry in feed.entries] == ["In the Andes", "In South America"]


@pytest.mark.parametrize("kind", FORMATS)
def test_an_author_feed_holds_every_article_they_wrote(client, magazine, kind):
    builders.article(magazine.andes, "Ana alone", [magazine.ana], days_ago=1)
    builders.article(magazine.politics, "Ben and Ana", [magazine.ben, magazine.ana], days_ago=2)
    builders.article(magazine.politics, "Ben alone", [magazine.ben], days_ago=0)
    feed = read(client, f"/en/feeds/author/{magazine.ana.pk}/{kind}.xml")
    assert feed.feed.title.startswith("Ana Lima")
    assert [entry.title for entry in feed.entries] == ["Ana alone", "Ben and Ana"]


def test_feeds_of_missing_or_private_pages_are_404(client, magazine):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=magazine.politics, restriction_type="password", password="secret"
    )
    builders.article(magazine.politics, "Members only", [magazine.ben])
    assert client.get(f"/en/feeds/section/{magazine.politics.pk}/rss.xml").status_code == 404
    assert client.get(f"/en/feeds/section/{magazine.ana.pk}/rss.xml").status_code == 404
    assert client.get("/en/feeds/author/999999/atom.xml").status_code == 404
    assert "Members only" not in client.get("/en/feeds/rss.xml").content.decode()


@pytest.mark.parametrize(
    ("page", "titles"),
    [
        ("home", ["The Parallax"]),
        ("americas", ["The Parallax", "South America | The Parallax"]),
        ("ana", ["The Parallax", "Ana Lima | The Parallax"]),
    ],
)
def test_pages_announce_their_feeds(client, named, page, titles):
    builders.article(named.americas, "A story", [named.ana])
    html = BeautifulSoup(client.get(getattr(named, page).url).content, "html.parser")
    for kind, mime in (("rss", "application/rss+xml"), ("atom", "application/atom+xml")):
        links = html.find_all("link", rel="alternate", type=mime)
        assert [link["title"] for link in links] == titles
        for link, title in zip(links, titles, strict=True):
            assert link["href"].endswith(f"{kind}.xml")
            assert read(client, link["href"]).feed.title == title


def test_a_feed_item_dated_before_an_update_is_updated_later(client, magazine):
    article = builders.article(magazine.politics, "Old news", [magazine.ben], days_ago=5)
    ArticleNote.objects.create(
        page=article, date=timezone.now() - timedelta(days=1), text="<p>Correction.</p>"
    )
    (entry,) = read(client, "/en/feeds/atom.xml").entries
    assert entry.updated_parsed[:3] == (timezone.now() - timedelta(days=1)).utctimetuple()[:3]
    assert entry.published_parsed[:3] == (timezone.now() - timedelta(days=5)).utctimetuple()[:3]


@pytest.mark.parametrize("url", ["/en/feeds/rss.xml", "/en/feeds/atom.xml"])
def test_feeds_serve_heroes_whose_social_crop_is_already_made(client, story, url):
    """Reading the article makes its hero's social crop; the feed then uses that one (it tried
    to make it again, and failed with a server error)."""
    assert client.get(story.url).status_code == 200
    crops = story.hero_image.renditions.filter(filter_spec=SOCIAL_IMAGE)
    assert crops.count() == 1
    feed = read(client, url)
    assert feed.entries[0].title == story.title
    assert crops.count() == 1


@pytest.mark.django_db(transaction=True)  # the server's threads read what the test wrote
def test_two_readers_feeds_never_mix(settings, monkeypatch):
    """One feed object serves every request (urls.py), and a threaded server (runserver,
    gunicorn's gthread) runs two at once: two readers of two sites, each held halfway through
    its items until the other is there too, must each get their own site's addresses."""
    import threading

    from django.test import RequestFactory
    from wagtail.models import Site

    from news import feeds

    magazine = builders.Magazine()
    builders.article(magazine.andes, "Cargo returns", [magazine.ana])
    settings.ALLOWED_HOSTS = ["*"]
    home = Site.objects.get(is_default_site=True)
    Site.objects.create(hostname="other.example", port=80, root_page=home.root_page)
    feed = feeds.MagazineFeed()
    both_inside = threading.Barrier(2, timeout=10)
    title = feeds.MagazineFeed.item_title

    def item_title(self, item):
        both_inside.wait()
        return title(self, item)

    monkeypatch.setattr(feeds.MagazineFeed, "item_title", item_title)
    hosts = {"first": f"{home.hostname}:{home.port}", "second": "other.example"}
    links, failures = {}, []

    def read_as(reader: str) -> None:
        try:
            response = feed(RequestFactory().get("/en/feeds/rss.xml", HTTP_HOST=hosts[reader]))
            links[reader] = [entry.link for entry in feedparser.parse(response.content).entries]
        except Exception as error:  # reported below, in the test's own thread
            failures.append(error)
        finally:
            from django.db import connection

            connection.close()

    readers = [threading.Thread(target=read_as, args=(name,)) for name in hosts]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join(20)
    assert not failures
    assert links["first"] and all(link.startswith(home.root_url) for link in links["first"])
    assert links["second"] == ["http://other.example/en/news/south-america/andes/cargo-returns/"]
