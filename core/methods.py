"""The public site is read with GET and HEAD; everything else is a 405 that says so.

Django's function views, Wagtail's pages, feeds and sitemaps answer whatever method they are
asked with (a TRACE of a feed returned the feed), and `require_GET` made HEAD a 405 where the
page cache answered it with a 200. Checked here, once, for every public view, before the CSRF
check (which would answer a POST with a 403): the admin and the few public views that take a
form (below) are left to themselves.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

READING = ("GET", "HEAD")


class ReadOnlySiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.form_views = set(settings.PUBLIC_FORM_VIEWS)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        if request.method in READING or request.path_info.startswith("/admin/"):
            return None
        if request.resolver_match and request.resolver_match.url_name in self.form_views:
            return None
        return HttpResponseNotAllowed(READING)
