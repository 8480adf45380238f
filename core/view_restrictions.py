"""What readers may see: live pages outside private sections, looked up once per request.

`readable(queryset)` means exactly Wagtail's `queryset.live().public()`: the same filter, built
the same way. The difference is cost: `public()` reads every view restriction each time it is
called, and a page here builds half a dozen lists. Within a request (see the middleware below)
the restrictions are read once and reused; anywhere else they are read afresh on every call.
"""

from contextvars import ContextVar

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

_in_request: ContextVar[bool] = ContextVar("view_restrictions_in_request", default=False)
_private: ContextVar[Q | None] = ContextVar("view_restrictions_private", default=None)


def readable(queryset: PageQuerySet) -> PageQuerySet:
    return queryset.live().exclude(private_pages())


def private_pages() -> Q:
    """Pages under a view restriction (login, password or group), as a filter."""
    if not _in_request.get():
        return _private_q()
    private = _private.get()
    if private is None:
        private = _private_q()
        _private.set(private)
    return private


def _private_q() -> Q:
    """Wagtail's PageQuerySet.private_q(), in two plain queries instead of a join.

    SQLite keeps no statistics for an empty table, and for the join of an empty restrictions
    table to the pages it then plans a scan of every page; asking for the restricted pages'
    ids first costs nothing when there are none.
    """
    restricted = PageViewRestriction.objects.values_list("page_id", flat=True)
    q = Q()
    for path, depth in Page.objects.filter(pk__in=list(restricted)).values_list("path", "depth"):
        q |= Q(path__startswith=path) & Q(depth__gte=depth)
    return q if q else Q(pk__in=[])


class ViewRestrictionsPerRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        in_request, private = _in_request.set(True), _private.set(None)
        try:
            return self.get_response(request)
        finally:
            _private.reset(private)
            _in_request.reset(in_request)
