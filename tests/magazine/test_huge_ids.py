"""Any id anywhere, however large, is a 404 or a 400, never a server error.

SQLite refuses to bind an integer past 64 bits (OverflowError) and PostgreSQL compares
integer columns with numbers of any size; every address with an id in it, ours and Wagtail's
admin's alike, and every filter that takes one, is tried with ids past each limit."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from tests import builders

HUGE = [2**31, 2**63, 10**40]  # past PostgreSQL's integer, past 64 bits, far past


def id_addresses() -> list[str]:
    """Every URL pattern that takes an integer, with each integer left as {}."""
    found = []

    def walk(resolver, prefix: str, converters: dict):
        for entry in resolver.url_patterns:
            pattern = entry.pattern
            route = prefix + str(pattern)
            merged = {**converters, **getattr(pattern, "converters", {})}
            if isinstance(entry, URLResolver):
                walk(entry, route, merged)
            elif isinstance(entry, URLPattern) and any(
                isinstance(c, IntConverter) for c in merged.values()
            ):
                found.append(route)

    walk(get_resolver(), "/", {})
    addresses = []
    for route in found:
        if route.startswith("/^") or "(?P" in route:
            continue  # a regular expression, not a path with converters
        address = re.sub(r"<int:\w+>", "{}", route)
        address = re.sub(r"<(?:str|slug):\w+>", "x", address)
        address = re.sub(r"<path:\w+>", "x", address)
        addresses.append(address)
    return sorted(set(addresses))


def status_of(client, url: str) -> int:
    """The status a reader would get: an exception the test client raises is a 500."""
    try:
        return client.get(url).status_code
    except Exception:
        return 500


def test_the_crawl_finds_the_addresses_with_ids():
    addresses = id_addresses()
    assert "/en/feeds/section/{}/rss.xml" in addresses
    assert "/admin/pages/{}/edit/" in addresses
    assert len(addresses) > 50


@pytest.mark.parametrize("number", HUGE)
def test_no_address_with_a_huge_id_is_a_server_error(admin_client, client, magazine, number):
    errors = []
    for address in id_addresses():
        url = address.replace("{}", str(number))
        for reader in (client, admin_client):
            status = status_of(reader, url)
            if status >= 500:
                errors.append((url, status))
    assert errors == []


FILTERS = ["section", "author", "display_date__gte", "owner", "locale", "content_type"]
LISTINGS = [
    "/admin/news/articlepage/",
    "/admin/people/authorpage/",
    "/admin/pages/",
    "/admin/pages/search/",
    "/admin/images/",
    "/admin/documents/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/users/",
    "/en/search/",
]


@pytest.mark.parametrize("number", HUGE)
def test_no_filter_with_a_huge_id_is_a_server_error(admin_client, magazine, number):
    builders.article(magazine.andes, "A story", [magazine.ana])
    errors = []
    for url in [*LISTINGS, f"/admin/pages/{magazine.news.pk}/"]:
        for name in FILTERS:
            status = status_of(admin_client, f"{url}?{name}={number}&q=story")
            if status >= 500:
                errors.append((url, name, status))
    assert errors == []


@pytest.mark.parametrize("listing", ["/admin/news/articlepage/", "/admin/people/authorpage/"])
def test_the_desk_lists_refuse_filters_they_do_not_offer(admin_client, magazine, listing):
    """modeladmin would filter by any field path: a password hash, letter by letter."""
    response = admin_client.get(listing, {"owner__password__startswith": "md5$"})
    assert response.status_code == 400
    assert b"cannot be filtered by owner__password__startswith" in response.content
    response = admin_client.get("/admin/news/articlepage/", {"display_date__gte": "soon"})
    assert response.status_code == 400
    assert admin_client.get(listing, {"q": "story", "o": "1"}).status_code == 200
