"""Writing an article in the admin: an unfinished draft saves, an unfinished article cannot go
live or out for review, and mistakes come back as form errors, never as server errors."""

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from news.models import ArticlePage
from tests import builders


def unfinished(title: str = "Half written") -> dict:
    """The create form with only a headline: no standfirst, hero, authors or body."""
    return nested_form_data(
        {
            "title": title,
            "slug": "half-written",
            "standfirst": "",
            "hero_image": "",
            "article_authors": inline_formset([]),
            "related_links": inline_formset([]),
            "notes": inline_formset([]),
            "tags": "",
            "body": streamfield([]),
        }
    )


@pytest.fixture
def add_url(magazine):
    return f"/admin/pages/add/news/articlepage/{magazine.americas.pk}/"


def test_an_unfinished_draft_saves(admin_client, magazine, add_url):
    response = admin_client.post(add_url, unfinished())
    assert response.status_code == 302
    draft = ArticlePage.objects.get(slug="half-written")
    assert not draft.live and draft.hero_image is None


@pytest.mark.parametrize("action", ["action-publish", "action-submit"])
def test_publishing_or_submitting_needs_hero_standfirst_body_and_an_author(
    admin_client, magazine, add_url, action
):
    response = admin_client.post(add_url, {**unfinished(), action: "1"})
    assert response.status_code == 200  # the form again, with its errors
    assert not ArticlePage.objects.filter(slug="half-written").exists()
    form = response.context["form"]
    assert {"hero_image", "standfirst", "body"} <= set(form.errors)
    assert form.formsets["article_authors"].non_form_errors()


def test_a_finished_article_publishes(admin_client, magazine, add_url):
    draft = ArticlePage(title="Finished", slug="finished")
    data = builders.article_form_data(draft, magazine.ana, hero=builders.image())
    response = admin_client.post(add_url, {**data, "action-publish": "1"})
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="finished").live


def test_the_same_author_twice_is_a_form_error(admin_client, magazine, add_url):
    draft = ArticlePage(title="Twice", slug="twice")
    data = builders.article_form_data(draft, magazine.ana, magazine.ana, hero=builders.image())
    response = admin_client.post(add_url, {**data, "action-publish": "1"})
    assert response.status_code == 200
    assert response.context["form"].formsets["article_authors"].errors
    assert not ArticlePage.objects.filter(slug="twice").exists()


def test_the_editor_explains_its_fields(admin_client, magazine, add_url):
    html = admin_client.get(add_url).content.decode()
    for help_text in [
        "The one-sentence summary under the headline",
        "The picture at the top of the article",
        "opens the first paragraph",
        "Leave blank for the date of first publication",
        "Related coverage",
    ]:
        assert help_text in html
    # Each tab's label ends with the count of its errors, "()" when there are none.
    soup = BeautifulSoup(html, "html.parser")
    tabs = [tab.get_text(strip=True).removesuffix("()") for tab in soup.select('[role="tab"]')]
    assert tabs[:3] == ["Content", "Promote", "Settings"]


def test_the_hero_is_chosen_with_the_image_chooser(admin_client, add_url):
    # A custom form that lost Wagtail's widgets once drew a plain <select> of every image here.
    form = admin_client.get(add_url).context["form"]
    assert type(form.fields["hero_image"].widget).__name__ == "AdminImageChooser"


def test_a_tag_without_a_letter_or_digit_gets_a_form_error(client, magazine, editor):
    """Its page would have no address, and the article would fail to show."""
    client.force_login(editor)
    draft = ArticlePage(title="Port strike", slug="port-strike")
    data = builders.article_form_data(
        draft, magazine.ana, hero=builders.image(), tags='"?!", Ports'
    )
    response = client.post(f"/admin/pages/add/news/articlepage/{magazine.americas.pk}/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["tags"] == ["A tag needs a letter or a digit: “?!”"]
    assert not ArticlePage.objects.filter(slug="port-strike").exists()
