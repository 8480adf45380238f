"""The search page: articles by relevance or date, with filters, editors' picks and people."""

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from wagtail.contrib.search_promotions.models import Query

from core.pagination import paginate
from core.text import names_match, words
from editions import links
from news import listings

from . import filters
from .forms import ORDERS, SearchForm
from .query import RESULTS_DEPTH, clean, parse

RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    menus = {f"{name}_menu": form.menu(name) for name in ("section", "author", "order")}
    if not form.is_valid():
        # A filter that names nothing real: say which, and keep the visitor's query in the box.
        context = {"form": form, "query": clean(request.GET.get("q", "")), **menus}
        return _respond(request, context, status=400)

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

    context = {
        **menus,
        "form": form,
        "query": text,
        "has_words": query is not None,
        "page_obj": page,
        "articles": listings.with_sections(page.object_list),
        "picks": picks if first_page else [],
        "result_count": min(page.paginator.count, RESULTS_DEPTH) + len(picks),
        "more_results": page.paginator.count >= RESULTS_DEPTH,
        "authors": named(form.authors, text) if query and first_page else [],
        "sections": named(form.sections, text) if query and first_page else [],
        "section_links": filters.section_links(
            request, form.top_sections, form.cleaned_data["section"]
        ),
        "order_links": filters.order_links(request, ORDERS, order) if query else [],
        "active_filters": filters.active_filters(request, form.filters),
    }
    return _respond(request, context, never_cache=query is not None)


def named(pages: list, text: str, limit: int = 5) -> list:
    """The pages whose name holds every word of the query, ignoring case and accents."""
    return [page for page in pages if names_match(page.title, words(text))][:limit]


def _respond(request, context, status=200, never_cache=True) -> HttpResponse:
    context["editions"] = links.for_view(request, search=context.get("query") or "")
    response = TemplateResponse(request, "search/search.html", context, status=status)
    # Results depend on the query and change with every publication: no shared caches.
    if never_cache:
        add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response
