"""The search page as the header's search box uses it (issue 3 builds the rest)."""

from bs4 import BeautifulSoup

from tests import builders


def test_finds_live_articles_by_headline_and_is_not_cached(client, magazine):
    builders.article(magazine.americas, "Bogotá builds a metro", [magazine.ana])
    builders.article(magazine.americas, "Bogotá metro draft", [magazine.ana], live=False)
    response = client.get("/search/", {"q": "metro"})
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    soup = BeautifulSoup(response.content, "html.parser")
    assert [h.get_text(strip=True) for h in soup.select(".card__headline")] == [
        "Bogotá builds a metro"
    ]
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_without_a_query_it_shows_the_latest_articles(client, magazine):
    builders.article(magazine.politics, "A vote in the senate", [magazine.ben])
    soup = BeautifulSoup(client.get("/search/").content, "html.parser")
    assert "Latest articles" in soup.get_text()
    assert soup.select_one(".card__headline").get_text(strip=True) == "A vote in the senate"


def test_odd_input_gets_a_page_not_a_500(client, magazine):
    for query in ["", "   ", "x" * 10_000, '"unbalanced', "NEAR(", "a\x00b", "AND OR NOT"]:
        assert client.get("/search/", {"q": query}).status_code == 200, query
