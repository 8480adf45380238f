"""Pagination shared by every listing page: strict about `?page=`, generous with links."""

from dataclasses import dataclass

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils.functional import cached_property

# Set on a request whose page read `?page=`: the page cache keys such a page on it, and
# answers any other page with `?page=` as if it had none (caching/cache_keys.py).
_READ = "_reads_page_number"


def note_page_read(request: HttpRequest) -> None:
    setattr(request, _READ, True)


def page_was_read(request: HttpRequest) -> bool:
    return getattr(request, _READ, False)


# Articles on each page of a section's, an author's or a tag's listing.
LISTING_PAGE_SIZE = 12
# How many pages past the one asked for a reaching listing counts (see ReachingPaginator).
PAGES_AHEAD = 3
# No listing reaches this far; a larger ?page= would overflow the database's integers in LIMIT.
FURTHEST_PAGE = 1_000_000


class ReachingPaginator(Paginator):
    """Counts a listing only as far as a reader can reach from the page asked for.

    Counting every article of a big section takes PostgreSQL as long as the rest of the page
    (42 ms of 73 for /news/ at 100,000 articles), and grows with it. This one counts at most
    PAGES_AHEAD pages past `number`, plus one article to tell whether more lie beyond
    (`reaches_further`); pages past the count are still a 404.
    """

    def __init__(self, object_list, per_page: int, number: int):
        super().__init__(object_list, per_page)
        self.reach = (min(max(number, 1), FURTHEST_PAGE) + PAGES_AHEAD) * per_page

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.reach)

    @cached_property
    def reaches_further(self) -> bool:
        return self._counted > self.reach

    @cached_property
    def _counted(self) -> int:
        return self.object_list[: self.reach + 1].count()


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None stands for an ellipsis between page numbers
    url: str = ""
    is_current: bool = False


def paginate(
    request: HttpRequest,
    queryset: QuerySet,
    per_page: int = LISTING_PAGE_SIZE,
    count_all: bool = True,
) -> Page:
    """The requested page of `queryset`; a `?page=` that is not a page of it is a 404.

    `count_all=False` counts only a few pages ahead (ReachingPaginator), for listings that
    grow without end and do not show their total: the links then end in a gap.

    Garbage, zero, negative and too-large numbers all name a page that does not exist, so they
    get the honest answer rather than a silently different page that crawlers would index.
    The returned page carries `links` (numbered, with ellipses) and `previous_url`/`next_url`,
    each keeping the request's other parameters.
    """
    note_page_read(request)  # the page cache keys this page on ?page=
    number = request.GET.get("page") or 1
    if count_all:
        paginator = Paginator(queryset, per_page)
    else:
        paginator = ReachingPaginator(queryset, per_page, _as_number(number))
    try:
        page = paginator.page(number)
    except InvalidPage as error:
        raise Http404("No such page of this listing.") from error
    page.links = _page_links(request, page)
    page.previous_url = page_url(request, page.number - 1) if page.has_previous() else ""
    page.next_url = page_url(request, page.number + 1) if page.has_next() else ""
    return page


def page_number(request: HttpRequest) -> int | None:
    """The page of a listing asked for, when the request asks for nothing else: what a cached
    listing may be named by. None for what is no page number, or a query with more in it (the
    page's links keep the other parameters)."""
    note_page_read(request)
    if set(request.GET) - {"page"}:
        return None
    value = request.GET.get("page") or "1"
    return int(value) if value.isascii() and value.isdigit() and len(value) < 8 else None


def page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    if number == 1:
        params.pop("page", None)
    else:
        params["page"] = str(number)
    query = params.urlencode()
    return f"?{query}" if query else request.path


def _as_number(value) -> int:
    """The page number asked for, or 1 for what is none (the paginator then refuses it)."""
    try:
        return int(value)
    except ValueError:
        return 1


def _page_links(request: HttpRequest, page: Page) -> list[PageLink]:
    if page.paginator.num_pages < 2:
        return []
    links = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            links.append(PageLink(None))
        else:
            links.append(PageLink(number, page_url(request, number), number == page.number))
    if getattr(page.paginator, "reaches_further", False):
        links.append(PageLink(None))  # the last page counted is not the listing's last
    return links


def cached_paths(queryset: QuerySet, per_page: int = LISTING_PAGE_SIZE) -> list[str]:
    """A listing page's addresses for a CDN to purge (a page's get_cached_paths): "/", then
    "/?page=2" and on, as far as `queryset` goes."""
    pages = Paginator(queryset, per_page).num_pages
    return ["/", *(f"/?page={number}" for number in range(2, pages + 1))]
