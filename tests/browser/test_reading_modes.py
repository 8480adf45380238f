"""Reading the magazine other ways: with the keyboard only, in dark mode, on paper, without
JavaScript; and the pages not covered by the reader's walk (a tag, search) stay accessible."""

import pytest
from playwright.sync_api import Page, expect

from tests import builders
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def story_online(browser_page, live_server):
    magazine = builders.Magazine()
    hero = builders.image("Quay", caption="The quay at dawn.", size=(1600, 1000))
    body = [
        builders.paragraph(
            'The port reopened, <a href="https://example.org/report">the report</a> says.'
        ),
        builders.paragraph("Three ships arrived on Tuesday."),
    ]
    story = builders.article(
        magazine.americas,
        "Cargo returns to the river port",
        [magazine.ana],
        hero_image=hero,
        body=body,
        tags=("Rivers",),
    )
    builders.article(magazine.americas, "Another story", [magazine.ana], days_ago=1)
    return live_server.url, magazine, story


def focused_outline(page: Page) -> str:
    return page.evaluate("getComputedStyle(document.activeElement).outlineStyle")


def test_a_keyboard_reader_skips_to_the_content_and_opens_an_article(
    browser_page: Page, story_online
):
    base, magazine, story = story_online
    page = browser_page
    page.goto(base + magazine.americas.url)
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Skip to content")
    assert focused_outline(page) != "none"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # The next stop is the first link of the content, not the header's.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == story.title:
            break
    expect(page.locator(":focus")).to_have_text(story.title)
    assert focused_outline(page) != "none"
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(story.title)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tag_search_and_article_pages_are_accessible_in_both_colour_schemes(
    browser_page: Page, story_online, scheme
):
    base, magazine, story = story_online
    page = browser_page
    page.emulate_media(color_scheme=scheme)
    for url in (story.url, "/en/tags/rivers/", "/en/search/?q=cargo", "/en/"):
        page.goto(base + url)
        assert_accessible(page)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    channels = [int(c) for c in background[4:-1].split(",")[:3]]
    if scheme == "dark":
        assert max(channels) < 80, background  # dark paper
    else:
        assert min(channels) > 200, background  # light paper


def test_a_printed_article_has_no_navigation_and_spells_out_its_links(
    browser_page: Page, story_online
):
    base, magazine, story = story_online
    page = browser_page
    page.goto(base + story.url)
    page.emulate_media(media="print")
    for chrome in (".sections-nav", ".site-search", ".share", "#more-in-section"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".article__body")).to_be_visible()
    after = page.locator(".article__body a").evaluate(
        "link => getComputedStyle(link, '::after').content"
    )
    assert after == '" (https://example.org/report)"'


def test_an_article_reads_without_javascript(browser, live_server, story_online):
    base, magazine, story = story_online
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base + story.url)
        expect(page.locator("h1")).to_have_text(story.title)
        expect(page.locator(".article__body")).to_contain_text("Three ships arrived")
        expect(page.locator(".hero img")).to_be_visible()
        # Share links work as plain links; the copy button stays out of the way.
        expect(page.get_by_role("link", name="Email")).to_be_visible()
        expect(page.get_by_role("button", name="Copy link")).to_be_hidden()
        page.wait_for_load_state("networkidle")
    finally:
        context.close()


def test_copy_link_copies_the_articles_address(browser_page: Page, story_online):
    base, magazine, story = story_online
    page = browser_page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page.goto(base + story.url)
    page.get_by_role("button", name="Copy link").click()
    expect(page.locator(".share__copied")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == story.full_url
