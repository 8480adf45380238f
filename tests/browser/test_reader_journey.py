"""A reader's walk through the magazine in a real browser, with an accessibility audit of every
page: home, section, article, author, another article."""

import pytest
from playwright.sync_api import Page, expect

from tests import builders
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def magazine_online(browser_page, live_server):
    magazine = builders.Magazine()
    hero = builders.image("Quay", caption="The quay at dawn.")
    photo = builders.image("Portrait")
    magazine.ana.photo = photo
    magazine.ana.save_revision().publish()
    body = [
        builders.paragraph("The river port had not seen a ship in eleven years."),
        {
            "type": "pull_quote",
            "value": {"text": "We used the river again.", "attribution": "Ana"},
            "id": "q",
        },
        {"type": "image", "value": {"image": hero.pk, "width": "wide"}, "id": "i"},
    ]
    articles = [
        builders.article(
            magazine.americas if i % 2 else magazine.politics,
            f"Story number {i}",
            [magazine.ana] if i % 3 else [magazine.ana, magazine.ben],
            days_ago=i,
            hero_image=hero,
            body=body,
            dateline="LIMA",
        )
        for i in range(8)
    ]
    return live_server.url, magazine, articles


def test_a_reader_goes_home_section_article_author_and_another_article(
    browser_page: Page, magazine_online
):
    base, magazine, articles = magazine_online
    page = browser_page
    # Chromium reports what the content security policy blocks on the console.
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security" in message.text else None
        ),
    )

    page.goto(base + "/en/")
    expect(page.locator(".front__lead .card__headline")).to_have_text("Story number 0")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    assert_accessible(page)

    page.get_by_role("navigation", name="Sections", exact=True).get_by_role(
        "link", name="South America"
    ).click()
    expect(page.locator("h1")).to_have_text("South America")
    assert_accessible(page)

    page.get_by_role("link", name="Story number 3").click()
    expect(page.locator("h1")).to_have_text("Story number 3")
    expect(page.locator(".dateline")).to_have_text("LIMA —")
    expect(page.get_by_role("heading", name="More in South America")).to_be_visible()
    assert_accessible(page)

    page.locator(".author-box").first.get_by_role("link", name="All articles by Ana Lima").click()
    expect(page.locator("h1")).to_have_text("Ana Lima")
    assert_accessible(page)

    page.get_by_role("link", name="Story number 6").click()
    expect(page.locator("h1")).to_have_text("Story number 6")
    expect(page.locator(".article__meta .byline")).to_have_text("By Ana Lima and Ben Okafor")
    assert_accessible(page)
    assert blocked == []


def test_the_people_page_and_a_missing_page_are_accessible(browser_page: Page, magazine_online):
    base, magazine, articles = magazine_online
    page = browser_page
    page.goto(base + magazine.people.url)
    expect(page.locator(".person")).to_have_count(2)
    assert_accessible(page)
    response = page.goto(base + "/en/no-such-page/")
    assert response.status == 404
    assert_accessible(page)
