"""On PostgreSQL, a query the site runs again and again is planned once per connection."""

import pytest
from django.db import connection

from news.models import ArticlePage


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's prepared statements")
@pytest.mark.django_db
def test_a_query_asked_again_with_other_values_is_prepared():
    # The same shape with another value each time, as pages look up articles by id.
    for pk in range(1, 8):
        list(ArticlePage.objects.filter(pk=pk).values_list("title", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('FROM "news_articlepage"' in statement for statement in prepared), prepared
