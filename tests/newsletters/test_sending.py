"""Sending an issue: who gets it, what the email holds, and that an interrupted send resumes
without anyone getting a second copy."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.mail.backends.smtp import EmailBackend
from django.db.models import F
from django.utils import timezone

from newsletters import sending
from newsletters.models import Delivery, NewsletterIssue
from tests.builders import article, image, subscriber
from tests.helpers import list_unsubscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(magazine, daily):
    stories = [
        article(magazine.politics, "The vote", [magazine.ben], hero_image=image("Ballot")),
        article(magazine.andes, "Rivers run dry", [magazine.ana, magazine.ben]),
    ]
    return NewsletterIssue.objects.create(
        newsletter=daily,
        subject="Tonight: the vote",
        intro='<p>Good evening. Read <a href="/en/news/">all our news</a>.</p>',
        articles=[("article", page) for page in reversed(stories)],
    )


def send(issue):
    sending.start(issue)
    sending.send_issue.call(issue.pk)
    issue.refresh_from_db()


def test_only_confirmed_subscribers_of_the_newsletter_get_it(
    issue, daily, politics_weekly, mail_server
):
    subscriber("one@example.org", daily)
    subscriber("two@example.org", daily, politics_weekly)
    subscriber("weekly-only@example.org", politics_weekly)
    gone = subscriber("gone@example.org", daily)
    gone.subscriptions.update(unsubscribed_at=timezone.now())
    send(issue)
    assert sorted(to for to, _ in mail_server.messages) == ["one@example.org", "two@example.org"]
    assert issue.status == NewsletterIssue.SENT and issue.finished_at is not None
    assert list(issue.deliveries.values_list("status", flat=True)) == ["sent", "sent"]


def test_each_email_names_its_reader_s_own_way_out(issue, daily, mail_server, client):
    one, two = subscriber("one@example.org", daily), subscriber("two@example.org", daily)
    send(issue)
    first, second = mail_server.only(one.email), mail_server.only(two.email)
    assert first["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert list_unsubscribe(first) != list_unsubscribe(second)
    assert first["List-Id"] and first["Message-ID"] != second["Message-ID"]
    # The visible link is the same address; following the header's one-click unsubscribes.
    html = first.get_body(preferencelist=("html",)).get_content()
    visible = parse_html_links(html)
    assert any(list_unsubscribe(first) in href for href in visible)
    assert (
        client.post(list_unsubscribe(first), {"List-Unsubscribe": "One-Click"}).status_code == 200
    )
    assert one.subscriptions.get().unsubscribed_at is not None
    assert two.subscriptions.get().unsubscribed_at is None


def parse_html_links(html: str) -> list[str]:
    return [a["href"] for a in parse_text(html).select("a[href]")]


def parse_text(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_the_email_is_html_with_inline_css_and_plain_text_with_absolute_links(
    issue, daily, mail_server
):
    subscriber("one@example.org", daily)
    send(issue)
    message = mail_server.only("one@example.org")
    assert message["Subject"] == "Tonight: the vote"
    html = parse_text(message.get_body(preferencelist=("html",)).get_content())
    text = message.get_body(preferencelist=("plain",)).get_content()
    # Styles are on the elements themselves: mail clients drop or mangle <style>.
    assert "color" in html.select_one(".headline a")["style"]
    headlines = [h.get_text() for h in html.select(".headline")]
    assert headlines == ["Rivers run dry", "The vote"]  # the editor's order
    for href in [a["href"] for a in html.select("a[href]")] + [
        i["src"] for i in html.select("img")
    ]:
        assert href.startswith("http://localhost/"), href
    assert "By Ana Lima and Ben Okafor" in " ".join(html.get_text().split())
    assert html.select_one(".story img")["src"].endswith(".jpg")
    assert "all our news (http://localhost/en/news/)" in text
    assert "Rivers run dry" in text and "http://localhost/en/news/" in text
    assert "{{" not in text and "{{" not in str(html)


def test_an_article_taken_down_is_left_out(issue, daily, mail_server, magazine):
    subscriber("one@example.org", daily)
    ArticlePage = type(magazine.politics.get_children().specific().first())
    ArticlePage.objects.get(title="The vote").unpublish()
    send(issue)
    assert (
        "The vote"
        not in mail_server.only("one@example.org").get_body(preferencelist=("plain",)).get_content()
    )


def test_a_refused_address_is_recorded_and_the_rest_still_go(issue, daily, mail_server):
    for name in ("a", "b", "c"):
        subscriber(f"{name}@example.org", daily)
    mail_server.refused.add("b@example.org")
    send(issue)
    assert sorted(to for to, _ in mail_server.messages) == ["a@example.org", "c@example.org"]
    failed = issue.deliveries.get(status=Delivery.FAILED)
    assert failed.subscriber.email == "b@example.org" and failed.error.startswith("550")
    assert issue.status == NewsletterIssue.SENT


class WorkerKilled(BaseException):
    """Stands for SIGKILL: nothing of the worker's code runs after it."""


def time_passes(issue, delay: timedelta) -> None:
    """The issue's last sign of life and start are `delay` (and a second) older."""
    older = delay + timedelta(seconds=1)
    NewsletterIssue.objects.filter(pk=issue.pk).update(
        heartbeat_at=F("heartbeat_at") - older, started_at=F("started_at") - older
    )


