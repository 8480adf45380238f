from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from core.seo import absolute


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read everything but the admin, and are told where both sitemaps are."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        f"Sitemap: {absolute(request, reverse('sitemap_index'))}",
        f"Sitemap: {absolute(request, reverse('news_sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
