"""The search page: articles by relevance or date, with filters, editors' picks and people."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site

from magazine.pagination import paginate
from news import listings

from . import filters
from .forms import ORDERS, SearchForm
from .query import clean, parse

RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    if not form.is_valid():
        # A filter that names nothing real: say which, and keep the visitor's query in the box.
        return _respond(request, {"form": form, "query": clean(request.GET.get("q", ""))}, 400)

    text = form.cleaned_data["q"]
    query = parse(text)
    order = form.cleaned_data["order"] or "relevance"
    first_page = request.GET.get("page") in (None, "", "1")
    # Editors' picks answer the bare query; once it is filtered they may not fit.
    picks = listings.promoted_pages(text) if query and not form.has_filters else []
    results = listings.search_articles(
        query,
        newest=order == "newest",
        exclude=[pick.page_id for pick in picks if pick.article],
        **form.filters,
    )
    page = paginate(request, results, per_page=RESULTS_PER_PAGE)
    if query and first_page:
        Query.get(text).add_hit()

    site = Site.find_for_request(request)
    context = {
        "form": form,
        "query": text,
        "has_words": query is not None,
        "page_obj": page,
        "articles": listings.with_sections(page.object_list),
        "picks": picks if first_page else [],
        "result_count": page.paginator.count + len(picks),
        "authors": listings.matching_authors(query) if query and first_page else [],
        "sections": listings.matching_sections(query) if query and first_page else [],
        "section_links": filters.section_links(
            request, listings.top_sections(site.root_page), form.cleaned_data["section"]
        ),
        "order_links": filters.order_links(request, ORDERS, order) if query else [],
        "active_filters": filters.active_filters(request, form.filters),
    }
    return _respond(request, context, never_cache=query is not None)


def _respond(request, context, status=200, never_cache=True) -> HttpResponse:
    response = TemplateResponse(request, "search/search.html", context, status=status)
    # Results depend on the query and change with every publication: no shared caches.
    if never_cache:
        add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response
