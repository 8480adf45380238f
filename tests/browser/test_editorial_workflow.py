"""A writer writes and submits an article in the admin; an editor approves it; readers find it."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from news.models import ArticlePage
from tests import builders
from tests.browser.conftest import assert_accessible
from tests.conftest import member_of

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "correct horse battery"
HEADLINE = "Barges return to the Magdalena"


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Scheduled to go live")).to_be_visible()


def choose_in_modal(page: Page, name: str) -> None:
    modal = page.locator(".modal-content")
    modal.get_by_role("link", name=name).first.click()
    expect(modal).to_be_hidden()


def test_writer_submits_editor_approves_readers_find_it(
    browser_page: Page, browser: Browser, live_server
):
    magazine = builders.Magazine()
    builders.image("River at dawn", caption="The river at dawn.")
    member_of("Writers", "writer")
    member_of("Editors", "editor")
    base = live_server.url

    # The writer, in the admin.
    page = browser_page
    log_in(page, base, "writer")
    page.goto(f"{base}/admin/pages/add/news/articlepage/{magazine.americas.pk}/")
    page.fill("#id_title", HEADLINE)
    page.press("#id_title", "Tab")
    # The slug follows the headline once the field is left (Promote tab): wait for it, as the
    # form cannot be sent without one.
    expect(page.locator("#id_slug")).to_have_value("barges-return-to-the-magdalena")
    page.fill("#id_standfirst", "After years of drought the river carries cargo again.")
    page.get_by_role("button", name="Choose an author").click()
    choose_in_modal(page, "Ana Lima")
    page.get_by_role("button", name="Add authors").click()
    page.locator(".modal-content").get_by_role("checkbox", name="Ben Okafor").check()
    page.locator(".modal-content").get_by_role("button", name="Confirm selection").click()
    page.get_by_role("button", name="Choose an image").first.click()
    choose_in_modal(page, "River at dawn")

    page.get_by_title("Insert a block").first.click()
    page.get_by_role("option", name="Pull quote").click()
    page.locator("textarea[name='body-0-value-text']").fill("We used the river again.")
    page.locator("input[name='body-0-value-attribution']").fill("A barge captain")
    page.get_by_title("Insert a block").last.click()
    page.get_by_role("option", name="Captioned image").click()
    page.get_by_role("button", name="Choose an image").last.click()
    choose_in_modal(page, "River at dawn")

    # Wagtail autosaves a new page as a draft once the writer pauses, and the editor then
    # edits that draft: submitting while the first autosave is under way would create the
    # page twice. Wait for it, as a writer sees the editor become the draft's.
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"), timeout=20_000)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Editorial review").click()
    expect(page.get_by_text(re.compile("submitted for moderation"))).to_be_visible()

    article = ArticlePage.objects.get(title=HEADLINE)
    assert not article.live
    assert article.current_workflow_state is not None

    # The editor approves it.
    editor_context = browser.new_context(viewport={"width": 1400, "height": 1000})
    editor = editor_context.new_page()
    log_in(editor, base, "editor")
    awaiting = editor.locator(
        "section", has=editor.get_by_role("heading", name="Awaiting your review")
    )
    awaiting.get_by_role("link", name=HEADLINE).click()
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Approve and Publish").click()
    expect(editor.get_by_role("heading", name="Exploring: South America")).to_be_visible()
    article.refresh_from_db()
    assert article.live and [a.title for a in article.authors] == ["Ana Lima", "Ben Okafor"]
    editor_context.close()  # before the database is flushed, as its connections end with it

    # Readers find it on its section, on the front page and in search.
    reader_context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = reader_context.new_page()
    for url in [magazine.americas.url, "/en/", "/en/search/?q=magdalena"]:
        page.goto(base + url)
        expect(page.get_by_role("link", name=HEADLINE).first).to_be_visible()
        assert_accessible(page)
    page.get_by_role("link", name=HEADLINE).first.click()
    expect(page.locator("blockquote")).to_have_text("We used the river again.")
    expect(page.locator(".body-image figcaption")).to_contain_text("The river at dawn.")
    assert_accessible(page)
    reader_context.close()
