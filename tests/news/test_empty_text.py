"""Text that is required is not satisfied by empty paragraphs: the rich text editor saves a
moment after the last keystroke, and publishing quickly after typing sent "<p></p>"."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import ArticlePage
from people.models import AuthorPage
from tests import builders

EMPTY = ["<p></p>", "<p><br/></p>", "<p> </p>", "<p>&nbsp;</p>", "<p></p><p></p>", "<p>\u200b</p>"]


def publish_with_body(admin_client, magazine, html: str):
    draft = ArticlePage(title="Quick", slug="quick")
    data = builders.article_form_data(draft, magazine.ana, hero=builders.image())
    data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(html))])}))
    url = f"/admin/pages/add/news/articlepage/{magazine.andes.pk}/"
    return admin_client.post(url, {**data, "action-publish": "1"})


@pytest.mark.parametrize("html", EMPTY)
def test_an_empty_paragraph_does_not_go_live(admin_client, magazine, html):
    response = publish_with_body(admin_client, magazine, html)
    assert response.status_code == 200  # the form again
    assert "Write the paragraph, or remove the block." in response.content.decode()
    assert not ArticlePage.objects.filter(slug="quick").exists()


def test_a_written_paragraph_does(admin_client, magazine):
    response = publish_with_body(admin_client, magazine, "<p>The quay, at dawn.</p>")
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="quick").live


@pytest.mark.parametrize("html", EMPTY[:3])
def test_an_empty_correction_is_a_form_error(admin_client, magazine, html):
    story = builders.article(magazine.andes, "Story", [magazine.ana])
    data = builders.article_form_data(story, hero=builders.image())
    data.update(
        nested_form_data(
            {
                "notes": inline_formset(
                    [{"kind": "correction", "date": "2026-12-01 10:00", "text": rich_text(html)}]
                )
            }
        )
    )
    response = admin_client.post(f"/admin/pages/{story.pk}/edit/", {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert "Write the correction or update." in response.content.decode()


def test_an_empty_bio_is_no_bio(admin_client, magazine):
    ana = magazine.ana
    data = nested_form_data(
        {
            "title": ana.title,
            "slug": ana.slug,
            "role": "",
            "photo": "",
            "bio": rich_text("<p></p>"),
            "links": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/{ana.pk}/edit/", {**data, "action-publish": "1"})
    assert response.status_code == 302
    assert AuthorPage.objects.get(pk=ana.pk).bio == ""
