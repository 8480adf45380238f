"""Each edition's pages are cached apart, and a change in one forgets that edition's pages
that show it, and the page of its translation (which links it), not the other edition's."""

from tests import builders
from tests.helpers import warm, x_cache


def test_publishing_a_translation_refreshes_its_edition_not_the_other(client, page_cache, spanish):
    english = ["/en/", spanish.en.americas.url, "/en/feeds/rss.xml", spanish.en.ana.url]
    spanish_pages = ["/es/", spanish.americas.url, "/es/feeds/rss.xml", spanish.story.url]
    translated_from = spanish.only_english
    warm(client, [*english, *spanish_pages, translated_from.url])

    with builders.committed():
        new = builders.translate(translated_from, title="Precios del cobre", slug="cobre")

    for url in english:
        assert x_cache(client, url) == "hit", url
    for url in ["/es/", spanish.americas.url, "/es/feeds/rss.xml"]:
        assert "Precios del cobre" in client.get(url).content.decode(), url
    # The English original now links its translation.
    assert new.full_url in client.get(translated_from.url).content.decode()


def test_the_same_address_is_never_served_across_editions(client, page_cache, spanish):
    assert b'lang="es"' in client.get("/es/").content
    assert b'lang="en"' in client.get("/en/").content
