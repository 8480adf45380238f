"""A reader signs up for the newsletters under an article and confirms from the email; an editor
sends the daily from the admin; the reader leaves it with their mail client's one-click
unsubscribe and keeps the section's weekly. Every email goes through a real SMTP server."""

import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Browser, Page, Playwright, expect

from newsletters.models import Newsletter
from tests import builders
from tests.browser.conftest import assert_accessible
from tests.conftest import member_of
from tests.helpers import link_to, list_unsubscribe

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
PASSWORD = "correct horse battery"
READER = "reader@example.org"
HEADLINE = "Senate passes the river bill"


def log_in(page: Page, base: str, username: str) -> None:
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Scheduled to go live")).to_be_visible()


def html_of(message) -> BeautifulSoup:
    return BeautifulSoup(message.get_body(preferencelist=("html",)).get_content(), "html.parser")


def test_a_reader_signs_up_gets_the_daily_and_leaves_it_in_one_click(
    browser_page: Page, browser: Browser, playwright: Playwright, live_server, mail_server
):
    magazine = builders.Magazine()
    story = builders.article(magazine.politics, HEADLINE, [magazine.ben])
    editor = member_of("Editors", "editor")
    editor.email = "editor@example.org"
    editor.save()
    base = live_server.url

    # The reader signs up under the article: the daily is ticked for them; they add the
    # section's weekly. The form is plain HTML, posted without JavaScript.
    page = browser_page
    page.goto(base + story.url)
    signup = page.get_by_role("region", name="Get our newsletters")
    expect(signup.get_by_role("checkbox", name=re.compile(" daily "))).to_be_checked()
    # The article's own section is offered ticked as well; check() makes sure of it.
    signup.get_by_role("checkbox", name="Politics weekly", exact=True).check()
    signup.get_by_label("Email address").fill(READER)
    assert_accessible(page)
    signup.get_by_role("button", name="Sign up").click()
    expect(page.locator("h1")).to_have_text("Check your inbox")
    expect(page.get_by_text(READER)).to_be_visible()

    # The confirmation went out as the sign-up committed. Opening its link confirms nothing
    # yet (mail scanners open links too): the reader presses the button.
    confirmation = mail_server.only(READER)
    page.goto(base + link_to(confirmation, "/confirm/"))
    expect(page.locator("h1")).to_have_text("Confirm your subscription")
    daily = Newsletter.objects.get(kind=Newsletter.DAILY, locale__language_code="en")
    weekly = magazine.politics.newsletter
    expect(page.locator(".newsletters li")).to_have_text([daily.title, weekly.title])
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()
    expect(page.locator("h1")).to_have_text("You are subscribed")
    mail_server.messages.clear()  # from here on, the inbox holds only what the editor sends

    # The editor makes an issue of the daily in the admin: it starts with today's article.
    editor_context = browser.new_context(viewport={"width": 1400, "height": 1000})
    admin = editor_context.new_page()
    log_in(admin, base, "editor")
    admin.get_by_role("button", name="Newsletters").click()
    admin.get_by_role("link", name="Issues").click()
    admin.get_by_role("link", name="Add newsletter issue").click()
    admin.get_by_role("link", name=daily.title).click()
    expect(admin.locator("[data-chooser-title]")).to_have_text([HEADLINE])
    admin.get_by_role("button", name="Save").click()
    expect(admin.get_by_text(f"Newsletter issue '{daily.title}' created.")).to_be_visible()
    admin.get_by_role("button", name=f"More options for '{daily.title}'").click()
    admin.get_by_role("link", name="Send…").click()
    # The reader, confirmed a moment ago, is the whole audience.
    admin.get_by_role("button", name="Send now to 1 subscriber").click()
    expect(admin.get_by_text("Sending has started.")).to_be_visible()
    # The send ran as the editor's request committed (tasks run at once in tests), so the
    # page it redirected to already counts the delivery.
    expect(admin.get_by_text("1 sent, 0 failed")).to_be_visible()
    editor_context.close()  # before the database is flushed, as its connections end with it

    # The reader has exactly one copy, and nobody else any, naming the article, with their
    # own way out.
    assert [recipient for recipient, _ in mail_server.messages] == [READER]
    issue = mail_server.only(READER)
    assert [h.get_text() for h in html_of(issue).select(".headline")] == [HEADLINE]
    assert issue["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = list_unsubscribe(issue)

    # Their mail client's "Unsubscribe" (RFC 8058): one POST, no cookie, no page.
    mail_client = playwright.request.new_context(base_url=base)
    try:
        response = mail_client.post(unsubscribe, form={"List-Unsubscribe": "One-Click"})
        assert response.status == 200, response.text()
    finally:
        mail_client.dispose()

    # The reader's own page shows the daily gone and the weekly kept.
    page.goto(base + link_to(issue, "/subscription/"))
    expect(page.locator("h1")).to_have_text("Your newsletters")
    expect(page.get_by_role("checkbox", name=daily.title)).not_to_be_checked()
    expect(page.get_by_role("checkbox", name=weekly.title)).to_be_checked()
    # As assert_accessible does: nothing may still reach the server once its database goes.
    page.wait_for_load_state("networkidle")
