"""Corrections and updates: dated notes at the top of an article, and an "Updated" line."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from news.models import ArticleNote, ArticlePage
from tests import builders
from tests.helpers import text


def test_notes_show_newest_first_with_their_dates(client, magazine):
    story = builders.article(magazine.andes, "Metro beams", [magazine.ana], days_ago=4)
    now = timezone.localtime()
    ArticleNote.objects.create(
        page=story,
        kind=ArticleNote.CORRECTION,
        date=now - timedelta(days=2),
        text="<p>An earlier version misstated the length of the line.</p>",
    )
    ArticleNote.objects.create(
        page=story, kind=ArticleNote.UPDATE, date=now, text="<p>The minister resigned.</p>"
    )
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")

    notes = soup.select(".notes .note")
    assert [text(note) for note in notes] == [
        f"Update, {now:%-d %B %Y} The minister resigned.",
        f"Correction, {now - timedelta(days=2):%-d %B %Y} "
        "An earlier version misstated the length of the line.",
    ]
    assert soup.select_one(".notes")["aria-label"] == "Corrections and updates"
    # Above the body, where readers see it before they read on.
    assert soup.select_one(".notes").find_next(class_="article__body")
    meta = text(soup.select_one(".article__meta"))
    assert f"Updated {now:%-d %B %Y}" in meta


def test_an_article_without_notes_has_no_updated_line(client, magazine):
    story = builders.article(magazine.andes, "Quiet", [magazine.ana])
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    assert soup.select(".notes") == []
    assert "Updated" not in text(soup.select_one(".article__meta"))


def test_an_editor_adds_a_correction_in_the_article_editor(admin_client, magazine):
    story = builders.article(magazine.andes, "Metro beams", [magazine.ana], days_ago=4)
    data = builders.article_form_data(story, hero=builders.image())
    correction = {
        "kind": "correction",
        "date": "2026-11-20 09:30",
        "text": rich_text("<p>An earlier version misspelt the mayor's name.</p>"),
    }
    data.update(nested_form_data({"notes": inline_formset([correction])}))
    response = admin_client.post(f"/admin/pages/{story.pk}/edit/", {**data, "action-publish": "1"})
    assert response.status_code == 302
    story = ArticlePage.objects.get(pk=story.pk)
    (note,) = story.notes.all()
    assert note.kind == "correction"
    assert "misspelt" in note.text
    assert story.updated_at == note.date
