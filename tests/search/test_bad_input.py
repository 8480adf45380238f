"""Whatever a visitor or a crawler puts in the search URL gets a page or a clear 400, not a 500."""

import pytest
from django.test import Client

from tests import builders

QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    '"',
    '"unbalanced phrase',
    'a"b"c"',
    "*",
    "lith*",
    "NEAR(",
    "NEAR(a b, 3)",
    "AND OR NOT",
    "-lithium",
    "title:lithium",
    "^lithium",
    "(((",
    "a) OR (b",
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "🗳️ elections 🇵🇪",
    "انتخابات في بيرو",  # right-to-left text
    "lithium\x00salt",
    "\x00",
    "\\",
    "%",
    "_",
    "{{ 7*7 }}",
    "<script>alert(1)</script>",
    "\u202eevil",
    "ǅ Ǆ ﬁ",
]


@pytest.fixture
def client_500():
    """A client that turns an exception into the 500 a reader would get, instead of raising."""
    return Client(raise_request_exception=False)


@pytest.fixture
def indexed(magazine):
    builders.article(magazine.americas, "Lithium and salt", [magazine.ana])
    return magazine


@pytest.mark.parametrize("query", QUERIES, ids=range(len(QUERIES)))
@pytest.mark.parametrize("order", ["relevance", "newest"])
def test_any_query_gets_a_results_page(client_500, indexed, query, order):
    response = client_500.get("/en/search/", {"q": query, "order": order})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ("q=a&q=b", 200),  # repeated: the last one counts
        ("q[]=lithium", 200),  # an array-style name is not our parameter
        ("q=lithium&section=abc", 400),
        ("q=lithium&section=99999", 400),
        ("q=lithium&section=-1", 400),
        ("q=lithium&section=1&section=2", 400),  # the last one, and page 2 is no section
        ("q=lithium&author=%00", 400),
        ("q=lithium&author=99999", 400),
        ("q=lithium&since=2026-02-30", 400),
        ("q=lithium&since=not-a-date", 400),
        ("q=lithium&until=99999-01-01", 400),
        ("q=lithium&until=9999-12-31", 400),
        ("q=lithium&since=0001-01-01", 400),
        ("q=lithium&since=2026-12-01&until=2026-01-01", 400),
        ("q=lithium&order=sideways", 400),
        ("q=lithium&page=abc", 404),
        ("q=lithium&page=99999", 404),
        ("q=lithium&page=1&page=2", 404),  # the last one, and there is no page 2
        ("q=" + "%FF" * 50, 200),  # not UTF-8
    ],
)
def test_bad_parameters_get_a_clear_answer(client_500, indexed, params, status):
    response = client_500.get("/en/search/?" + params)
    assert response.status_code == status, response.content[:300]
    if status == 400:
        assert b"We could not run that search" in response.content


def test_a_bad_filter_says_which_and_keeps_the_query(client, indexed):
    response = client.get("/en/search/", {"q": "lithium", "section": "99999"})
    assert response.status_code == 400
    assert b"There is no such section. Choose one from the list." in response.content
    assert b'value="lithium"' in response.content
