"""Reporters post to live coverage from the admin: at once, without publishing the page,
two at the same minute both; corrections say what changed; Editors remove."""

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import LiveUpdate
from tests import builders
from tests.conftest import member_of
from tests.helpers import page_soup, text

pytestmark = pytest.mark.django_db
ADD = reverse("wagtailsnippets_news_liveupdate:add")


def edit_url(update) -> str:
    return reverse("wagtailsnippets_news_liveupdate:edit", args=[update.pk])


def remove_url(update) -> str:
    return reverse("wagtailsnippets_news_liveupdate:delete", args=[update.pk])


@pytest.fixture
def summit(magazine):
    return builders.live_page(magazine.politics, "Live: the summit", [magazine.ana])


def signed_in(client, user):
    client.force_login(user)
    return client


def post(client, live, reporter, words: str, **overrides):
    with builders.committed():
        return client.post(ADD, builders.live_update_form_data(live, reporter, words, **overrides))


def shown(client, page) -> list[str]:
    soup = page_soup(client, page.url)
    return [text(item.select_one(".live-update__body")) for item in soup.select(".live-update")]


def test_a_writer_posts_and_readers_see_it_at_once(client, magazine, summit, writer):
    response = post(signed_in(client, writer), summit, magazine.ben, "Talks begin.")
    assert response.status_code == 302
    update = LiveUpdate.objects.get()
    assert update.posted_by == writer and update.author == magazine.ben
    client.logout()
    assert shown(client, summit) == ["Talks begin."]
    assert summit.live_revision_id == type(summit).objects.get(pk=summit.pk).live_revision_id


def test_two_reporters_posting_at_the_same_minute_both_appear(client, magazine, summit):
    one, two = member_of("Writers", "one"), member_of("Writers", "two")
    from django.test import Client

    first, second = signed_in(Client(), one), signed_in(Client(), two)
    # Both open the form, then both post: neither overwrites the other.
    assert first.get(ADD + f"?page={summit.pk}").status_code == 200
    assert second.get(ADD + f"?page={summit.pk}").status_code == 200
    minute = timezone.localtime().strftime("%Y-%m-%d %H:%M")
    assert post(first, summit, magazine.ana, "From the hall.", posted_at=minute).status_code == 302
    assert post(second, summit, magazine.ben, "From outside.", posted_at=minute).status_code == 302
    assert sorted(shown(client, summit)) == ["From outside.", "From the hall."]


def test_the_form_starts_from_the_live_page_and_the_reporter_s_byline(client, magazine, summit):
    reporter = member_of("Writers", "ana")
    reporter.first_name, reporter.last_name = "Ana", "Lima"
    reporter.save()
    soup = page_soup(signed_in(client, reporter), ADD, page=summit.pk)
    assert soup.select_one('input[name="page"]')["value"] == str(summit.pk)
    assert soup.select_one('input[name="author"]')["value"] == str(magazine.ana.pk)
    assert not soup.select_one('[name="correction"]')  # nothing to correct yet


def test_the_live_page_offers_post_an_update(client, summit, writer, editor):
    edit = reverse("wagtailadmin_pages:edit", args=[summit.pk])
    soup = page_soup(signed_in(client, editor), edit)
    assert any(a["href"] == f"{ADD}?page={summit.pk}" for a in soup.select("a[href]")), (
        "no Post an update button"
    )


def test_a_change_needs_a_correction_that_readers_see(client, magazine, summit, writer):
    update = builders.live_update(summit, magazine.ana, "Turnout is 61.9%.")
    signed_in(client, writer)
    data = builders.live_update_form_data(summit, magazine.ana, "Turnout is 59.1%.")
    data["posted_at"] = timezone.localtime(update.posted_at).strftime("%Y-%m-%d %H:%M:%S")
    refused = client.post(edit_url(update), data)
    assert refused.status_code == 200 and "Say what you corrected" in refused.content.decode()
    update.refresh_from_db()
    assert "61.9%" in update.text() and update.corrected_at is None

    data["correction"] = "An earlier version gave the wrong turnout."
    with builders.committed():
        assert client.post(edit_url(update), data).status_code == 302
    client.logout()
    soup = page_soup(client, summit.url)
    item = soup.select_one(f"#update-{update.pk}")
    assert "59.1%" in text(item)
    assert "An earlier version gave the wrong turnout." in text(
        item.select_one(".live-update__correction")
    )


def test_editors_remove_an_update_writers_cannot(client, magazine, summit, writer, editor):
    update = builders.live_update(summit, magazine.ana, "A rumour.")
    signed_in(client, writer)
    assert client.post(remove_url(update)).status_code in (302, 403)
    update.refresh_from_db()
    assert update.removed_at is None
    signed_in(client, editor)
    with builders.committed():
        assert client.post(remove_url(update)).status_code == 302
    update.refresh_from_db()
    assert update.removed_at is not None  # kept for the record
    client.logout()
    assert shown(client, summit) == []
    assert client.get(summit.url + "updates/").json()["shown"] == []


@pytest.mark.parametrize(
    "overrides",
    [
        {"page": "999999"},
        {"page": "not a number"},
        {"author": ""},
        {"body-count": "0"},
        {"posted_at": "yesterday-ish"},
        {"title": "x" * 5000},
    ],
)
def test_bad_input_is_a_form_error(client, magazine, summit, writer, overrides):
    response = post(signed_in(client, writer), summit, magazine.ana, "Words.", **overrides)
    assert response.status_code == 200
    assert not LiveUpdate.objects.exists()


def test_an_article_is_not_a_live_page(client, magazine, writer):
    story = builders.article(magazine.politics, "A plain story", [magazine.ana])
    post(signed_in(client, writer), story, magazine.ana, "Words.")
    assert not LiveUpdate.objects.exists()


def test_readers_cannot_post(client, magazine, summit):
    assert post(client, summit, magazine.ana, "Words.").status_code == 302  # to sign in
    assert not LiveUpdate.objects.exists()
