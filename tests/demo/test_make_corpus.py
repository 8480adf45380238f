"""`make_corpus` (for the scale benchmark) adds articles that readers and search can find."""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from wagtail.search.backends import get_search_backend

from news.models import ArticlePage
from search import postgres_backend


def test_generated_articles_are_live_and_found_by_search(magazine):
    before = ArticlePage.objects.count()
    call_command("make_corpus", "--articles", "30", stdout=StringIO())
    assert ArticlePage.objects.live().count() == before + 30
    article = ArticlePage.objects.order_by("-pk").first()
    word = max(article.title.split(), key=len).strip(",.:;?!'\"")
    found = get_search_backend().search(word, ArticlePage.objects.live())
    assert article in list(found)
    if connection.vendor == "postgresql" and postgres_backend.has_rum_index(connection.alias):
        with connection.cursor() as cursor:  # set aside for the load, and built again
            cursor.execute(
                "SELECT 1 FROM pg_indexes WHERE indexname = %s", [postgres_backend.RUM_INDEX]
            )
            assert cursor.fetchone()
