"""Publishing an article makes its image renditions, so readers' requests make none."""

import pytest
from bs4 import BeautifulSoup
from wagtail.images import get_image_model

from tests import builders


@pytest.fixture
def fresh_article(magazine, django_capture_on_commit_callbacks):
    hero = builders.image("Harbour at dawn", size=(1600, 1000))
    figure = builders.image("Cranes", size=(1200, 800))
    body = [
        builders.paragraph("The port reopened."),
        {"type": "image", "value": {"image": figure.pk, "width": "inline"}, "id": "fig"},
    ]
    article = builders.article(
        magazine.andes, "Port reopens", [magazine.ana], body=body, hero_image=hero, live=False
    )
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    return article, hero, figure


def renditions() -> int:
    return get_image_model().get_rendition_model().objects.count()


def test_publishing_makes_the_renditions_of_the_hero_and_body_images(fresh_article):
    article, hero, figure = fresh_article
    assert hero.renditions.count() > 12  # every size of the hero and the cards, AVIF and JPEG
    assert figure.renditions.exists()


def test_no_reader_request_makes_a_rendition_after_publishing(client, fresh_article, magazine):
    article, _, _ = fresh_article
    made = renditions()
    for url in (article.url, magazine.andes.url, "/en/", "/en/search/?q=port", magazine.ana.url):
        response = client.get(url)
        assert response.status_code == 200
        assert "Port reopens" in BeautifulSoup(response.content, "html.parser").get_text()
    assert renditions() == made


def test_a_failure_to_prepare_leaves_the_publication_standing(
    magazine, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def broken(article):
        raise OSError("disk full")

    monkeypatch.setattr("news.renditions.prepare", broken)
    article = builders.article(
        magazine.andes, "Still out", [magazine.ana], live=False, hero_image=builders.image()
    )
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    article.refresh_from_db()
    assert article.live
    assert "Could not prepare the image renditions" in caplog.text
