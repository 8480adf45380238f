"""The search page: what it finds, in what order, with which filters, and what it shows."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from tests import builders
from tests.queries import queries_for

# PostgreSQL ranks the page's ids in the index, then loads those articles: one query more.
# Two more since the editions: the edition's home (header, footer) and its links (editions/).
SEARCH_PAGE_QUERIES = 18 if connection.vendor == "sqlite" else 19


def search(client, **params):
    response = client.get("/en/search/", params)
    return response, BeautifulSoup(response.content, "html.parser")


def result_titles(soup) -> list[str]:
    return [h.get_text(strip=True) for h in soup.select(".result-list .card__headline")]


def test_a_headline_match_ranks_above_articles_that_only_mention_the_word(client, newsroom):
    _, soup = search(client, q="lithium")
    titles = result_titles(soup)
    assert titles[0] == newsroom.headline.title
    assert set(titles[1:]) == {newsroom.body_once.title, newsroom.body_often.title}


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("salt flats", "headline"),  # headline
        ("mining companies", "headline"),  # standfirst
        ("ribbon", "accented"),  # paragraph
        ("quiet revolution", "accented"),  # pull quote
        ("madre de dios", "accented"),  # the image's own caption, shown under it
        ("colombia", "accented"),  # tag
        ("andes", "body_often"),  # section name
        ("ben okafor", "body_once body_often"),  # author: "articles by" by typing the name
    ],
)
def test_every_part_of_an_article_is_searchable(client, newsroom, query, found):
    _, soup = search(client, q=query)
    expected = {getattr(newsroom, name).title for name in found.split()}
    assert set(result_titles(soup)) == expected


@pytest.mark.parametrize("query", ["bogota", "BOGOTÁ", "Bogotá", "PETRO", "petro", "bógota"])
def test_case_and_accents_do_not_matter(client, newsroom, query):
    _, soup = search(client, q=query)
    assert result_titles(soup) == [newsroom.accented.title]


def test_each_result_shows_thumbnail_section_headline_standfirst_byline_and_date(client, magazine):
    article = builders.article(
        magazine.americas,
        "Copper prices climb",
        [magazine.ana, magazine.ben],
        hero_image=builders.image(),
        standfirst="Mines in the Andes expand.",
    )
    response, soup = search(client, q="copper")
    card = soup.select_one(".result-list .card")
    assert card.find("picture")
    assert card.select_one(".kicker").get_text(strip=True) == "South America"
    link = card.select_one(".card__headline a")
    assert (link.get_text(), link["href"]) == (article.title, article.url)
    assert card.select_one(".card__standfirst").get_text() == "Mines in the Andes expand."
    assert card.select_one(".byline").get_text() == "By Ana Lima and Ben Okafor"
    assert card.find("time")["datetime"]
    assert (
        soup.select_one(".search-count")
        .get_text(" ", strip=True)
        .startswith("1 result for “copper”")
    )


def test_the_query_is_echoed_safely(client, magazine):
    response, soup = search(client, q='<script>alert("x")</script>')
    assert b"<script>alert" not in response.content
    assert soup.h1.get_text() == 'Results for “<script>alert("x")</script>”'


def test_matching_authors_and_sections_are_shown_above_the_results(client, newsroom):
    _, soup = search(client, q="ana")
    people = soup.select_one(".search-people")
    assert [a.get_text() for a in people.select("a")] == ["Ana Lima"]
    _, soup = search(client, q="andes")
    assert [a["href"] for a in soup.select(".search-people a")] == [newsroom.andes.url]


def test_without_a_query_the_latest_articles_are_shown(client, newsroom):
    response, soup = search(client)
    assert response.status_code == 200
    assert soup.select_one(".search-count").get_text(strip=True) == "Latest articles"
    assert result_titles(soup)[0] == newsroom.body_once.title
    assert "no-cache" not in response.get("Cache-Control", "")


def test_no_results_says_so_and_offers_to_drop_filters(client, newsroom):
    _, soup = search(client, q="lithium", section=newsroom.politics.pk, author=newsroom.ana.pk)
    empty = soup.select_one(".empty")
    assert "No articles match “lithium” with the filters you chose." in empty.get_text(" ")
    assert {a.get_text() for a in empty.select("a")} == {"In Politics", "By Ana Lima"}


class TestFilters:
    def test_section_includes_its_subsections(self, client, newsroom):
        _, soup = search(client, q="lithium", section=newsroom.americas.pk)
        assert set(result_titles(soup)) == {newsroom.headline.title, newsroom.body_often.title}

    def test_author(self, client, newsroom):
        _, soup = search(client, q="lithium", author=newsroom.ben.pk)
        assert set(result_titles(soup)) == {newsroom.body_once.title, newsroom.body_often.title}

    def test_date_range_is_inclusive_of_whole_days(self, client, newsroom):
        today = timezone.localdate()
        since, until = today - timedelta(days=2), today - timedelta(days=1)
        _, soup = search(client, q="lithium", since=since.isoformat(), until=until.isoformat())
        assert set(result_titles(soup)) == {newsroom.body_once.title, newsroom.body_often.title}

    def test_filters_combine(self, client, newsroom):
        today = timezone.localdate()
        _, soup = search(
            client,
            q="lithium",
            section=newsroom.americas.pk,
            author=newsroom.ben.pk,
            since=(today - timedelta(days=3)).isoformat(),
        )
        assert result_titles(soup) == [newsroom.body_often.title]

    def test_newest_first(self, client, newsroom):
        _, soup = search(client, q="lithium", order="newest")
        assert result_titles(soup) == [
            newsroom.body_once.title,
            newsroom.body_often.title,
            newsroom.headline.title,
        ]

    def test_filters_without_a_query_browse_the_latest(self, client, newsroom):
        _, soup = search(client, author=newsroom.ana.pk)
        assert result_titles(soup) == [newsroom.accented.title, newsroom.headline.title]

    def test_section_and_order_links_keep_the_query_and_other_filters(self, client, newsroom):
        _, soup = search(client, q="lithium", author=newsroom.ben.pk, page=1)
        links = {a.get_text(): a["href"] for a in soup.select(".search-filters a")}
        assert links["Politics"] == (
            f"/en/search/?q=lithium&author={newsroom.ben.pk}&section={newsroom.politics.pk}"
        )
        assert (
            links["Newest first"] == f"/en/search/?q=lithium&author={newsroom.ben.pk}&order=newest"
        )
        remove = soup.select_one(".search-count .chip")
        assert (
            remove.get_text(strip=True) == "By Ben Okafor×"
            and remove["href"] == "/en/search/?q=lithium"
        )


def test_pagination_keeps_the_query_and_filters(client, magazine):
    for i in range(23):
        builders.article(magazine.andes, f"Harvest report {i}", [magazine.ana], days_ago=i)
    params = {"q": "harvest", "section": magazine.americas.pk, "order": "newest"}
    _, soup = search(client, **params)
    assert soup.select_one(".search-count").get_text(" ", strip=True).startswith("23 results")
    assert len(result_titles(soup)) == 10
    next_url = soup.select_one('.pagination a[rel="next"]')["href"]
    assert next_url == f"?q=harvest&section={magazine.americas.pk}&order=newest&page=2"
    _, third = search(client, page=3, **params)
    assert result_titles(third) == [f"Harvest report {i}" for i in range(20, 23)]


def test_editors_picks_come_first_marked_and_are_not_repeated(client, newsroom):
    query = Query.get("lithium")
    SearchPromotion.objects.create(
        query=query, page=newsroom.body_once, sort_order=0, description="Our pick."
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://example.org/lithium",
        external_link_text="A lithium primer",
        sort_order=1,
    )
    _, soup = search(client, q="Lithium")
    results = soup.select(".result-list > li")
    assert "result--pick" in results[0]["class"] and "result--pick" in results[1]["class"]
    assert "Editor’s pick" in results[0].get_text()
    assert results[1].select_one("a")["href"] == "https://example.org/lithium"
    titles = result_titles(soup)
    assert titles.count(newsroom.body_once.title) == 1
    assert titles[0] == newsroom.body_once.title


def test_picks_that_readers_cannot_see_are_left_out(client, newsroom):
    newsroom.body_once.unpublish()
    SearchPromotion.objects.create(query=Query.get("lithium"), page=newsroom.body_once)
    _, soup = search(client, q="lithium")
    assert newsroom.body_once.title not in soup.get_text()


def test_each_search_is_counted_for_the_editors(client, newsroom):
    search(client, q="Lithium")
    search(client, q="lithium ")
    search(client, q="lithium", page=2)  # a second page is not a second search
    assert QueryDailyHits.objects.get(query__query_string="lithium").hits == 2


def test_results_are_never_cached_and_never_indexed(client, newsroom):
    response, soup = search(client, q="lithium")
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_search_page_queries_do_not_grow_with_the_results(client, magazine):
    hero = builders.image()
    people = [magazine.ana, magazine.ben]
    for i in range(3):
        builders.article(magazine.andes, f"Harvest {i}", people, days_ago=i, hero_image=hero)
    url = "/en/search/?q=harvest"
    assert queries_for(client, url) == SEARCH_PAGE_QUERIES
    for i in range(3, 30):
        builders.article(magazine.politics, f"Harvest {i}", people, days_ago=i, hero_image=hero)
    assert queries_for(client, url) == SEARCH_PAGE_QUERIES
    # Later pages do not count a hit (three queries).
    assert queries_for(client, url + "&page=3") == SEARCH_PAGE_QUERIES - 3


def test_past_the_results_depth_the_count_says_more(client, magazine, monkeypatch):
    for i in range(4):
        builders.article(magazine.andes, f"Harvest report {i}", [magazine.ana], days_ago=i)
    monkeypatch.setattr("search.views.RESULTS_DEPTH", 3)
    monkeypatch.setattr("search.postgres_backend.RESULTS_DEPTH", 3)
    _, soup = search(client, q="harvest")
    assert soup.select_one(".search-count").get_text(" ", strip=True).startswith("3+ results")
