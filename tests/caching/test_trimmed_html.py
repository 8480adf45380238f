"""Pages travel without their templates' indentation and blank lines, and show the same."""

import re

from bs4 import BeautifulSoup

from caching.trim import trimmed
from tests import builders


def visible_text(html: bytes) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def test_a_line_break_and_its_indentation_become_one_line_break():
    html = b"<p>\n    <a>One</a>\n\n    <b>two</b>   \n</p>"
    assert trimmed(html) == b"<p>\n<a>One</a>\n<b>two</b>\n</p>"
    assert visible_text(trimmed(html)) == visible_text(html)


def test_preformatted_text_is_left_as_it_is():
    html = b"<pre>\n    indented\n</pre>"
    assert trimmed(html) == html


def test_an_article_shows_the_same_text_in_fewer_bytes(client, magazine):
    story = builders.article(magazine.andes, "Cargo returns", [magazine.ana])
    html = client.get(story.url).content
    assert not re.search(rb"\n[ \t]", html) and b"\n\n" not in html
    assert "Cargo returns" in visible_text(html)
