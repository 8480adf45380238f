"""Two reporters post to live coverage from the admin while a reader keeps the page open:
the reader is told "2 new updates", reveals them, and follows one's permalink."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from news.models import LiveUpdate
from tests import builders
from tests.browser.conftest import assert_accessible
from tests.conftest import member_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "correct horse battery"


def reporter(browser: Browser, base: str, username: str, first: str, last: str) -> Page:
    user = member_of("Writers", username)
    user.first_name, user.last_name = first, last
    user.save()
    page = browser.new_context().new_page()
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Scheduled to go live")).to_be_visible()
    return page


def post_update(page: Page, base: str, live_page, words: str) -> None:
    """As a reporter does: Live updates in the menu, the newest live coverage chosen for
    them, a paragraph, Save."""
    page.goto(f"{base}/admin/")
    page.get_by_role("link", name="Live updates").click()
    page.get_by_role("link", name="Add live update").first.click()
    expect(page.get_by_text(live_page.title)).to_be_visible()
    page.get_by_title("Insert a block").first.click()
    page.get_by_role("option", name="Paragraph").click()
    editor = page.locator(".Draftail-Editor [contenteditable='true']").first
    editor.click()
    editor.press_sequentially(words)
    # Draftail copies what was typed into the form a moment later.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile(re.escape(words)))
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/admin/snippets/news/liveupdate/$"))
    expect(page.locator(".messages")).to_contain_text("created")


def test_a_reader_is_told_of_new_updates_and_reveals_them(
    browser_page: Page, browser: Browser, live_server, settings
):
    settings.LIVE_POLL_SECONDS = 1
    magazine = builders.Magazine()
    summit = builders.live_page(magazine.politics, "Live: the summit", [magazine.ana])
    first = builders.live_update(summit, magazine.ana, "Delegations arrive.", minutes_ago=5)
    base = live_server.url

    reader = browser_page
    reader.goto(base + summit.url)
    expect(reader.locator(".live-update")).to_have_count(1)
    assert_accessible(reader)
    reader.locator(f"#update-{first.pk} .live-update__time").focus()

    ana = reporter(browser, base, "ana", "Ana", "Lima")
    ben = reporter(browser, base, "ben", "Ben", "Okafor")
    post_update(ana, base, summit, "Talks begin behind closed doors.")
    post_update(ben, base, summit, "Protesters gather by the lake.")
    assert sorted(LiveUpdate.objects.values_list("author__title", flat=True)) == [
        "Ana Lima",
        "Ana Lima",
        "Ben Okafor",
    ]

    # Nothing moves under the reader: a button and a polite announcement, focus unchanged.
    reveal = reader.get_by_role("button", name="2 new updates")
    expect(reveal).to_be_visible(timeout=15_000)
    expect(reader.get_by_role("status").filter(has_text="2 new updates")).to_have_count(1)
    expect(reader.locator(".live-update")).to_have_count(1)
    expect(reader.locator(f"#update-{first.pk} .live-update__time")).to_be_focused()
    assert_accessible(reader)

    reveal.focus()
    reader.keyboard.press("Enter")
    expect(reader.locator(".live-update")).to_have_count(3)
    bodies = reader.locator(".live-update__body").all_inner_texts()
    assert bodies == [
        "Protesters gather by the lake.",
        "Talks begin behind closed doors.",
        "Delegations arrive.",
    ]
    newest = LiveUpdate.objects.order_by("-posted_at").first()  # Ben's, by the lake
    expect(reader.locator(f"#update-{newest.pk}")).to_be_focused()
    expect(reveal).to_be_hidden()

    # The permalink, followed and shared, leads back to the update.
    reader.locator(f"#update-{newest.pk} .live-update__time").click()
    expect(reader).to_have_url(re.compile(f"#update-{newest.pk}$"))
    builders.live_update(summit, magazine.ben, "A later update.")
    reader.goto(f"{base}{summit.url}#update-{newest.pk}")
    expect(reader.locator(f"#update-{newest.pk}")).to_be_in_viewport()
    assert_accessible(reader)
