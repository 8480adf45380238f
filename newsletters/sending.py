"""Sending an issue: in the background, in batches, resumable, never twice to anyone.

Each recipient's delivery is written before their message goes to the mail server ("sending")
and after ("sent" or "failed", with the server's answer), the latter in the next one's
transaction, so that a message costs one commit. A worker that is killed leaves at most
one row "sending" — a message that may or may not have gone — and it is never sent again: no
reader gets a second copy. The recipients still to send to are the subscribers with no
delivery of the issue, so another worker takes up exactly where the first stopped.

One worker sends an issue at a time: it holds the issue's lease and renews it after each
batch. A lease not renewed for STALE_AFTER is a dead worker's, and `resume_stalled` (run each
minute by `manage.py send_due_newsletters`) queues the issue again. A task sends for at most
TASK_SECONDS, then queues the rest as a new task, so that a long send never holds a worker
away from picture crops and purges for long, and no task outlives the queue's time limit.
"""

import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from .email import render_issue, site_root
from .messages import confirmation_message, issue_message
from .models import Delivery, NewsletterIssue, PendingSignup, Subscriber, new_key

logger = logging.getLogger(__name__)
STALE_AFTER = timedelta(minutes=5)
TASK_SECONDS = 60
# The server refused this one address or message: recorded, and the send goes on.
REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError, smtplib.SMTPSenderRefused)


class MailServerDown(Exception):
    """No connection to the mail server: the send stops and resumes later."""


def audience(issue: NewsletterIssue):
    """The subscribers the issue goes to: confirmed, subscribed to its newsletter now."""
    return Subscriber.objects.filter(
        unsubscribed_at=None,
        subscriptions__newsletter_id=issue.newsletter_id,
        subscriptions__unsubscribed_at=None,
    )


def next_recipients(issue: NewsletterIssue, after: int, count: int) -> list[tuple]:
    """Up to `count` recipients with no delivery of the issue yet, in id order from `after`.
    The audience is read by id range and only its deliveries looked up, so that the cost of
    a batch does not grow with the deliveries of past issues."""
    while True:
        candidates = list(
            audience(issue)
            .filter(pk__gt=after)
            .order_by("pk")
            .values_list("pk", "email", "key")[:count]
        )
        if not candidates:
            return []
        had = set(
            Delivery.objects.filter(
                issue=issue, subscriber_id__in=[pk for pk, _, _ in candidates]
            ).values_list("subscriber_id", flat=True)
        )
        found = [candidate for candidate in candidates if candidate[0] not in had]
        if found:
            return found
        after = candidates[-1][0]  # all sent before a restart: read on


def start(issue: NewsletterIssue, user=None, at=None) -> None:
    """Sends the issue now, or at `at` (then `send_due` starts it when due)."""
    now = timezone.now()
    if at is not None and at > now:
        issue.status, issue.send_at = NewsletterIssue.SCHEDULED, at
    else:
        issue.status, issue.send_at, issue.started_at = NewsletterIssue.SENDING, now, now
    issue.sent_by = user
    issue.save(update_fields=["status", "send_at", "started_at", "sent_by"])
    if issue.status == NewsletterIssue.SENDING:
        transaction.on_commit(lambda: send_issue.enqueue(issue.pk))


def send_due(now=None) -> list[int]:
    """Starts the scheduled issues that are due, and queues again the issues whose worker
    stopped renewing its lease (killed, or the machine restarted). Returns their ids."""
    now = now or timezone.now()
    queued = []
    for pk in NewsletterIssue.objects.filter(
        status=NewsletterIssue.SCHEDULED, send_at__lte=now
    ).values_list("pk", flat=True):
        started = NewsletterIssue.objects.filter(pk=pk, status=NewsletterIssue.SCHEDULED).update(
            status=NewsletterIssue.SENDING, started_at=now
        )
        if started:
            queued.append(pk)
    stalled = NewsletterIssue.objects.filter(status=NewsletterIssue.SENDING).filter(
        Q(heartbeat_at__lt=now - STALE_AFTER)
        | Q(heartbeat_at=None, started_at__lt=now - STALE_AFTER)
    )
    queued += list(stalled.values_list("pk", flat=True))
    for pk in queued:
        send_issue.enqueue(pk)
    return queued


def _take_lease(issue_id: int, lease: str) -> bool:
    now = timezone.now()
    return bool(
        NewsletterIssue.objects.filter(pk=issue_id, status=NewsletterIssue.SENDING)
        .filter(Q(lease="") | Q(heartbeat_at__lt=now - STALE_AFTER))
        .update(lease=lease, heartbeat_at=now)
    )


def _renew(issue_id: int, lease: str) -> bool:
    return bool(
        NewsletterIssue.objects.filter(pk=issue_id, lease=lease).update(heartbeat_at=timezone.now())
    )


