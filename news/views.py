"""Pages that are views rather than Wagtail pages: a tag's articles, and the news sitemap."""

from datetime import timedelta

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from taggit.models import Tag

from caching import surrogate_keys
from core import seo, site_settings
from core.pagination import paginate
from editions import languages

from . import listings

NEWS_SITEMAP_DAYS = 2
NEWS_SITEMAP_LIMIT = 1000


def tag(request: HttpRequest, slug: str) -> HttpResponse:
    """Every article readers may see with the tag `slug`, newest first, twelve to a page."""
    found = Tag.objects.filter(slug=slug).first()
    if found is None:
        raise Http404("No such tag.")
    page = paginate(request, listings.tag_articles(found))
    if not page.paginator.count:
        raise Http404("No articles carry this tag.")
    url = seo.absolute(request, request.path)
    meta = seo.Meta(
        title=found.name,
        description=gettext("Articles about %(tag)s.") % {"tag": found.name},
        canonical=url if page.number == 1 else f"{url}?page={page.number}",
    )
    context = {
        "tag": found,
        "page_obj": page,
        "articles": listings.with_sections(page.object_list),
        "meta": meta,
    }
    return render(request, "news/tag.html", context)


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """Google News' sitemap: articles published in the last two days, at most a thousand."""
    since = timezone.now() - timedelta(days=NEWS_SITEMAP_DAYS)
    surrogate_keys.note(*map(surrogate_keys.all_articles, languages.codes()))
    articles = (
        listings.articles(every_edition=True)
        .select_related("locale")
        .filter(display_date__gte=since)[:NEWS_SITEMAP_LIMIT]
    )
    settings = site_settings.for_request(request)
    context = {
        "articles": [(a.get_full_url(request), a) for a in articles],
        "name": settings.name,
    }
    return render(request, "news/news_sitemap.xml", context, content_type="application/xml")
