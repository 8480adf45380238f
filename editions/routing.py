"""Which edition a request reads: the language prefix of its address, always.

Every reader's page sits under /en/ or /es/, so that a page cached by its address is in one
language. The bare site address `/` sends readers to the edition their browser asks for
(Accept-Language) and remembers nothing: no cookie, which every cache in front would have to
vary on. Any other address without a prefix is an address from before the editions, all
English: it moves to /en/ for good (301), query string and all.
"""

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail import views as wagtail_views
from wagtail.models import Site

from caching import surrogate_keys

from . import languages


class EditionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        edition = translation.get_language_from_path(request.path_info)
        # Wagtail previews a snippet through a made-up request for "/": not a reader's address.
        if edition is None and not getattr(request, "is_dummy", False):
            moved = self.unprefixed(request)
            if moved is not None:
                return moved
        else:
            surrogate_keys.note(surrogate_keys.edition(edition))
        # Outside the editions (the admin, the sitemaps), the default language.
        translation.activate(edition or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        if edition is not None:
            response.headers.setdefault("Content-Language", edition)
        return response

    def unprefixed(self, request: HttpRequest) -> HttpResponse | None:
        """Where an address without a language prefix goes; None when it is one of the
        addresses that belong to no edition (the admin, robots.txt, the sitemaps, files)."""
        path = request.path_info
        if path == "/":
            # Only the language: not the cookie Django would also read (a reader's choice is
            # a link, and the edge cache never sees it).
            response = HttpResponseRedirect(f"/{accepted_language(request)}/")
            patch_vary_headers(response, ("Accept-Language",))
            patch_cache_control(response, private=True, no_cache=True)
            return response
        urlconf = getattr(request, "urlconf", None)
        target = f"/{settings.LANGUAGE_CODE}{path}"
        # The prefixed patterns match the active language's prefix only.
        with translation.override(settings.LANGUAGE_CODE):
            if is_valid_path(path, urlconf) or not is_valid_path(target, urlconf):
                return None
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)


def accepted_language(request: HttpRequest) -> str:
    """The first language of Accept-Language that has an edition ("es-MX" reads "es"), else
    the default."""
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, with the edition's home found in one query.

    Wagtail starts each route at `site.root_page.localized`: a query for the active Locale,
    another for the home's translation and a third for its specific type, so a Spanish page
    would cost two queries more than its English original. Wagtail reads the route we leave
    on the request.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = _route(request, path)
    return wagtail_views.serve(request, path)


def edition_home(request: HttpRequest):
    """The home page (specific) of the edition being read, on the request's site, in one
    query, kept on the request; None without a site."""
    if not hasattr(request, "_edition_home"):
        site = Site.find_for_request(request)
        home = None
        if site is not None:
            root = site.root_page
            model = root.specific_class
            if model is not None:
                home = model.objects.filter(
                    translation_key=root.translation_key, locale_id=languages.locale_id()
                ).first()
            if home is None:  # no home in this edition: Wagtail's way (the default's)
                home = root.localized.specific
        request._edition_home = home
    return request._edition_home


def _route(request: HttpRequest, path: str):
    home = edition_home(request)
    if home is None:
        return None
    try:
        return home.route(request, [part for part in path.split("/") if part])
    except Http404:
        return None
