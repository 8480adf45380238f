"""What a reader sees on an article: the model page of the brief, element by element."""

import re

import pytest
from bs4 import BeautifulSoup

from home.models import MagazineSettings
from tests import builders
from tests.helpers import text


@pytest.fixture
def article(magazine):
    settings = MagazineSettings.for_site(magazine.home.get_site())
    settings.name = "The Test Review"
    settings.save()
    hero = builders.image("Quay", credit="Photo: Jo Doe/Agency", caption="The quay at dawn.")
    figure = builders.image("Cranes", credit="Photo: Lu Wen", caption="Cranes over the river.")
    return builders.article(
        magazine.americas,
        "Cargo returns to the river port",
        [magazine.ana, magazine.ben],
        dateline="WASHINGTON, D.C.",
        hero_image=hero,
        body=builders.body_with_every_block(figure),
        tags=["Colombia", "Transport"],
    )


@pytest.fixture
def soup(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_skip_link_is_the_first_focusable_element(soup):
    first = soup.body.find(["a", "button", "input"])
    assert first.get("href") == "#main" and "Skip to content" in text(first)
    assert soup.find("main", id="main")


def test_header_names_section_headline_standfirst_date_and_byline(soup, article, magazine):
    header = soup.select_one("article header")
    kicker = header.select_one(".kicker a")
    assert text(kicker) == "South America" and kicker["href"] == magazine.americas.url
    assert text(soup.find("h1")) == "Cargo returns to the river port"
    assert text(header.select_one(".article__standfirst")) == article.standfirst
    time = header.find("time")
    assert time["datetime"] == article.display_date.replace(microsecond=0).isoformat()
    bylines = header.select('.byline a[rel="author"]')
    assert [(text(a), a["href"]) for a in bylines] == [
        ("Ana Lima", magazine.ana.url),
        ("Ben Okafor", magazine.ben.url),
    ]


def test_hero_figure_takes_caption_and_credit_from_the_image(soup):
    hero = soup.select_one("figure.hero")
    assert hero.find("picture").find("source", type="image/avif")
    img = hero.find("img")
    assert img["width"] and img["height"] and img["fetchpriority"] == "high"
    assert text(hero.figcaption) == "The quay at dawn. Photo: Jo Doe/Agency"


def test_article_fields_override_the_image_caption_and_credit(client, magazine):
    hero = builders.image("Quay", credit="Photo: Jo Doe", caption="Image caption.")
    article = builders.article(
        magazine.politics,
        "Override",
        [magazine.ana],
        hero_image=hero,
        hero_caption="Article caption.",
        hero_credit="Photo: Someone Else",
    )
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert text(page.select_one("figure.hero figcaption")) == "Article caption. Photo: Someone Else"


def test_dateline_opens_the_first_paragraph_only(soup):
    paragraphs = soup.select(".article__body .block-paragraph p")
    assert text(paragraphs[0]).startswith("WASHINGTON, D.C. — The river port")
    assert "WASHINGTON" not in text(paragraphs[1])
    assert len(soup.select(".dateline")) == 1


def test_body_blocks_render_as_semantic_html(soup):
    body = soup.select_one(".article__body")
    assert text(body.find("h2")) == "What it means"
    quote = body.select_one("figure.pull-quote")
    assert text(quote.blockquote) == "We used the river again."
    assert text(quote.figcaption) == "Ana Ruiz, mayor"
    figure = body.select_one("figure.body-image--wide")
    assert figure.find("source", type="image/avif")
    assert text(figure.figcaption) == "Cranes over the river. Photo: Lu Wen"


def test_embed_falls_back_to_a_plain_link_when_the_provider_is_unreachable(soup):
    # The test machine has no internet, so the oEmbed request fails like a provider outage.
    link = soup.select_one("figure.embed a")
    assert link["href"] == "https://vimeo.com/76979871"
    assert text(link) == "View this on vimeo.com"


def test_author_boxes_name_the_staff_and_link_to_all_their_articles(soup, magazine):
    boxes = soup.select(".author-box")
    assert len(boxes) == 2
    assert "Correspondent in Bogotá" in text(boxes[0])
    assert "Staff at The Test Review" in text(boxes[1])
    link = boxes[1].select_one(".author-box__all")
    assert link["href"] == magazine.ben.url and text(link) == "All articles by Ben Okafor"


def test_tags_are_listed(soup):
    assert [text(li) for li in soup.select(".tags li")] == ["Colombia", "Transport"]


def test_listings_are_left_out_when_they_have_nothing_to_show(soup):
    assert not soup.find(string=re.compile("More in")) and not soup.find(
        string=re.compile("More from")
    )


def test_more_in_section_and_more_from_author_with_see_all(client, article, magazine):
    older = [
        builders.article(magazine.americas, f"Section story {i}", [magazine.ben], days_ago=i)
        for i in range(1, 6)
    ]
    by_ana = builders.article(magazine.politics, "Ana in politics", [magazine.ana], days_ago=2)
    page = BeautifulSoup(client.get(article.url).content, "html.parser")

    more_in = page.select_one('section[aria-labelledby="more-in-section"]')
    assert text(more_in.h2) == "More in South America"
    assert more_in.select_one(".rail__all")["href"] == magazine.americas.url
    assert [text(h) for h in more_in.select(".card__headline")] == [p.title for p in older[:4]]

    more_from = page.select_one('section[aria-labelledby="more-from-author"]')
    assert text(more_from.h2) == "More from Ana Lima"
    assert more_from.select_one(".rail__all")["href"] == magazine.ana.url
    assert [text(h) for h in more_from.select(".card__headline")] == [by_ana.title]
