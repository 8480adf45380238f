"""A visitor searches from the header, narrows to a section and opens a result."""

import pytest
from playwright.sync_api import Page, expect

from tests import builders
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_search_from_the_header_filter_by_section_and_open_a_result(
    browser_page: Page, live_server
):
    page = browser_page
    magazine = builders.Magazine()
    hero = builders.image("Salt flat")
    builders.article(
        magazine.americas,
        "Lithium rush on the Bolivian salt flats",
        [magazine.ana],
        hero_image=hero,
        days_ago=1,
    )
    builders.article(
        magazine.politics,
        "Senators question lithium contracts",
        [magazine.ben],
        hero_image=hero,
        days_ago=2,
    )

    page.goto(live_server.url + "/en/")
    page.locator("header").get_by_role("searchbox").fill("LITHIUM")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Results for “LITHIUM”")
    expect(page.locator(".result-list .card__headline")).to_have_count(2)
    assert_accessible(page)

    page.get_by_role("navigation", name="Filter by section").get_by_role(
        "link", name="Politics"
    ).click()
    expect(page.locator(".result-list .card__headline")).to_have_text(
        ["Senators question lithium contracts"]
    )
    expect(page.locator(".chip")).to_have_text("In Politics ×")

    page.get_by_role("link", name="Senators question lithium contracts").click()
    expect(page.locator("h1")).to_have_text("Senators question lithium contracts")
    assert_accessible(page)
