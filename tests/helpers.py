"""Reading the pages the tests ask for: parsed, and their cards' headlines."""

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag


def parse(page) -> Tag:
    """`page` as BeautifulSoup: a response's HTML parsed; a soup, or an element of one, as is."""
    if isinstance(page, Tag):
        return page
    return BeautifulSoup(page.content, "html.parser")


def page_soup(client, url: str, **params) -> BeautifulSoup:
    """The page at `url` (with `params` as its query), which must answer 200, parsed."""
    response = client.get(url, params)
    assert response.status_code == 200
    return parse(response)


def headlines(page, selector: str = "") -> list[str]:
    """The headlines of the cards in `page` (a response, a soup or an element), in order, each
    with its whitespace collapsed; only those inside `selector` when it is given."""
    cards = parse(page).select(f"{selector} .card__headline".strip())
    return [" ".join(h.get_text().split()) for h in cards]


def text(node) -> str:
    """An element's text, its whitespace collapsed."""
    return " ".join(node.get_text(" ").split())


def body_of(response) -> bytes:
    """A response's body, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def x_cache(client, url: str, **extra) -> str:
    """What the page cache did with a GET of `url`, which must answer 200: hit, miss or none."""
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response.get("X-Cache", "none")


def warm(client, urls) -> None:
    """Each of `urls` stored by the page cache: its second GET is a hit."""
    for url in urls:
        client.get(url)
        assert x_cache(client, url) == "hit", url


# The environment the production settings need at the least (magazine/settings/production.py).
REQUIRED = {
    "SECRET_KEY": "s" * 50,
    "ALLOWED_HOSTS": "magazine.example, www.magazine.example",
    "DATABASE_URL": "postgres://magazine:secret@db.internal:5432/magazine",
    "REDIS_URL": "redis://cache.internal:6379/0",
}


def links_in(message) -> list[str]:
    """The addresses in an email's plain-text part, in order."""
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.findall(r"https?://\S+", body)


def link_to(message, fragment: str) -> str:
    """The one address in an email's text that contains `fragment`, as a path."""
    found = [url for url in links_in(message) if fragment in url]
    assert len(found) == 1, (fragment, found)
    return urlsplit(found[0]).path


def list_unsubscribe(message) -> str:
    """The path of an email's List-Unsubscribe address."""
    value = str(message["List-Unsubscribe"]).strip()
    assert value.startswith("<") and value.endswith(">"), value
    return urlsplit(value[1:-1]).path
