"""Translating in the admin: who may, what it makes, and what the desk says of it."""

import pytest
from django.contrib.auth.models import User
from wagtail.models import Page

from news.models import ArticlePage
from tests import builders
from tests.conftest import member_of


@pytest.fixture
def translator_client(client, magazine):
    client.force_login(member_of("Translators"))
    return client


def translate_url(page) -> str:
    return f"/admin/translation/submit/page/{page.pk}/"


def test_a_translator_translates_an_english_article_and_submits_it_for_review(
    translator_client, spanish
):
    story = builders.article(spanish.en.americas, "Harvest ends", [spanish.en.ana])
    es = Page.objects.get(locale__language_code="es", depth=2).locale_id
    response = translator_client.post(translate_url(story), {"locales": [es]})
    assert response.status_code == 302
    copy = ArticlePage.objects.get(translation_key=story.translation_key, locale_id=es)
    assert not copy.live and copy.get_parent().pk == spanish.americas.pk
    # Bylines point at the author's Spanish page; pictures and tags come along as they are.
    assert [link.author_id for link in copy.article_authors.all()] == [spanish.ana.pk]
    permissions = copy.permissions_for_user(User.objects.get(groups__name="Translators"))
    assert permissions.can_edit() and not permissions.can_publish()
    assert copy.get_workflow().name == "Editorial review"


def test_a_page_whose_parent_is_not_translated_gets_a_form_error(translator_client, magazine):
    story = builders.article(magazine.andes, "Deep story", [magazine.ana])
    es = Page.objects.get(locale__language_code="es", depth=2).locale_id
    response = translator_client.post(translate_url(story), {"locales": [es]})
    assert response.status_code == 400
    assert not ArticlePage.objects.filter(locale_id=es).exists()


def test_writers_may_not_translate(client, magazine):
    client.force_login(member_of("Writers"))
    story = builders.article(magazine.americas, "Harvest ends", [magazine.ana])
    assert client.get(translate_url(story)).status_code in (302, 403)


def test_the_desk_shows_each_articles_language_and_translation_state(client, spanish, editor):
    client.force_login(editor)
    spanish.story_en.save_revision().publish()  # the English changed since its translation
    response = client.get("/admin/news/articlepage/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Español" in html and "desk-translation--missing" in html
    assert "desk-translation--out-of-date" in html
    missing = client.get("/admin/news/articlepage/", {"translation": "missing"}).content.decode()
    assert "Copper prices" in missing and "Los años secos" not in missing
    spanish_only = client.get("/admin/news/articlepage/", {"language": "es"}).content.decode()
    assert "Vuelven las lluvias" in spanish_only and "Copper prices" not in spanish_only
    assert client.get("/admin/people/authorpage/").status_code == 200