def _let_go(issue_id: int, lease: str, **changes) -> None:
    NewsletterIssue.objects.filter(pk=issue_id, lease=lease).update(lease="", **changes)


@task()
def send_issue(issue_id: int) -> None:
    """Sends the issue to whoever has not had it, for up to TASK_SECONDS, then queues the rest."""
    lease = new_key()
    if not _take_lease(issue_id, lease):
        return  # sent, not sending, or another worker has it
    issue = NewsletterIssue.objects.select_related("newsletter__locale").get(pk=issue_id)
    rendered, root = render_issue(issue), site_root()
    deadline = time.monotonic() + TASK_SECONDS
    connection, ledger = get_connection(), Ledger(issue)
    after = 0
    try:
        while True:
            batch = next_recipients(issue, after, settings.NEWSLETTER_BATCH)
            if not batch:
                ledger.close()
                _let_go(issue_id, lease, status=NewsletterIssue.SENT, finished_at=timezone.now())
                return
            for pk, email, key in batch:
                message = issue_message(rendered, issue.newsletter, email, key, root, connection)
                deliver(ledger, pk, message, connection)
            after = batch[-1][0]
            ledger.close()
            if not _renew(issue_id, lease):
                return  # taken over: this worker was thought dead
            if time.monotonic() > deadline:
                _let_go(issue_id, lease)
                send_issue.enqueue(issue_id)
                return
    except MailServerDown:
        logger.warning("Newsletter issue %s: mail server unreachable; resuming later", issue_id)
        _let_go(issue_id, lease)  # send_due queues it again once the lease is stale
    finally:
        ledger.close()
        connection.close()


class Ledger:
    """The issue's deliveries, written with one commit per message: each delivery's row
    before its message goes ("sending"), and its outcome in the same transaction as the next
    one's row (or at close). A killed worker leaves one row "sending": the message in flight,
    or the last one sent."""

    def __init__(self, issue: NewsletterIssue):
        self.issue, self.outcome = issue, None  # (delivery id, status, error)

    def begin(self, subscriber_id: int) -> int | None:
        """The new delivery's id; None if the subscriber has one of the issue already."""
        try:
            with transaction.atomic():
                self._write_outcome()
                delivery = Delivery.objects.create(issue=self.issue, subscriber_id=subscriber_id)
        except IntegrityError:
            self.close()  # rolled back with the row: written on its own
            return None  # another worker's, or already done
        self.outcome = None
        return delivery.pk

    def end(self, delivery_id: int, status: str, error: str = "") -> None:
        self.outcome = (delivery_id, status, error[:500])

    def undo(self, delivery_id: int) -> None:
        """Not sent after all: the subscriber stays to be sent to."""
        Delivery.objects.filter(pk=delivery_id).delete()

    def close(self) -> None:
        self._write_outcome()
        self.outcome = None

    def _write_outcome(self) -> None:
        if self.outcome is not None:
            pk, status, error = self.outcome
            Delivery.objects.filter(pk=pk).update(status=status, error=error)


def deliver(ledger: Ledger, subscriber_id: int, message, connection) -> str | None:
    """Sends one message unless the subscriber has a delivery of the issue; records it."""
    delivery_id = ledger.begin(subscriber_id)
    if delivery_id is None:
        return None
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as error:
        ledger.undo(delivery_id)
        raise MailServerDown() from error
    status, error_text = Delivery.SENT, ""
    try:
        connection.send_messages([message])
    except REFUSED as error:
        status, error_text = Delivery.FAILED, _describe(error)
    except (OSError, smtplib.SMTPException) as error:
        status, error_text = Delivery.FAILED, _describe(error)
        connection.close()  # broken: the next message opens a new one
    ledger.end(delivery_id, status, error_text)
    return status


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{code} {text.decode(errors='replace')}" for code, text in error.recipients.values()
        )
    if isinstance(error, smtplib.SMTPResponseException):
        return f"{error.smtp_code} {error.smtp_error.decode(errors='replace')}"
    return f"{type(error).__name__}: {error}"


@task()
def send_confirmation(pending_id: int) -> None:
    """The email asking a reader to confirm a sign-up (gone if withdrawn meanwhile)."""
    pending = PendingSignup.objects.filter(pk=pending_id).first()
    if pending is not None:
        confirmation_message(pending, site_root()).send()


def forget_unconfirmed(now=None) -> int:
    """Sign-ups nobody confirmed in time are deleted: the address is not kept."""
    now = now or timezone.now()
    hours = settings.NEWSLETTER_CONFIRM_HOURS
    old = PendingSignup.objects.filter(requested_at__lt=now - timedelta(hours=hours))
    return old.delete()[1].get(PendingSignup._meta.label, 0)
