"""The editor's fields say what they are, once: the headline is called a headline (also for
screen readers), choosers name what they choose, the alt text is marked required where it is,
and captions and credits say which one readers see."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests import builders


@pytest.fixture
def add_article(admin_client, magazine) -> BeautifulSoup:
    response = admin_client.get(f"/admin/pages/add/news/articlepage/{magazine.andes.pk}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def label_of(soup, field_id: str) -> str:
    label = soup.find("label", attrs={"for": field_id})
    return " ".join(label.get_text().split()) if label else ""


def test_the_headline_is_called_a_headline(add_article):
    assert label_of(add_article, "id_title").startswith("Headline")
    assert add_article.find(id="id_title")["placeholder"] == "Headline*"


def test_choosers_name_what_they_choose(add_article):
    html = str(add_article)
    assert "Choose a page (Author)" not in html
    assert "Choose a page (Article)" not in html
    assert "Choose an author" in html
    assert "Choose an article" in html


def test_the_front_page_chooses_articles(admin_client, magazine):
    html = admin_client.get(f"/admin/pages/{magazine.home.pk}/edit/").content.decode()
    assert "Choose a page (Article)" not in html
    assert "Choose an article" in html


def test_captions_and_credits_say_which_one_readers_see(add_article):
    caption = add_article.find(id="id_hero_caption").find_parent(attrs={"data-field": True})
    text = " ".join(caption.get_text().split()) if caption else str(add_article)
    assert "instead of the picture's default caption" in text


def test_the_upload_form_marks_the_alt_text_required(admin_client, db):
    soup = BeautifulSoup(admin_client.get("/admin/images/add/").content, "html.parser")
    label = soup.find("label", attrs={"for": "id_description"})
    assert "Alt text" in label.get_text()
    assert label.find(class_="w-required-mark") is not None
    html = soup.get_text(" ")
    assert "wherever an article gives it no caption of its own" in html
    assert "an article may give another for its own use" in html


def test_a_picture_without_alt_text_needs_to_be_decorative(admin_client, db):
    def upload(**fields):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), (10, 20, 30)).save(buffer, "JPEG")
        data = {
            "title": "Rule",
            "file": SimpleUploadedFile("rule.jpg", buffer.getvalue(), "image/jpeg"),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "description": "",
            **fields,
        }
        return admin_client.post("/admin/images/add/", data)

    response = upload()
    assert response.status_code == 200
    assert "Describe the picture, or mark it as decorative." in response.content.decode()
    assert upload(is_decorative="on").status_code == 302
    assert get_image_model().objects.get().is_decorative


def test_an_author_is_chosen_by_name_in_the_byline(admin_client, magazine):
    story = builders.article(magazine.andes, "Story", [magazine.ana])
    html = admin_client.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "Edit this author" in html or "Choose another author" in html
