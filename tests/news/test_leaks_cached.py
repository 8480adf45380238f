"""No word of an article that stops being public reaches a reader from the page cache.

The article was public, and every public page (its own among them) was served and stored in
the page cache; then it is hidden by one change, the only one since. The pages must forget it
from the next request, as test_leaks.py asks of pages rendered afresh.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import builders
from tests.news.test_leaks import (
    HIDDEN_PHRASES,
    SECRET,
    public_pages,
    restrict,
    secret_article,
    text_of,
)

HIDINGS = [
    "unpublish",
    "delete",
    "expire",
    "login",
    "password",
    "group",
    "section login",
    "section password",
    "move into a private section",
]


@pytest.fixture
def seen(magazine, page_cache):
    m = magazine
    m.visible = builders.article(
        m.americas, "Copper output rises", [m.ana], tags=("copper",), days_ago=1
    )
    m.mining = builders.section(m.americas, "Mining")
    m.vault = builders.section(m.news, "Vault")
    restrict(m.vault, PageViewRestriction.LOGIN)
    m.secret = secret_article(m, "seen", parent=m.mining)
    m.in_review = builders.article(m.americas, "Copper mine reopens", [m.ana], days_ago=2)
    m.readers_saw = [*public_pages(m), m.mining.url, m.secret.url]
    readers = Client()
    for url in m.readers_saw:
        readers.get(url)
    assert readers.get(m.secret.url)["X-Cache"] == "hit"
    assert SECRET in text_of(readers.get(m.americas.url))
    return m


def hide(m, how: str) -> None:
    if how == "unpublish":
        m.secret.unpublish()
    elif how == "delete":
        m.secret.delete()
    elif how == "expire":
        m.secret.expire_at = timezone.now()
        m.secret.save()
        call_command("publish_scheduled")
    elif how in ("login", "password"):
        restrict(m.secret, how, password="s3cret")
    elif how == "group":
        restriction = restrict(m.secret, PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.create(name="Insiders"))
    elif how.startswith("section"):
        restrict(m.mining, how.split()[1], password="s3cret")
    else:
        m.secret.move(m.vault, pos="last-child")


@pytest.mark.parametrize("how", HIDINGS)
def test_a_page_readers_saw_is_forgotten_when_it_is_hidden(
    client, seen, how, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hide(seen, how)
    for url in seen.readers_saw:
        response = client.get(url)
        if url == seen.secret.url and response.status_code == 200:
            # A password form, which names the address (and so its slug) to come back to.
            assert 'name="password"' in text_of(response)
            assert not [p for p in HIDDEN_PHRASES if p in text_of(response)], url
        elif response.status_code == 200:
            assert SECRET not in text_of(response), url
        else:
            # A sign-in or password page; not found; moved (Wagtail's redirect, no content).
            assert response.status_code in (301, 302, 404), url
