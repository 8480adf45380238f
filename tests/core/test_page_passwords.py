"""Guessing a private page's (or document's) password is throttled per address, as signing in
is: five wrong guesses, then a pause that the right password does not end; other readers
are not held up."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests import builders


@pytest.fixture
def guesses_counted(settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pw"},
    }
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def private_story(magazine, guesses_counted):
    story = builders.article(magazine.andes, "Members only", [magazine.ana])
    restriction = PageViewRestriction.objects.create(
        page=story, restriction_type="password", password="s3cret"
    )
    return story, f"/_util/authenticate_with_password/{restriction.pk}/{story.pk}/"


def guess(client, url, password, story, address="203.0.113.9"):
    return client.post(url, {"password": password, "return_url": story.url}, REMOTE_ADDR=address)


def test_forty_guesses_are_not_all_answered(client, private_story):
    story, url = private_story
    statuses = [guess(client, url, f"guess-{n}", story).status_code for n in range(40)]
    assert statuses[:5] == [200] * 5  # the form again, "wrong password"
    assert set(statuses[5:]) == {429}
    paused = guess(client, url, "s3cret", story)
    assert paused.status_code == 429
    assert int(paused["Retry-After"]) > 0
    assert "Too many wrong passwords" in paused.content.decode()


def test_another_reader_is_not_held_up(client, private_story):
    story, url = private_story
    for n in range(6):
        guess(client, url, f"guess-{n}", story)
    response = guess(client, url, "s3cret", story, address="198.51.100.7")
    assert response.status_code == 302
    assert b"Members only" in client.get(story.url).content


def test_a_private_documents_password_is_throttled_too(client, db, guesses_counted):
    vault = Collection.get_first_root_node().add_child(name="Vault")
    restriction = CollectionViewRestriction.objects.create(
        collection=vault, restriction_type="password", password="s3cret"
    )
    document = get_document_model()(title="Budget", collection=vault)
    document.file.save("budget.pdf", ContentFile(b"%PDF-1.4 figures"))
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    statuses = [
        client.post(url, {"password": f"x{n}", "return_url": document.url}).status_code
        for n in range(8)
    ]
    assert statuses[-1] == 429
