"""The email messages themselves: an issue to one subscriber, a sign-up's confirmation.

Every message names its list and how to leave it: `List-Unsubscribe` with the reader's own
signed link, and `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), so that a
mail client's "Unsubscribe" button unsubscribes with one POST, without the reader signing in
or opening a page. Django refuses a header with a line break in it (BadHeaderError), and every
value put in one here is either ours or checked for line breaks where an editor types it."""

from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.translation import override

from . import links
from .email import RenderedEmail, render_confirmation
from .models import Newsletter, PendingSignup

ONE_CLICK = {"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def list_id(newsletter: Newsletter, root: str) -> str:
    host = root.split("://", 1)[-1].split(":", 1)[0].split("/", 1)[0] or "localhost"
    return f"<{newsletter.kind}-{newsletter.pk}.{host}>"


def issue_message(
    rendered: RenderedEmail, newsletter: Newsletter, email: str, key: str, root: str, connection
) -> EmailMultiAlternatives:
    """One subscriber's copy of an issue: their own unsubscribe and subscription links."""
    language = newsletter.locale.language_code
    token = links.subscriber_token(key)
    with override(language):
        unsubscribe = root + reverse("newsletter_unsubscribe", args=[token, newsletter.pk])
        manage = root + reverse("newsletter_manage", args=[token])
    html, text = rendered.personal(unsubscribe, manage)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            **ONE_CLICK,
            "List-Id": list_id(newsletter, root),
            "Message-ID": make_msgid(domain=list_id(newsletter, root)[1:-1]),
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(pending: PendingSignup, root: str) -> EmailMultiAlternatives:
    """Asks the reader to confirm; its List-Unsubscribe withdraws the sign-up instead."""
    token = links.confirmation_token(pending.key)
    with override(pending.language):
        confirm = root + reverse("newsletter_confirm", args=[token])
        cancel = root + reverse("newsletter_cancel", args=[token])
    titles = [newsletter.title for newsletter in pending.newsletters.all()]
    rendered = render_confirmation(
        {
            "confirm_url": confirm,
            "cancel_url": cancel,
            "titles": titles,
            "hours": settings.NEWSLETTER_CONFIRM_HOURS,
        },
        pending.language,
    )
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.NEWSLETTER_FROM_EMAIL,
        to=[pending.email],
        headers={"List-Unsubscribe": f"<{cancel}>", **ONE_CLICK},
    )
    message.attach_alternative(rendered.html, "text/html")
    return message
