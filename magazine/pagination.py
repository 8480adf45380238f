"""Pagination shared by every listing page: strict about `?page=`, generous with links."""

from dataclasses import dataclass

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

# Articles on each page of a section's, an author's or a tag's listing.
LISTING_PAGE_SIZE = 12


@dataclass(frozen=True)
class PageLink:
    number: int | None  # None stands for an ellipsis between page numbers
    url: str = ""
    is_current: bool = False


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = LISTING_PAGE_SIZE) -> Page:
    """The requested page of `queryset`; a `?page=` that is not a page of it is a 404.

    Garbage, zero, negative and too-large numbers all name a page that does not exist, so they
    get the honest answer rather than a silently different page that crawlers would index.
    The returned page carries `links` (numbered, with ellipses) and `previous_url`/`next_url`,
    each keeping the request's other parameters.
    """
    paginator = Paginator(queryset, per_page)
    try:
        page = paginator.page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404("No such page of this listing.") from error
    page.links = _page_links(request, page)
    page.previous_url = page_url(request, page.number - 1) if page.has_previous() else ""
    page.next_url = page_url(request, page.number + 1) if page.has_next() else ""
    return page


def page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    if number == 1:
        params.pop("page", None)
    else:
        params["page"] = str(number)
    query = params.urlencode()
    return f"?{query}" if query else request.path


def _page_links(request: HttpRequest, page: Page) -> list[PageLink]:
    if page.paginator.num_pages < 2:
        return []
    links = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            links.append(PageLink(None))
        else:
            links.append(PageLink(number, page_url(request, number), number == page.number))
    return links


def cached_paths(queryset: QuerySet, per_page: int = LISTING_PAGE_SIZE) -> list[str]:
    """A listing page's addresses for a CDN to purge (a page's get_cached_paths): "/", then
    "/?page=2" and on, as far as `queryset` goes."""
    pages = Paginator(queryset, per_page).num_pages
    return ["/", *(f"/?page={number}" for number in range(2, pages + 1))]
