"""What a reader of live coverage sees: its status and key points, its updates newest first
(pinned above) each with a permalink, corrections, the endpoint readers' pages poll, its
structured data, and the page in every list an article is in."""

import json

import pytest
from django.utils import timezone

from news.models import LivePage
from tests import builders
from tests.helpers import headlines, page_soup, parse, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit(magazine):
    m = magazine
    page = builders.live_page(m.politics, "Live: the summit", [m.ana], dateline="GENEVA")
    m.first = builders.live_update(page, m.ana, "Delegations arrive.", minutes_ago=30)
    m.second = builders.live_update(
        page, m.ben, "Talks begin behind closed doors.", minutes_ago=20, title="Talks open"
    )
    m.pinned = builders.live_update(
        page, m.ana, "What we know so far.", minutes_ago=25, pinned=True
    )
    m.third = builders.live_update(page, m.ben, "A first statement.", minutes_ago=10)
    return page


def anchors(soup) -> list[str]:
    return [item["id"] for item in soup.select(".live-updates__list > .live-update")]


def test_updates_show_pinned_first_then_newest_first(client, magazine, summit):
    m = magazine
    soup = page_soup(client, summit.url)
    assert anchors(soup) == [f"update-{u.pk}" for u in (m.pinned, m.third, m.second, m.first)]
    assert text(soup.select_one(".live-status")) == "Live"
    assert "The first key point." in text(soup.select_one(".key-points"))
    second = soup.select_one(f"#update-{m.second.pk}")
    assert second.select_one(".live-update__time")["href"] == f"#update-{m.second.pk}"
    assert text(second.select_one(".live-update__title")) == "Talks open"
    assert second.select_one(".live-update__author a")["href"] == m.ben.url
    assert soup.select_one("[data-live-updates]")["data-live-updates"] == summit.url + "updates/"


def test_a_permalink_survives_new_updates(client, magazine, summit):
    builders.live_update(summit, magazine.ana, "A newer update.")
    assert f"update-{magazine.first.pk}" in anchors(page_soup(client, summit.url))


def test_a_correction_is_shown_and_a_removed_update_is_not(client, magazine, summit):
    m = magazine
    with builders.committed():
        m.second.correction = "An earlier version misnamed the venue."
        m.second.corrected_at = timezone.now()
        m.second.save()
        m.first.removed_at = timezone.now()
        m.first.save()
    soup = page_soup(client, summit.url)
    assert f"update-{m.first.pk}" not in anchors(soup)
    correction = soup.select_one(f"#update-{m.second.pk} .live-update__correction")
    assert "An earlier version misnamed the venue." in text(correction)


def test_the_endpoint_sends_the_updates_readers_pages_do_not_have(client, magazine, summit):
    m = magazine
    response = client.get(summit.url + "updates/")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["status"] == "live" and data["poll_seconds"] == 30
    assert data["shown"] == [u.pk for u in (m.pinned, m.third, m.second, m.first)]
    sent = {update["id"]: update for update in data["updates"]}
    assert parse_html(sent[m.third.pk]["html"]).select_one("li")["id"] == f"update-{m.third.pk}"
    assert sent[m.pinned.pk]["pinned"] is True


def parse_html(html: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def test_live_blog_structured_data(client, magazine, summit):
    soup = page_soup(client, summit.url)
    found = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    live = next(data for data in found if data["@type"] == "LiveBlogPosting")
    assert live["headline"] == "Live: the summit" and "coverageEndTime" not in live
    assert live["coverageStartTime"]
    urls = [update["url"] for update in live["liveBlogUpdate"]]
    assert urls[0].endswith(f"#update-{magazine.third.pk}")  # newest first
    assert len(urls) == 4
    assert live["liveBlogUpdate"][1]["headline"] == "Talks open"
    assert live["liveBlogUpdate"][1]["author"]["name"] == "Ben Okafor"


def test_ended_coverage_says_so_and_stops_looking(client, magazine, summit):
    with builders.committed():
        page = LivePage.objects.get(pk=summit.pk)
        page.status = LivePage.ENDED
        page.save_revision().publish()
    soup = page_soup(client, summit.url)
    assert text(soup.select_one(".live-status")) == "Ended"
    assert soup.select_one("[data-live-updates]") is None
    assert not soup.select('script[src*="live"]')
    found = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    live = next(data for data in found if data["@type"] == "LiveBlogPosting")
    assert live["coverageEndTime"]
    assert client.get(summit.url + "updates/").json()["status"] == "ended"


def test_live_coverage_is_listed_searched_and_fed_like_an_article(client, magazine, summit):
    m = magazine
    assert "Live: the summit" in headlines(client.get(m.politics.url))
    assert "Live: the summit" in headlines(client.get(m.ana.url))
    assert b"Live: the summit" in client.get("/en/feeds/rss.xml").content
    assert b"Live: the summit" in client.get("/news-sitemap.xml").content


def test_an_unpublished_live_page_and_its_updates_are_not_found(client, magazine):
    m = magazine
    draft = builders.live_page(m.politics, "Live: a draft", [m.ana], live=False)
    builders.live_update(draft, m.ana, "Not yet.")
    assert client.get(f"/en/news/politics/{draft.slug}/updates/").status_code == 404


def test_queries_do_not_grow_with_updates(client, magazine, summit, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(summit.url).status_code == 200
        return len(queries)

    picture = builders.image("Delegates")
    count()  # the site and its settings, loaded once
    before = count()
    for n in range(6):
        builders.live_update(summit, magazine.ben, f"Update {n}.", title=f"Update {n}")
    with builders.committed():
        summit.updates.create(
            author=magazine.ana,
            body=json.dumps([{"type": "image", "value": {"image": picture.pk, "width": "inline"}}]),
        )
        summit.updates.create(
            author=magazine.ana,
            body=json.dumps([{"type": "image", "value": {"image": picture.pk, "width": "inline"}}]),
        )
    after = count()
    assert after - before == 2  # the updates' pictures and their crops, once for all


def test_the_live_page_s_feed_has_each_update_as_an_item(client, magazine, summit):
    from xml.etree import ElementTree

    soup = page_soup(client, summit.url)
    feeds = [link["href"] for link in soup.select('link[rel="alternate"][type$="+xml"]')]
    feed_url = summit.url + "feed/"
    assert feed_url in feeds
    response = client.get(feed_url)
    assert response.status_code == 200
    items = ElementTree.fromstring(response.content).findall("./channel/item")
    links = [item.findtext("link") for item in items]
    assert [link.rsplit("#", 1)[1] for link in links] == [
        f"update-{u.pk}" for u in (magazine.third, magazine.second, magazine.pinned, magazine.first)
    ]
    assert items[1].findtext("title") == "Talks open"


def test_the_site_search_finds_live_coverage_by_its_updates(client, magazine, summit):
    from wagtail.search import index

    from news.live import LivePage

    index.insert_or_update_object(LivePage.get_indexed_objects().get(pk=summit.pk))
    assert "Live: the summit" in headlines(client.get("/en/search/", {"q": "delegations"}))


def test_an_update_outlives_its_author_s_page(client, magazine, summit):
    """The update was published: it stays, without a byline, and names no author's key."""
    with builders.committed():
        magazine.ben.delete()
    response = client.get(summit.url)
    item = parse(response).select_one(f"#update-{magazine.second.pk}")
    assert "Talks begin behind closed doors." in text(item)
    assert item.select_one(".live-update__author") is None
    assert "pNone" not in response["xkey"].split()
    assert client.get(summit.url + "feed/").status_code == 200
