"""Uploads served by Django (`make run`, `make prod`): pictures yes, documents never, however
the path to them is spelled; a private collection's file is reached only through Wagtail's
view, which asks readers to sign in."""

import os

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests import builders
from tests.helpers import body_of


@pytest.fixture
def private_document(db):
    newsroom = Collection.get_first_root_node().add_child(name="Newsroom only")
    CollectionViewRestriction.objects.create(
        collection=newsroom, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Embargoed budget", collection=newsroom)
    document.file.save("budget.pdf", ContentFile(b"%PDF-1.4 embargoed figures"))
    return document


def spellings(name: str) -> list[str]:
    """Ways to write media/documents/<name> that a server may hand to Django unnormalised."""
    return [
        f"/media/documents/{name}",
        f"/media/./documents/{name}",
        f"/media//documents/{name}",
        f"/media/.//documents/{name}",
        f"/media/images/../documents/{name}",
        f"/media/images/./../documents/{name}",
        f"/media/original_images/../../media/documents/{name}",
        f"/media/%2e/documents/{name}",
        f"/media/images/%2e%2e/documents/{name}",
        f"/media/documents%2f{name}",
        f"/media/documents/./{name}",
        f"/media/documents//{name}",
        "/media/documents/",
        "/media/documents",
        "/media/./documents",
    ]


def test_no_spelling_of_the_documents_folder_serves_a_document(client, private_document):
    name = os.path.basename(private_document.file.name)
    for url in spellings(name):
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"embargoed" not in body_of(response), url


def test_a_link_into_the_documents_folder_is_not_followed(client, private_document):
    link = settings.MEDIA_ROOT / "shortcut"
    link.symlink_to(settings.MEDIA_ROOT / "documents", target_is_directory=True)
    try:
        name = os.path.basename(private_document.file.name)
        assert client.get(f"/media/shortcut/{name}").status_code == 404
    finally:
        link.unlink()


def test_a_path_out_of_the_media_folder_is_not_found(client, db):
    for url in ("/media/../manage.py", "/media/%2e%2e/manage.py", "/media/images/%00.jpg"):
        assert client.get(url).status_code == 404, url


def test_pictures_are_still_served(client, db):
    picture = builders.image()
    response = client.get(picture.file.url)
    assert response.status_code == 200
    assert body_of(response)[:2] == b"\xff\xd8"  # a JPEG


def test_the_document_itself_goes_through_wagtails_view(client, admin_client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302 and "login" in response["Location"]
    response = admin_client.get(private_document.url)
    assert b"embargoed figures" in body_of(response)
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_documents_are_kept_by_no_shared_cache(client, db):
    """A CDN keeping a public document would go on serving it once its collection is made
    private."""
    document = get_document_model()(title="Report", collection=Collection.get_first_root_node())
    document.file.save("report.pdf", ContentFile(b"%PDF-1.4 public figures"))
    response = client.get(document.url)
    assert response.status_code == 200
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-cache"} <= cache_control
    assert response["Content-Security-Policy"] == "default-src 'none'"
