"""A reader switches edition on an article and lands on its translation, and back; the
Spanish pages pass the accessibility audit as the English ones do."""

import pytest
from playwright.sync_api import Page, expect

from tests import builders
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_reader_switches_language_on_an_article_and_back(browser_page: Page, live_server):
    spanish = builders.SpanishMagazine(builders.Magazine())
    page = browser_page
    page.goto(live_server.url + spanish.story_en.url)
    expect(page.locator("h1")).to_have_text("Rains return")

    page.get_by_role("navigation", name="Editions").get_by_role("link", name="Español").click()
    expect(page.locator("h1")).to_have_text("Vuelven las lluvias")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.locator(".skip-link")).to_have_text("Saltar al contenido")
    assert_accessible(page)

    page.get_by_role("navigation", name="Ediciones").get_by_role("link", name="English").click()
    expect(page.locator("h1")).to_have_text("Rains return")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto(live_server.url + "/es/")
    assert_accessible(page)
    page.goto(live_server.url + spanish.americas.url)
    expect(page.locator("h1")).to_have_text("Sudamérica")
    assert_accessible(page)
