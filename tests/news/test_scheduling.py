"""Scheduled publishing: an article set to go live later is nowhere until its time comes and
`publish_scheduled` runs."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from news import desk
from news.models import ArticlePage
from tests import builders

HEADLINE = "Embargoed budget story"


@pytest.fixture
def scheduled(client, magazine, editor):
    """An article an editor has published with a go-live time tomorrow."""
    builders.article(magazine.americas, "Visible story", [magazine.ana], days_ago=1)
    client.force_login(editor)
    page = ArticlePage(title=HEADLINE, slug="embargoed")
    tomorrow = timezone.localtime() + timedelta(days=1)
    data = builders.article_form_data(
        page, magazine.ana, hero=builders.image(), go_live_at=tomorrow.strftime("%Y-%m-%d %H:%M")
    )
    add = f"/admin/pages/add/news/articlepage/{magazine.americas.pk}/"
    response = client.post(add, {**data, "action-publish": "1"})
    assert response.status_code == 302
    client.logout()
    return ArticlePage.objects.get(slug="embargoed")


def reader_sees(client, magazine, article) -> dict[str, bool]:
    pages = {
        "article": article.url,
        "section": magazine.americas.url,
        "home": "/en/",
        "author": magazine.ana.url,
        "search": "/en/search/?q=embargoed",
    }
    return {
        name: client.get(url).status_code == 200 and HEADLINE in client.get(url).content.decode()
        for name, url in pages.items()
    }


def test_a_scheduled_article_is_nowhere_until_its_time(client, magazine, scheduled, monkeypatch):
    assert not scheduled.live
    assert desk.status(desk.desk_articles().get(pk=scheduled.pk)) == desk.SCHEDULED
    assert list(desk.scheduled_articles()) == [scheduled]
    assert not any(reader_sees(client, magazine, scheduled).values())

    call_command("publish_scheduled")  # too early: nothing changes
    scheduled.refresh_from_db()
    assert not scheduled.live

    later = timezone.now() + timedelta(days=2)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the day after tomorrow
    call_command("publish_scheduled")
    monkeypatch.undo()
    scheduled.refresh_from_db()
    assert scheduled.live
    assert all(reader_sees(client, magazine, scheduled).values())