def test_an_interrupted_send_resumes_without_a_second_copy(
    issue, daily, mail_server, monkeypatch, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH = 3
    readers = [subscriber(f"r{n}@example.org", daily) for n in range(10)]
    real_send = EmailBackend.send_messages
    sent = []

    def dies_on_the_sixth(self, messages):
        if len(sent) == 5:
            raise WorkerKilled()
        sent.append(messages[0].to[0])
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", dies_on_the_sixth)
    sending.start(issue)
    with pytest.raises(WorkerKilled):
        sending.send_issue.call(issue.pk)
    monkeypatch.setattr(EmailBackend, "send_messages", real_send)
    assert len(mail_server.messages) == 5

    # A second worker does nothing while the first might still be alive...
    sending.send_issue.call(issue.pk)
    assert len(mail_server.messages) == 5
    # ...and once its lease is stale, the scheduler queues the issue again.
    time_passes(issue, sending.STALE_AFTER)
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.send_due() == [issue.pk]
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.SENT
    received = [to for to, _ in mail_server.messages]
    assert len(received) == len(set(received)) == 9  # nobody twice
    interrupted = issue.deliveries.get(status=Delivery.SENDING)  # the one in flight
    assert interrupted.subscriber.email not in received
    assert {r.email for r in readers} - set(received) == {interrupted.subscriber.email}


def test_a_scheduled_issue_goes_when_due(
    issue, daily, mail_server, django_capture_on_commit_callbacks
):
    subscriber("one@example.org", daily)
    at = timezone.now() + timedelta(hours=2)
    sending.start(issue, at=at)
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.SCHEDULED
    assert sending.send_due(now=at - timedelta(minutes=1)) == []
    assert not mail_server.messages
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.send_due(now=at) == [issue.pk]
    assert len(mail_server.to("one@example.org")) == 1


def test_a_mail_server_that_is_down_leaves_the_issue_to_resume(
    issue, daily, mail_server, settings, django_capture_on_commit_callbacks
):
    subscriber("one@example.org", daily)
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = 9  # nothing listens
    send(issue)
    assert issue.status == NewsletterIssue.SENDING and not issue.deliveries.exists()
    settings.EMAIL_PORT = port
    time_passes(issue, sending.STALE_AFTER)
    with django_capture_on_commit_callbacks(execute=True):
        assert sending.send_due() == [issue.pk]
    assert len(mail_server.to("one@example.org")) == 1


def test_each_message_costs_one_transaction(issue, daily, mail_server):
    """The delivery's row before its message and its outcome after: the outcome rides in
    the next row's transaction, so a message costs one commit (the disk's wait) not two."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(6):
        subscriber(f"r{n}@example.org", daily)
    sending.start(issue)
    with CaptureQueriesContext(connection) as queries:
        sending.send_issue.call(issue.pk)

    # Inside the test's own transaction, each of the worker's transactions is a savepoint.
    transactions, alone, depth = [], 0, 0
    for sql in (q["sql"] for q in queries.captured_queries):
        if sql.startswith("SAVEPOINT"):
            depth += 1
            transactions.append([])
        elif sql.startswith("RELEASE"):
            depth -= 1
        elif "newsletters_delivery" in sql and sql.split()[0] in ("INSERT", "UPDATE"):
            if depth:
                transactions[-1].append(sql.split()[0])
            else:
                alone += 1
    assert transactions == [["INSERT"]] + [["UPDATE", "INSERT"]] * 5
    assert alone == 1  # the last message's outcome, written at the end
    assert list(issue.deliveries.values_list("status", flat=True).distinct()) == ["sent"]


def test_a_worker_killed_between_two_messages_sends_nobody_twice(
    issue, daily, mail_server, monkeypatch, django_capture_on_commit_callbacks
):
    readers = [subscriber(f"r{n}@example.org", daily) for n in range(6)]
    real_begin = sending.Ledger.begin
    begun = []

    def dies_before_the_fourth(self, subscriber_id):
        if len(begun) == 3:
            raise WorkerKilled()  # the third's message went; its outcome not yet written
        begun.append(subscriber_id)
        return real_begin(self, subscriber_id)

    monkeypatch.setattr(sending.Ledger, "begin", dies_before_the_fourth)
    real_close = sending.Ledger.close
    monkeypatch.setattr(sending.Ledger, "close", lambda self: None)  # no `finally` after SIGKILL
    sending.start(issue)
    with pytest.raises(WorkerKilled):
        sending.send_issue.call(issue.pk)
    monkeypatch.setattr(sending.Ledger, "begin", real_begin)
    monkeypatch.setattr(sending.Ledger, "close", real_close)
    time_passes(issue, sending.STALE_AFTER)
    with django_capture_on_commit_callbacks(execute=True):
        sending.send_due()

    received = sorted(to for to, _ in mail_server.messages)
    assert received == sorted(r.email for r in readers)  # each exactly once
    in_doubt = issue.deliveries.get(status=Delivery.SENDING)
    assert in_doubt.subscriber == readers[2]
