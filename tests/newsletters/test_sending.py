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
