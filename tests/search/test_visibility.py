"""Only what readers may see is found: never a draft, an unpublished, private or scheduled page."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import builders


@pytest.fixture
def hidden(magazine):
    """A live article about copper, and four hidden ones that mention it in their headlines."""
    m = magazine
    builders.article(m.americas, "Copper visible", [m.ana])
    builders.article(m.americas, "Copper draft", [m.ana], live=False)
    builders.article(m.americas, "Copper unpublished", [m.ana]).unpublish()
    private = builders.article(m.americas, "Copper private", [m.ana])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    scheduled = builders.article(m.americas, "Copper scheduled", [m.ana], live=False)
    scheduled.go_live_at = timezone.now() + timedelta(hours=2)
    scheduled.save_revision().publish()
    retired = builders.author(m.people, "Copper Retired")
    retired.unpublish()
    return m


@pytest.mark.parametrize("params", [{"q": "copper"}, {"q": "copper", "order": "newest"}, {}])
def test_hidden_articles_never_appear_in_search(client, hidden, params):
    soup = BeautifulSoup(client.get("/en/search/", params).content, "html.parser")
    headlines = [h.get_text(strip=True) for h in soup.select(".card__headline")]
    assert headlines == ["Copper visible"]
    assert "Copper Retired" not in soup.get_text()


def test_hidden_articles_never_appear_as_related_coverage(client, hidden):
    article = builders.article(hidden.politics, "Copper prices and politics", [hidden.ben])
    soup = BeautifulSoup(client.get(article.url).content, "html.parser")
    related = [h.get_text(strip=True) for h in soup.select(".related .card__headline")]
    assert related == ["Copper visible"]
