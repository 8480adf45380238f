"""What readers' choices do to the records: a confirmed sign-up, a change of newsletters,
leaving. Each keeps the dates an editor (or a regulator) may ask for."""

from django.db import transaction
from django.utils import timezone

from .models import Newsletter, PendingSignup, Subscriber, Subscription


@transaction.atomic
def confirm(pending: PendingSignup, address: str | None) -> Subscriber:
    """The sign-up becomes (or adds to) a subscription; the consent recorded is this one."""
    now = timezone.now()
    consent = {
        "language": pending.language,
        "requested_at": pending.requested_at,
        "requested_from": pending.requested_from,
        "signed_up_on": pending.signed_up_on,
        "confirmed_at": now,
        "confirmed_from": address or None,
        "unsubscribed_at": None,
    }
    subscriber, _made = Subscriber.objects.update_or_create(email=pending.email, defaults=consent)
    for newsletter in pending.newsletters.all():
        subscribe(subscriber, newsletter, now)
    pending.delete()
    return subscriber


def subscribe(subscriber: Subscriber, newsletter: Newsletter, now) -> None:
    subscription, made = Subscription.objects.get_or_create(
        subscriber=subscriber, newsletter=newsletter, defaults={"subscribed_at": now}
    )
    if not made and subscription.unsubscribed_at is not None:
        subscription.subscribed_at, subscription.unsubscribed_at = now, None
        subscription.save(update_fields=["subscribed_at", "unsubscribed_at"])


def active_ids(subscriber: Subscriber) -> set[int]:
    return set(
        subscriber.subscriptions.filter(unsubscribed_at=None).values_list(
            "newsletter_id", flat=True
        )
    )


@transaction.atomic
def keep_only(subscriber: Subscriber, newsletter_ids: set[int]) -> None:
    """The reader's newsletters become exactly these (only ones they had or are offered)."""
    now = timezone.now()
    subscriber.subscriptions.filter(unsubscribed_at=None).exclude(
        newsletter_id__in=newsletter_ids
    ).update(unsubscribed_at=now)
    for newsletter in Newsletter.objects.filter(pk__in=newsletter_ids):
        subscribe(subscriber, newsletter, now)
    _note_left(subscriber, now)


@transaction.atomic
def leave(subscriber: Subscriber, newsletter_id: int | None = None) -> None:
    """Unsubscribes from one newsletter, or from all."""
    now = timezone.now()
    found = subscriber.subscriptions.filter(unsubscribed_at=None)
    if newsletter_id is not None:
        found = found.filter(newsletter_id=newsletter_id)
    found.update(unsubscribed_at=now)
    _note_left(subscriber, now)


def _note_left(subscriber: Subscriber, now) -> None:
    """A reader with no newsletter left is unsubscribed; one who took one again is not."""
    left = not subscriber.subscriptions.filter(unsubscribed_at=None).exists()
    subscriber.unsubscribed_at = (subscriber.unsubscribed_at or now) if left else None
    subscriber.save(update_fields=["unsubscribed_at"])


def erase(subscriber: Subscriber) -> None:
    """Everything kept about the reader goes: subscriptions, deliveries, waiting sign-ups."""
    with transaction.atomic():
        PendingSignup.objects.filter(email=subscriber.email).delete()
        subscriber.delete()
