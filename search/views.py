from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from magazine.pagination import paginate
from news import listings

MAX_QUERY_LENGTH = 200


def search(request: HttpRequest) -> HttpResponse:
    query = " ".join(request.GET.get("q", "").replace("\x00", "").split())[:MAX_QUERY_LENGTH]
    context = {"query": query}
    if query:
        page = paginate(request, listings.articles().search(query), per_page=10)
        context["page_obj"] = page
        context["articles"] = listings.with_sections(page.object_list)
    else:
        context["articles"] = listings.with_sections(listings.articles()[:10])
    response = TemplateResponse(request, "search/search.html", context)
    if query:
        add_never_cache_headers(response)
    return response
