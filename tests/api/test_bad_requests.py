"""Bad parameters get a 400 that says what was wrong, never a 500 (and never a cached one)."""

import pytest

from tests import builders

pytestmark = pytest.mark.django_db

BAD = [
    "unknown=1",
    "type=news.NoSuchPage",
    "type=nosuchapp.Page",
    "type=news",
    "type=wagtailcore.Page,news.NoSuch",
    "fields=nonsense",
    "fields=body(nonsense)",
    "fields=*,-nonsense",
    "fields=(",
    "type=news.ArticlePage&fields=authors(id)",
    "limit=abc",
    "limit=-1",
    "limit=1000",
    "limit=99999999999999999999999",
    "offset=abc",
    "offset=-5",
    "offset=99999999999999999999999",
    "order=nonsense",
    "order=-nonsense",
    "order=random&offset=5",
    "child_of=abc",
    "child_of=99999999",
    "child_of=99999999999999999999999",
    "descendant_of=abc",
    "descendant_of=-1",
    "ancestor_of=abc",
    "translation_of=abc",
    "locale=zz",
    "site=no.such.site",
    "section=abc",
    "section=99999999",
    "section=99999999999999999999999",
    "author=-3",
    "author=99999999",
    "author=%00",
    "type=news.ArticlePage&tags=%00",
    "type=news.ArticlePage&display_date=yesterday",
    "type=news.ArticlePage&reading_minutes=many",
    "type=news.LivePage&status=%00",
    "search=copper&search_operator=xor",
    "search=copper&type=news.ArticlePage&tags=x",
    "rich_text_format=nonsense",
    "id=abc",
]


@pytest.mark.parametrize("query", BAD)
def test_a_bad_listing_parameter_is_a_400_with_a_message(client, magazine, query):
    builders.article(magazine.politics, "The vote", [magazine.ben])
    response = client.get(f"/api/v2/pages/?{query}")
    assert response.status_code in (400, 404), (query, response.status_code, response.content)
    assert response.json()["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/abc/",
        "/api/v2/pages/99999999999999999999999/",
        "/api/v2/pages/0/",
        "/api/v2/images/99999999999999999999999/",
        "/api/v2/pages/find/",
        "/api/v2/pages/find/?html_path=%00",
        "/api/v2/pages/find/?html_path=/no/such/",
        "/api/v2/pages/find/?id=abc",
        "/api/v2/images/?unknown=1",
        "/api/v2/images/?limit=abc",
        "/api/v2/nosuchendpoint/",
    ],
)
def test_bad_addresses_are_4xx(client, magazine, url):
    response = client.get(url, follow=True)  # (an address the API does not have may move)
    assert 400 <= response.status_code < 500, (url, response.status_code)


def test_writes_are_refused(client, magazine):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code in (403, 405)
    assert client.delete(f"/api/v2/pages/{magazine.politics.pk}/").status_code in (403, 405)
