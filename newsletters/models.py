"""What the newsletters keep: the newsletters on offer, who asked for which and when (the
consent a newsroom must be able to prove), the issues editors compose and each delivery."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import PageChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, PreviewableMixin

from .email import render_issue

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def one_line(value: str) -> None:
    """A header's value may not break a line: that would let it add headers of its own."""
    if "\r" in value or "\n" in value:
        raise ValidationError(_("Use one line, without line breaks."))


def new_key() -> str:
    """The random part of a subscriber's or a sign-up's links (128 bits)."""
    return secrets.token_hex(16)


class Newsletter(models.Model):
    """An edition's daily (the day's articles) or a section's weekly. A section taken off the
    site keeps its newsletter's subscribers and issues, but the newsletter is no longer
    offered (newsletters/catalogue.py)."""

    DAILY, WEEKLY = "daily", "weekly"

    kind = models.CharField(max_length=8, choices=[(DAILY, _("Daily")), (WEEKLY, _("Weekly"))])
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    section = models.OneToOneField(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="newsletter"
    )
    title = models.CharField(max_length=255)

    class Meta:
        ordering = ["locale_id", "kind", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale"], condition=models.Q(kind="daily"), name="one_daily_per_edition"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_daily(self) -> bool:
        return self.kind == self.DAILY


class Subscriber(models.Model):
    """A reader who confirmed an address. Rows exist only after confirmation: a sign-up waits
    as a PendingSignup, so an address nobody confirmed is never kept as a subscriber."""

    email = models.EmailField(unique=True)
    language = models.CharField(max_length=8, default="en")
    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    requested_at = models.DateTimeField(help_text=_("When the sign-up form was sent."))
    requested_from = models.GenericIPAddressField(null=True, blank=True)
    signed_up_on = models.CharField(max_length=255, blank=True)
    confirmed_at = models.DateTimeField()
    confirmed_from = models.GenericIPAddressField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-confirmed_at", "-pk"]

    def __str__(self) -> str:
        return self.email

    def newsletter_titles(self) -> str:
        return ", ".join(
            sub.newsletter.title for sub in self.subscriptions.all() if sub.unsubscribed_at is None
        )

    newsletter_titles.short_description = _("Newsletters")


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        Newsletter, on_delete=models.CASCADE, related_name="subscriptions"
    )
    subscribed_at = models.DateTimeField()
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscriber", "newsletter"], name="one_subscription")
        ]
        indexes = [models.Index(fields=["newsletter", "subscriber"], name="newsletter_audience")]

    def __str__(self) -> str:
        return f"{self.subscriber_id} → {self.newsletter_id}"


class PendingSignup(models.Model):
    """A sign-up waiting for its confirmation link to be followed."""

    email = models.EmailField()
    language = models.CharField(max_length=8, default="en")
    newsletters = models.ManyToManyField(Newsletter, related_name="+")
    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    requested_at = models.DateTimeField(auto_now_add=True)
    requested_from = models.GenericIPAddressField(null=True, blank=True)
    signed_up_on = models.CharField(max_length=255, blank=True)

    def __str__(self) -> str:
        return self.email


class NewsletterIssue(PreviewableMixin, models.Model):
    DRAFT, SCHEDULED, SENDING, SENT = "draft", "scheduled", "sending", "sent"
    STATUSES = [
        (DRAFT, _("Draft")),
        (SCHEDULED, _("Scheduled")),
        (SENDING, _("Sending")),
        (SENT, _("Sent")),
    ]

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="issues")
    subject = models.CharField(max_length=200, validators=[one_line])
    intro = RichTextField(blank=True, features=INTRO_FEATURES)
    articles = StreamField(
        [("article", PageChooserBlock(page_type="news.ArticlePage", icon="doc-full"))],
        blank=True,
        help_text=_("In the order the email shows them; drag to reorder, delete to leave out."),
    )
    status = models.CharField(max_length=12, choices=STATUSES, default=DRAFT, editable=False)
    send_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    started_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The worker sending it now, and when it last said so: a worker that died stops renewing,
    # and another takes the issue up where it stopped (newsletters/sending.py).
    lease = models.CharField(max_length=32, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("send_newsletterissue", "Can send newsletter issues")]
        verbose_name = _("newsletter issue")

    def __str__(self) -> str:
        return self.subject

    @property
    def editable(self) -> bool:
        return self.status in (self.DRAFT, self.SCHEDULED)

    def article_ids(self) -> list[int]:
        return [block.value.pk for block in self.articles if block.value is not None]

    def get_preview_template(self, request, mode_name):
        return "newsletters/email/preview.html"

    def get_preview_context(self, request, mode_name):
        return {"email": render_issue(self)}


class Delivery(models.Model):
    """One issue to one subscriber. Written before the message goes to the mail server
    ("sending") and after ("sent" or "failed"): a row left "sending" by a worker that died
    may or may not have gone, and is never sent again."""

    SENDING, SENT, FAILED = "sending", "sent", "failed"
    STATUSES = [(SENDING, _("Interrupted")), (SENT, _("Sent")), (FAILED, _("Failed"))]

    issue = models.ForeignKey(NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=8, choices=STATUSES, default=SENDING)
    attempted_at = models.DateTimeField(auto_now_add=True)
    error = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_each")
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}: {self.status}"
