from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemaps
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from api.urls import router as api_router
from caching import surrogate_keys
from core.media import serve_document, serve_media
from core.page_passwords import throttled_document_password, throttled_page_password
from editions import languages, routing
from editions.sitemaps import EditionsSitemap
from home.views import robots_txt
from news import feeds
from news import views as news_views
from search import views as search_views

PAGES = {"sitemaps": {"pages": EditionsSitemap}}
# The sitemaps list every page of every edition: articles, authors, sections.
every_page = surrogate_keys.shows(
    *(
        key(code)
        for code in languages.codes()
        for key in (surrogate_keys.all_articles, surrogate_keys.authors, surrogate_keys.edition)
    )
)

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms for private pages and documents, with guesses throttled (before
    # Wagtail's own, which answer at the same addresses).
    path(
        "_util/authenticate_with_password/<int:restriction_id>/<int:page_id>/",
        throttled_page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttled_document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    # Wagtail's document view, never kept by a CDN (core/media.py).
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    # Past 50,000 pages the index lists more than one page of the pages' sitemap.
    path(
        "sitemap.xml",
        every_page(sitemaps.index),
        {**PAGES, "sitemap_url_name": "sitemap"},
        name="sitemap_index",
    ),
    path("sitemap-<section>.xml", every_page(sitemaps.sitemap), PAGES, name="sitemap"),
    path("news-sitemap.xml", news_views.news_sitemap, name="news_sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # The read-only API for apps and partners (api/views.py, docs/api.md).
    path("api/v2/", api_router.urls),
]

if settings.SERVE_MEDIA_FILES:
    # Only where nothing else serves uploads: `make run`, `make prod` and the tests. Never
    # documents, however spelled (core/media.py).
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", serve_media))

# Everything a reader reads, in each edition: /en/…, /es/… (editions/routing.py).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    # Tags made before slugs were ASCII-only may hold any letter ("côte-divoire").
    re_path(r"^tags/(?P<slug>[-\w]+)/$", news_views.tag, name="tag"),
    # Signing up and the links in newsletters: never cached (newsletters/views.py).
    path("newsletters/", include("newsletters.urls")),
    path("feeds/rss.xml", feeds.MagazineFeed(), name="feed_rss"),
    path("feeds/atom.xml", feeds.MagazineAtomFeed(), name="feed_atom"),
    path("feeds/section/<int:pk>/rss.xml", feeds.SectionFeed(), name="section_feed_rss"),
    path("feeds/section/<int:pk>/atom.xml", feeds.SectionAtomFeed(), name="section_feed_atom"),
    path("feeds/author/<int:pk>/rss.xml", feeds.AuthorFeed(), name="author_feed_rss"),
    path("feeds/author/<int:pk>/atom.xml", feeds.AuthorAtomFeed(), name="author_feed_atom"),
    # Wagtail's page view, routed from the edition's home in one query (editions/routing.py);
    # the same name and pattern as Wagtail's, which page URLs are reversed by.
    re_path(serve_pattern, routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
)
