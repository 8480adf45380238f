"""Where the page cache stores a reader's request: only what changes the answer, in one
spelling, so that a flood of made-up addresses cannot fill the cache.

- The host is the host name alone, in lower case: the port a request names does not change a
  page (full addresses in it come from the Wagtail site, not the request), and host names
  are the few that ALLOWED_HOSTS lets in.
- Of the query, only a listing's page number (`page`; `p` on the sitemaps) is kept, written
  one way: "1" is the address without it, "02" or "+2" is redirected to "2", anything else is a
  404. A page that shows no listing is redirected to its address without `page`.
- Newsletter and social tracking parameters, and any other parameter, are dropped: the page
  is the same without them, and the view never sees them. Search with anything but a page
  number is not cached (its query and filters make the answer; see search/views.py).
- The API (/api/) is the exception: its parameters make the answer, so all are kept, in one
  order; the API answers a parameter it does not know with a 400, which is never stored. An
  API search is not cached, as the site's is not.
"""

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpRequest, QueryDict
from django.http.request import split_domain_port

from core import pagination

PAGE = "page"
SITEMAP_PAGE = "p"
SITEMAP_PATH = re.compile(r"^/sitemap-[^/]+\.xml$")
# Search, in every edition (/en/search/, /es/search/).
_EDITIONS = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
# (And its old address, which moves to /en/search/ with its query.)
SEARCH_PATH = re.compile(rf"^/(?:(?:{_EDITIONS})/)?search/$")
API_PATH = "/api/"
TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")
_NUMBER = re.compile(r"[1-9][0-9]*")
_NUMBERISH = re.compile(r"\s*\+?\d+\s*")  # what int() reads: "02", "+2", " 2", "２"


@dataclass
class Address:
    """A cacheable request's canonical form: its key, or where to send it, or neither (404)."""

    key: str | None = None
    redirect: str | None = None
    query: list[tuple[str, str]] = field(default_factory=list)
    bypass: bool = False  # answered, but neither from nor into the cache


def paging_parameter(path: str) -> str:
    return SITEMAP_PAGE if SITEMAP_PATH.match(path) else PAGE


def canonical(request: HttpRequest) -> Address:
    path = request.path
    paging = paging_parameter(path)
    pairs = [
        (name, value)
        for name, value in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        if not name.startswith(TRACKING)
    ]
    if SEARCH_PATH.match(path) and any(name != PAGE for name, _ in pairs):
        return Address(bypass=True)
    if path.startswith(API_PATH):
        return api_address(request, pairs)
    numbers = [value for name, value in pairs if name == paging]
    if len(numbers) > 1:
        return Address()  # two page numbers: no such page
    query = []
    if numbers:
        number = numbers[0]
        if number == "":  # "?page=": the first page
            return Address(redirect=path)
        if not _NUMBER.fullmatch(number):
            if not _NUMBERISH.fullmatch(number) or int(number) < 1:
                return Address()  # no such page
            return Address(redirect=with_page(path, paging, int(number)))
        if number == "1":
            return Address(redirect=path)
        query = [(paging, number)]
    host, _port = split_domain_port(request.get_host())
    address = f"{host}{path}?{urlencode(query)}"
    # Hashed: an address may be longer than a cache key may be.
    return Address(key="page:" + hashlib.sha256(address.encode()).hexdigest(), query=query)


def api_address(request: HttpRequest, pairs: list[tuple[str, str]]) -> Address:
    if any(name == "search" for name, _ in pairs):
        return Address(bypass=True)
    query = sorted(pairs)
    host, _port = split_domain_port(request.get_host())
    address = f"{host}{request.path}?{urlencode(query)}"
    return Address(key="api:" + hashlib.sha256(address.encode()).hexdigest(), query=query)


def with_page(path: str, paging: str, number: int) -> str:
    return path if number <= 1 else f"{path}?{urlencode([(paging, number)])}"


def keep_only(request: HttpRequest, query: list[tuple[str, str]]) -> None:
    """The view sees only what the page is keyed on."""
    encoded = urlencode(query)
    request.META["QUERY_STRING"] = encoded
    request.GET = QueryDict(encoded)


def page_ignored(request: HttpRequest, address: Address) -> bool:
    """The request named a page number that the page it got shows no listing of."""
    if request.path.startswith(API_PATH):
        return False  # the API's own parameters (a `page` is a 400 there)
    return any(name == PAGE for name, _ in address.query) and not pagination.page_was_read(request)
