"""The newsroom's side: Editors compose, preview, test and send issues and look after
subscribers; Writers see none of it."""

import csv
import io
import re

import pytest
from django.urls import reverse

from newsletters.models import Delivery, NewsletterIssue, PendingSignup, Subscriber
from tests.builders import article, subscriber
from tests.helpers import parse

pytestmark = pytest.mark.django_db

ISSUES = "wagtailsnippets_newsletters_newsletterissue"
SUBSCRIBERS = "wagtailsnippets_newsletters_subscriber"


@pytest.fixture
def editor_client(client, editor):
    editor.email = "editor@example.org"
    editor.save()
    client.force_login(editor)
    return client


def issue_form(newsletter, subject: str, *articles, intro: str = "") -> dict:
    data = {
        "newsletter": newsletter.pk,
        "subject": subject,
        "intro": intro or '{"blocks": [], "entityMap": {}}',
        "articles-count": len(articles),
    }
    for number, page in enumerate(articles):
        data |= {
            f"articles-{number}-type": "article",
            f"articles-{number}-value": page.pk,
            f"articles-{number}-deleted": "",
            f"articles-{number}-order": number,
            f"articles-{number}-id": "",
        }
    return data


def test_writers_see_no_newsletters(client, writer, daily):
    client.force_login(writer)
    issue = NewsletterIssue.objects.create(newsletter=daily, subject="S")
    for url in (
        reverse(f"{ISSUES}:list"),
        reverse(f"{ISSUES}:add"),
        reverse(f"{ISSUES}:send", args=[issue.pk]),
        reverse(f"{SUBSCRIBERS}:list"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
    assert client.post(
        reverse(f"{ISSUES}:send", args=[issue.pk]), {"action": "now"}
    ).status_code in (302, 403)
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.DRAFT
    assert "Newsletters" not in client.get("/admin/").content.decode()


def test_a_new_issue_starts_with_the_day_s_articles(editor_client, magazine, daily):
    old = article(magazine.politics, "Last week", [magazine.ben], days_ago=3)
    stories = [article(magazine.politics, f"Today {n}", [magazine.ben]) for n in range(3)]
    chooser = editor_client.get(reverse(f"{ISSUES}:add"))
    assert chooser.status_code == 200 and daily.title in chooser.content.decode()
    form = editor_client.get(reverse(f"{ISSUES}:add") + f"?newsletter={daily.pk}")
    assert form.status_code == 200
    page = form.content.decode()
    for story in stories:
        assert f"&quot;id&quot;: {story.pk}" in page or f'"id": {story.pk}' in page
    assert f'"id": {old.pk},' not in page and f"&quot;id&quot;: {old.pk}," not in page

    # The editor trims and reorders, then saves.
    response = editor_client.post(
        reverse(f"{ISSUES}:add"), issue_form(daily, "Tonight", stories[2], stories[0])
    )
    assert response.status_code == 302, parse(response).select(".error-message")
    issue = NewsletterIssue.objects.get()
    assert issue.article_ids() == [stories[2].pk, stories[0].pk]
    assert issue.status == NewsletterIssue.DRAFT


@pytest.mark.parametrize("subject", ["Hello\r\nBcc: all@example.org", "Hi\nthere", "x" * 201])
def test_a_subject_that_could_inject_headers_is_a_form_error(editor_client, daily, subject):
    response = editor_client.post(reverse(f"{ISSUES}:add"), issue_form(daily, subject))
    assert response.status_code == 200
    assert not NewsletterIssue.objects.exists()


def test_the_preview_is_the_email(editor_client, magazine, daily):
    story = article(magazine.politics, "The vote", [magazine.ben])
    issue = NewsletterIssue.objects.create(
        newsletter=daily, subject="Tonight", articles=[("article", story)]
    )
    url = reverse(f"{ISSUES}:preview_on_edit", args=[issue.pk])
    assert editor_client.post(url, issue_form(daily, "Tonight", story)).json()["is_valid"]
    preview = editor_client.get(url)
    assert preview.status_code == 200
    soup = parse(preview)
    assert soup.select_one(".headline a")["style"] and "The vote" in soup.get_text()


def test_a_test_goes_to_the_editor_only(editor_client, magazine, daily, mail_server):
    subscriber("reader@example.org", daily)
    issue = NewsletterIssue.objects.create(newsletter=daily, subject="Tonight")
    response = editor_client.post(reverse(f"{ISSUES}:send", args=[issue.pk]), {"action": "test"})
    assert response.status_code == 302
    message = mail_server.only("editor@example.org")
    assert message["Subject"] == "[Test] Tonight" and message["List-Unsubscribe"]
    assert not mail_server.to("reader@example.org")
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.DRAFT and not Delivery.objects.exists()


def test_an_editor_sends_now_and_the_sent_issue_is_kept(
    editor_client, daily, mail_server, django_capture_on_commit_callbacks
):
    subscriber("reader@example.org", daily)
    issue = NewsletterIssue.objects.create(newsletter=daily, subject="Tonight")
    page = editor_client.get(reverse(f"{ISSUES}:send", args=[issue.pk]))
    assert "Send now to 1 subscriber" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse(f"{ISSUES}:send", args=[issue.pk]), {"action": "now"})
    assert len(mail_server.to("reader@example.org")) == 1
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.SENT and issue.sent_by.username == "editor"
    # Sent is sent: not again, not changed, not deleted.
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(reverse(f"{ISSUES}:send", args=[issue.pk]), {"action": "now"})
    assert len(mail_server.to("reader@example.org")) == 1
    edit = editor_client.get(reverse(f"{ISSUES}:edit", args=[issue.pk]))
    assert edit.status_code == 302
    editor_client.post(reverse(f"{ISSUES}:delete", args=[issue.pk]))
    assert NewsletterIssue.objects.filter(pk=issue.pk).exists()


def test_an_editor_schedules_and_cancels(editor_client, daily):
    issue = NewsletterIssue.objects.create(newsletter=daily, subject="Tonight")
    url = reverse(f"{ISSUES}:send", args=[issue.pk])
    past = editor_client.post(url, {"action": "schedule", "schedule-send_at": "2020-01-01 10:00"})
    assert past.status_code == 200 and "future" in past.content.decode()
    editor_client.post(url, {"action": "schedule", "schedule-send_at": "2999-01-01 10:00"})
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.SCHEDULED and issue.send_at.year == 2999
    editor_client.post(url, {"action": "unschedule"})
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.DRAFT and issue.send_at is None


def test_subscribers_are_searchable_and_exported(editor_client, daily, politics_weekly):
    subscriber("ana@example.org", daily, politics_weekly)
    subscriber("ben@example.org", daily)
    listing = editor_client.get(reverse(f"{SUBSCRIBERS}:list"), {"q": "ana@"})
    text = listing.content.decode()
    assert "ana@example.org" in text and "ben@example.org" not in text
    export = editor_client.get(reverse(f"{SUBSCRIBERS}:list"), {"export": "csv"})
    assert export.status_code == 200 and "text/csv" in export["Content-Type"]
    body = (
        b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    )
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 3
    ana = next(row for row in rows if "ana@example.org" in row)
    assert any("Politics weekly" in cell for cell in ana)


def test_removing_a_subscriber_erases_them(editor_client, daily):
    reader = subscriber("ana@example.org", daily)
    issue = NewsletterIssue.objects.create(newsletter=daily, subject="S")
    Delivery.objects.create(issue=issue, subscriber=reader, status=Delivery.SENT)
    PendingSignup.objects.create(email="ana@example.org")
    response = editor_client.post(reverse(f"{SUBSCRIBERS}:delete", args=[reader.pk]))
    assert response.status_code == 302
    assert not Subscriber.objects.exists() and not Delivery.objects.exists()
    assert not PendingSignup.objects.exists()


def test_each_pre_filled_article_is_a_block_of_its_own(editor_client, magazine, daily):
    """Blocks made in memory had no id: the editor's toggles collapsed the wrong article."""
    for number in range(3):
        article(magazine.politics, f"Today {number}", [magazine.ben])
    form = editor_client.get(reverse(f"{ISSUES}:add") + f"?newsletter={daily.pk}")
    page = form.content.decode()
    assert "block-null" not in page
    ids = re.findall(r"&quot;id&quot;: &quot;([0-9a-f-]{36})&quot;", page) or re.findall(
        r'"id": "([0-9a-f-]{36})"', page
    )
    assert len(set(ids)) == 3, ids
