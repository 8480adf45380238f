"""Pages are stored compressed and sent in the encoding the reader's browser prefers."""

import gzip

import brotli
import pytest
from django.core.cache import caches

from caching import page_cache
from tests import builders


@pytest.fixture
def story(magazine, page_cache):
    body = [builders.paragraph(f"Paragraph {n} of a long report from the quay.") for n in range(40)]
    return builders.article(magazine.andes, "The river rises", [magazine.ana], body=body)


def plain(client, url) -> bytes:
    response = client.get(url)
    assert "Content-Encoding" not in response
    return response.content


def decoded(response) -> bytes:
    encoding = response.get("Content-Encoding")
    if encoding == "br":
        return brotli.decompress(response.content)
    if encoding == "gzip":
        return gzip.decompress(response.content)
    return response.content


@pytest.mark.parametrize(
    "accept, sent",
    [
        ("gzip, deflate, br, zstd", "br"),
        ("gzip, deflate", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("identity", None),
        ("*", "br"),
        ("", None),
    ],
)
def test_each_reader_gets_the_encoding_they_prefer_from_a_miss_and_a_hit(
    client, story, accept, sent
):
    html = None
    for expected in ("miss", "hit"):
        response = client.get(story.url, HTTP_ACCEPT_ENCODING=accept)
        assert response["X-Cache"] == expected
        assert response.get("Content-Encoding") == sent, (accept, expected)
        assert "Accept-Encoding" in response["Vary"]
        assert int(response["Content-Length"]) == len(response.content)
        html = html or decoded(response)
        assert decoded(response) == html
    assert b"The river rises" in html
    assert html == plain(client, story.url)


def test_the_cache_holds_the_page_compressed(client, story):
    html = client.get(story.url, HTTP_ACCEPT_ENCODING="br").content
    key = page_cache.cache_key(client.get(story.url).wsgi_request)
    _, response, bodies = caches["pages"].get(key)
    assert response.content == b""  # no uncompressed copy kept
    assert set(bodies) == {"br", "gzip"}
    assert len(bodies["br"]) == len(html)
    assert len(bodies["gzip"]) < len(brotli.decompress(bodies["br"])) / 3
