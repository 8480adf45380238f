"""Whatever a visitor or a crawler sends (any query parameters, any path below a public address,
any Host header), the answer is a page, a redirect, a 400 or a 404: never a server error.

Hypothesis makes the input, starting from the shapes the magazine's own addresses take, and
shrinks whatever fails to the smallest request that does.
"""

from urllib.parse import quote

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import builders

ANSWERS = {200, 301, 302, 400, 404}
# The parameters the site reads, and the ones crawlers and campaigns add.
PARAMETER_NAMES = ["q", "order", "page", "p", "section", "author", "tag", "from", "to", "utm_"]
# Any character, NUL and controls included, but unpaired surrogates: no HTTP client can send
# those (they have no UTF-8 form).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
NUMBERISH = st.one_of(st.integers(-(2**70), 2**70).map(str), st.just("0"), st.just("1e9"))
VALUES = st.one_of(TEXT, NUMBERISH, st.sampled_from(["", " ", "%", "*", "'", '"', "../", "\x00"]))
SEGMENT = st.one_of(TEXT.filter(lambda s: s not in ("", ".", "..")), NUMBERISH)
RUNS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def addresses(magazine) -> list[str]:
    m = magazine
    article = builders.article(m.americas, "Copper output", [m.ana], tags=("copper",))
    return [
        "/en/",
        m.news.url,
        m.americas.url,
        article.url,
        m.people.url,
        m.ana.url,
        "/en/tags/copper/",
        "/en/search/",
        "/en/feeds/rss.xml",
        "/en/feeds/atom.xml",
        f"/en/feeds/section/{m.americas.pk}/rss.xml",
        f"/en/feeds/author/{m.ana.pk}/atom.xml",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/news-sitemap.xml",
        "/robots.txt",
    ]


def answer(path: str, **request) -> int:
    return Client(raise_request_exception=False).get(path, **request).status_code


@RUNS
@given(data=st.data())
def test_any_query_parameters_get_an_answer(addresses, data):
    path = data.draw(st.sampled_from(addresses))
    names = st.one_of(st.sampled_from(PARAMETER_NAMES), TEXT.filter(bool))
    params = data.draw(st.dictionaries(names, VALUES, max_size=4))
    assert answer(path, data=params) in ANSWERS, (path, params)


@RUNS
@given(data=st.data())
def test_any_path_below_a_public_address_gets_an_answer(addresses, data):
    base = data.draw(
        st.sampled_from([*addresses, "/en/tags/", "/en/feeds/section/", "/documents/"])
    )
    segments = data.draw(st.lists(SEGMENT, min_size=1, max_size=3))
    slash = data.draw(st.sampled_from(["", "/"]))
    path = base.rstrip("/") + "/" + "/".join(quote(s, safe="") for s in segments) + slash
    assert answer(path) in ANSWERS, path


@RUNS
@given(host=st.one_of(TEXT, st.sampled_from(["", "localhost:99999", "[::1", "a" * 300, "x:y:z"])))
def test_any_host_header_gets_an_answer(addresses, host):
    assert answer("/en/", headers={"host": host}) in ANSWERS, host


TRICKY = [
    ("/en/news/%00/", {}),
    ("/en/tags/%00/", {}),
    ("/en/people/a%00b/", {}),
    ("/%C0%AF/", {}),  # an overlong UTF-8 slash
    ("/en/news/" + "a" * 3000 + "/", {}),
    ("/en/search/", {"q": "\x00"}),
    ("/en/search/", {"order": "\x00", "section": "\x00", "author": "\x00"}),
    ("/en/search/", {"from": "2026-99-99", "to": "\x00"}),
    ("/en/news/", {"page": "\x00"}),
    ("/en/news/", {"page": str(2**70)}),
    ("/sitemap-pages.xml", {"p": "\x00"}),
]


@pytest.mark.parametrize(("path", "params"), TRICKY)
def test_inputs_that_break_sites_get_an_answer(addresses, path, params):
    """NUL, which PostgreSQL refuses in any string, numbers past 64 bits and the like, tried on
    every run whatever Hypothesis draws."""
    assert answer(path, data=params) in ANSWERS
