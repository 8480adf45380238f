"""No unpublished word reaches a reader, by any road.

Beside one live, public article about copper, the same section, author and tag hold eight
articles readers must not see: a draft, an unpublished article, one scheduled for tomorrow,
three under view restrictions (sign-in, password, a group), one in a section made private, and
a live article whose newer revision waits in review. Every one carries the word "embargo" in
its headline, its slug and its body, so a leak of any of its text shows up on any page as that
word. (tests/news/test_leaks_cached.py hides them after readers have seen them, with the page
cache on.)
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests import builders
from tests.conftest import member_of

SECRET = "embargo"
# The hidden articles' headlines, bodies and the in-review standfirst, as they would show.
HIDDEN_PHRASES = [f"copper {SECRET}", f"under {SECRET}", f"after {SECRET}"]


def secret_article(m, kind: str, parent=None, **fields):
    return builders.article(
        parent or m.americas,
        f"Copper {SECRET} {kind}",
        [m.ana],
        tags=("copper",),
        body=[builders.paragraph(f"Copper figures under {SECRET}, {kind}.")],
        **fields,
    )


def restrict(page, kind: str, **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


@pytest.fixture
def newsroom(magazine, writer):
    m = magazine
    m.visible = builders.article(
        m.americas,
        "Copper output rises",
        [m.ana],
        tags=("copper",),
        body=[builders.paragraph("Copper output rose in the Andes.")],
        days_ago=1,
    )
    m.hidden = {"draft": secret_article(m, "draft", live=False)}
    m.hidden["unpublished"] = secret_article(m, "unpublished")
    m.hidden["unpublished"].unpublish()
    scheduled = secret_article(m, "scheduled", live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()  # waits for its time, as the admin's "Publish" does
    m.hidden["scheduled"] = scheduled
    m.hidden["login"] = secret_article(m, "login")
    restrict(m.hidden["login"], PageViewRestriction.LOGIN)
    m.hidden["password"] = secret_article(m, "password")
    restrict(m.hidden["password"], PageViewRestriction.PASSWORD, password="s3cret")
    m.insiders = Group.objects.create(name="Insiders")
    m.hidden["group"] = secret_article(m, "group")
    restrict(m.hidden["group"], PageViewRestriction.GROUPS).groups.add(m.insiders)
    m.mining = builders.section(m.americas, "Mining")
    m.hidden["section"] = secret_article(m, "section", parent=m.mining)
    restrict(m.mining, PageViewRestriction.LOGIN)

    m.in_review = builders.article(
        m.americas, "Copper mine reopens", [m.ana], tags=("copper",), days_ago=2
    )
    hold_in_review(m.in_review, writer)
    return m


def hold_in_review(article, writer) -> None:
    """A newer revision of the live `article`, with secret words, waits in review."""
    article.title = f"Copper mine reopens after {SECRET}"
    article.standfirst = f"A standfirst under {SECRET}."
    revision = article.save_revision(user=writer)
    article.get_workflow().start(article, writer)
    assert article.live and article.workflow_in_progress
    assert revision.as_object().title.endswith(SECRET)


def public_pages(m) -> list[str]:
    """Every public place an article can be listed or described."""
    return [
        "/en/",
        m.news.url,
        m.americas.url,
        m.ana.url,
        m.people.url,
        "/en/tags/copper/",
        m.visible.url,  # its "More in", "More from" and related coverage
        m.in_review.url,
        "/en/search/?q=copper",
        "/en/search/?q=copper&order=newest",
        "/en/feeds/rss.xml",
        "/en/feeds/atom.xml",
        f"/en/feeds/section/{m.americas.pk}/rss.xml",
        f"/en/feeds/section/{m.americas.pk}/atom.xml",
        f"/en/feeds/author/{m.ana.pk}/rss.xml",
        f"/en/feeds/author/{m.ana.pk}/atom.xml",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/news-sitemap.xml",
    ]


def private_section_pages(m) -> list[str]:
    return [
        m.mining.url,
        f"/en/feeds/section/{m.mining.pk}/rss.xml",
        f"/en/feeds/section/{m.mining.pk}/atom.xml",
    ]


def text_of(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode().lower()


def test_no_public_page_carries_a_word_readers_may_not_see(client, newsroom):
    for url in public_pages(newsroom):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        if response.status_code == 200:
            assert SECRET not in text_of(response), url


def test_the_pages_show_what_readers_may_see(client, newsroom):
    """The other half of the leak test: the same pages do show the live articles, so the test
    above looks where a leak would be."""
    m = newsroom
    for url in (
        m.americas.url,
        m.ana.url,
        "/en/tags/copper/",
        "/en/feeds/rss.xml",
        "/en/search/?q=copper",
    ):
        assert "copper output rises" in text_of(client.get(url)), url
    assert m.visible.slug in text_of(client.get("/news-sitemap.xml"))
    assert "copper mine reopens" in text_of(client.get(m.in_review.url))


def test_searching_for_the_hidden_words_finds_nothing(client, newsroom):
    soup = BeautifulSoup(client.get("/en/search/", {"q": SECRET}).content, "html.parser")
    assert soup.select(".card") == []
    text = soup.main.get_text(" ").lower()
    assert not [phrase for phrase in HIDDEN_PHRASES if phrase in text]


@pytest.mark.parametrize("kind", ["draft", "unpublished", "scheduled"])
def test_an_article_not_live_is_not_found(client, newsroom, kind):
    page = newsroom.hidden[kind]
    response = client.get(f"/en/news/south-america/{page.slug}/")
    assert response.status_code == 404
    assert SECRET not in text_of(response)


@pytest.mark.parametrize("kind", ["login", "group", "section"])
def test_a_restricted_article_asks_readers_to_sign_in(client, newsroom, kind):
    response = client.get(newsroom.hidden[kind].url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_a_section_made_private_is_gone_with_its_feeds(client, newsroom):
    section, *feeds = private_section_pages(newsroom)
    response = client.get(section)
    assert response.status_code == 302 and "login" in response["Location"]
    for url in feeds:
        assert client.get(url, follow=True).status_code == 404, url


def test_a_password_article_shows_only_the_password_form(client, newsroom):
    response = client.get(newsroom.hidden["password"].url)
    assert response.status_code == 200
    text = text_of(response)
    assert 'name="password"' in text
    # The form sends the reader back to the address they asked for; nothing else is there.
    assert not [phrase for phrase in HIDDEN_PHRASES if phrase in text]


def test_a_group_article_is_for_the_group_only(client, newsroom):
    page = newsroom.hidden["group"]
    client.force_login(member_of("Writers", "outsider"))
    response = client.get(page.url)
    assert response.status_code in (302, 403)
    assert SECRET not in text_of(response)
    insider = member_of("Writers", "insider")
    insider.groups.add(newsroom.insiders)
    client.force_login(insider)
    response = client.get(page.url)
    assert response.status_code == 200
    assert SECRET in text_of(response)  # the restriction, not a missing page, kept it away


def test_no_listing_shows_a_restricted_article_even_to_its_group(client, newsroom):
    """Listings are shared by every reader (and cached for them): a restricted article is
    reached only by its own address."""
    insider = member_of("Writers", "insider")
    insider.groups.add(newsroom.insiders)
    client.force_login(insider)
    for url in (
        newsroom.americas.url,
        newsroom.ana.url,
        "/en/tags/copper/",
        "/en/search/?q=copper",
    ):
        assert SECRET not in text_of(client.get(url)), url


def test_the_api_shows_no_hidden_page(client, newsroom):
    """The read-only API is a road too (tests/api/test_leaks.py asks every endpoint)."""
    assert client.get(f"/api/v2/pages/{newsroom.hidden['draft'].pk}/").status_code == 404
    assert SECRET not in text_of(client.get("/api/v2/pages/?search=copper"))
