"""Addresses lead to the page they name, in two queries at any depth (HomePage.route), and the
same addresses give the same answers as Wagtail's own walk down the tree."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests import builders


def route(path: str):
    request_root = Site.objects.get(is_default_site=True).root_page.specific
    components = [part for part in path.split("/") if part]
    with CaptureQueriesContext(connection) as queries:
        page, _, _ = request_root.route(None, components)
    return page, len(queries)


def test_a_deep_article_is_found_in_two_queries(magazine):
    article = builders.article(magazine.andes, "Rains return", [magazine.ana])
    page, queries = route(article.url.removeprefix("/en"))
    assert page == article and type(page).__name__ == "ArticlePage"
    assert queries == 2


def test_a_draft_an_unknown_path_and_extra_segments_are_404s(client, magazine):
    draft = builders.article(magazine.andes, "Not yet", [magazine.ana], live=False)
    live = builders.article(magazine.andes, "Out now", [magazine.ana])
    assert client.get(draft.url).status_code == 404
    assert client.get("/en/news/no-such-section/").status_code == 404
    assert client.get(live.url + "more/").status_code == 404
    assert client.get(live.url).status_code == 200


def test_an_unpublished_section_hides_itself_but_not_its_live_articles(client, magazine):
    # Wagtail's walk reaches live pages under an unpublished parent; so does the lookup.
    article = builders.article(magazine.andes, "Still live", [magazine.ana])
    section_url = magazine.andes.url
    magazine.andes.unpublish()
    assert client.get(section_url).status_code == 404
    assert client.get(article.url).status_code == 200
