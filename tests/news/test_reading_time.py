"""Reading time from the body's word count, on the article and on its cards."""

import pytest
from bs4 import BeautifulSoup

from news.blocks import WORDS_PER_MINUTE
from tests import builders


def words(count: int) -> str:
    return " ".join(["word"] * count)


@pytest.mark.parametrize(
    ("word_count", "minutes"),
    [(10, 1), (WORDS_PER_MINUTE * 6, 6), (WORDS_PER_MINUTE * 6 + WORDS_PER_MINUTE // 3, 6)],
)
def test_the_article_and_its_card_say_how_long_it_takes_to_read(
    client, magazine, word_count, minutes
):
    half = word_count // 2
    body = [
        builders.paragraph(words(half)),
        {
            "type": "pull_quote",
            "value": {"text": words(word_count - half), "attribution": ""},
            "id": "q",
        },
    ]
    story = builders.article(magazine.andes, "Long read", [magazine.ana], body=body)
    article = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert f"{minutes} min read" in article.select_one(".article__meta").get_text()
    section = BeautifulSoup(client.get(magazine.andes.url).content, "html.parser")
    assert f"{minutes} min read" in section.select_one(".card__meta").get_text()


def test_editing_the_body_updates_the_reading_time(magazine):
    story = builders.article(magazine.andes, "Growing", [magazine.ana])
    assert story.reading_minutes == 1
    story.body = [("paragraph", f"<p>{words(WORDS_PER_MINUTE * 3)}</p>")]
    story.save_revision().publish()
    story.refresh_from_db()
    assert story.reading_minutes == 3
