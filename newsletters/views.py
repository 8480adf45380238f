"""The readers' side: the sign-up form's view, the confirmation, a subscriber's own page and
the unsubscribe links.

None of them is cached, and none is needed to read a page: the sign-up form on articles,
sections and the home page is plain HTML posting here, with no CSRF token in it, so those
pages stay cached for everyone (a token is per reader). What a token would stop — another site
making a visitor's browser post the form — is stopped instead by the browser's own word
(Origin, Sec-Fetch-Site: a post from another site is refused), and could do nothing anyway but
send one confirmation email, counted against the address's and the sender's limits. The links
in emails are signed (newsletters/links.py): holding one is the reader's proof, so their forms
need no cookie, and a mail client's one-click unsubscribe (RFC 8058) posts with none.
"""

import hashlib
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Locale

from core import throttle
from core.client_address import client_address
from core.language import active

from . import catalogue, links, subscriptions
from .forms import DAILY, SignupForm, SubscriptionsForm
from .models import PendingSignup, Subscriber
from .sending import send_confirmation

HOUR, DAY = 3600, 24 * 3600
PAGE_ID = re.compile(r"[0-9]{1,18}")  # a section's id as the form names it, within 64 bits


def _page(request, template: str, context: dict, status: int = 200) -> HttpResponse:
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    # Signed links are in these pages' addresses: never sent on to another site.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def _message(request, title: str, text: str, status: int = 200, **context) -> HttpResponse:
    return _page(
        request, "newsletters/message.html", {"title": title, "text": text, **context}, status
    )


def _refused(request, refused: links.LinkRefused) -> HttpResponse:
    if refused.expired:
        return _message(
            request,
            _("This link has expired"),
            _("Confirmation links last %(hours)s hours. Sign up again to get a new one.")
            % {"hours": settings.NEWSLETTER_CONFIRM_HOURS},
            status=410,
            signup=True,
        )
    return _message(
        request,
        _("This link is not valid"),
        _("It may have been cut short or changed. Use the link exactly as the email gave it."),
        status=400,
    )


def _cross_site(request: HttpRequest) -> bool:
    """Whether the browser says the form was posted from another site."""
    if request.headers.get("Sec-Fetch-Site", "") == "cross-site":
        return True
    origin = request.headers.get("Origin")
    return bool(origin) and urlsplit(origin).netloc != request.get_host()


def _newsletter_choices(newsletters) -> dict[str, str]:
    return {DAILY if n.is_daily else str(n.section_id): n.title for n in newsletters}


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    locale = Locale.objects.get(language_code=active())
    wanted = [
        value for value in request.POST.getlist("newsletter")[:50] if PAGE_ID.fullmatch(value)
    ]
    newsletters = catalogue.offered_for(locale, wanted)
    choices = _newsletter_choices(newsletters)
    if request.method != "POST":
        form = SignupForm(sections=choices, initial={"newsletter": [DAILY]})
        return _page(request, "newsletters/signup.html", {"form": form})
    if _cross_site(request):
        return _message(
            request,
            _("Sign up on our own pages"),
            _("This form was sent from another site, so nothing was done."),
            status=403,
            signup=True,
        )
    address = client_address(request)
    by_address = f"newsletter-signup-ip:{address}"
    if throttle.count(by_address, HOUR) >= settings.NEWSLETTER_SIGNUPS_PER_IP:
        return _too_many(request, HOUR)
    throttle.add(by_address, HOUR)
    form = SignupForm(request.POST, sections=choices)
    if not form.is_valid():
        return _page(request, "newsletters/signup.html", {"form": form}, status=400)
    email = form.cleaned_data["email"]
    if form.cleaned_data["website"]:  # the honeypot: answered as usual, nothing done
        return _check_inbox(request, email)
    by_email = "newsletter-signup-email:" + hashlib.sha256(email.encode()).hexdigest()
    if throttle.count(by_email, DAY) >= settings.NEWSLETTER_SIGNUPS_PER_ADDRESS:
        return _too_many(request, DAY)
    throttle.add(by_email, DAY)
    chosen = set(form.cleaned_data["newsletter"])
    with transaction.atomic():
        pending = PendingSignup.objects.create(
            email=email,
            language=locale.language_code,
            requested_from=address or None,
            signed_up_on=form.cleaned_data["signed_up_on"],
        )
        pending.newsletters.set(
            [n for n in newsletters if (DAILY if n.is_daily else str(n.section_id)) in chosen]
        )
        transaction.on_commit(lambda: send_confirmation.enqueue(pending.pk))
    return _check_inbox(request, email)


def _check_inbox(request, email: str) -> HttpResponse:
    return _message(
        request,
        _("Check your inbox"),
        _(
            "We have sent a link to %(email)s. Nothing will be sent to you until you follow "
            "it to confirm; it works for %(hours)s hours."
        )
        % {"email": email, "hours": settings.NEWSLETTER_CONFIRM_HOURS},
    )


def _too_many(request, window: int) -> HttpResponse:
    response = _message(
        request,
        _("Too many sign-ups"),
        _("Too many sign-ups came from here or for this address. Please try again later."),
        status=429,
    )
    response["Retry-After"] = str(throttle.seconds_left(window))
    return response


def _pending(request, token: str, check_age: bool = True):
    """The waiting sign-up a confirmation link names, or the page saying why there is none."""
    try:
        key = links.confirmation_key(token, check_age=check_age)
    except links.LinkRefused as refused:
        return None, _refused(request, refused)
    pending = PendingSignup.objects.filter(key=key).first()
    if pending is None:
        return None, _message(
            request,
            _("This link has been used"),
            _("The sign-up it was for is confirmed or withdrawn already. Nothing was changed."),
            status=410,
        )
    return pending, None


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """A button, not the link itself, confirms: mail scanners open links, never press buttons."""
    pending, refusal = _pending(request, token)
    if refusal:
        return refusal
    if request.method != "POST":
        titles = [newsletter.title for newsletter in pending.newsletters.all()]
        return _page(request, "newsletters/confirm.html", {"pending": pending, "titles": titles})
    subscriber = subscriptions.confirm(pending, client_address(request))
    return _message(
        request,
        _("You are subscribed"),
        _("Thank you. The next issue will come to %(email)s.") % {"email": subscriber.email},
        manage_url=_manage_path(subscriber),
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request: HttpRequest, token: str) -> HttpResponse:
    """Withdraws a sign-up someone else made with one's address (the confirmation email's
    List-Unsubscribe)."""
    pending, refusal = _pending(request, token, check_age=False)
    if refusal:
        return refusal
    if request.method != "POST":
        return _page(request, "newsletters/cancel.html", {"pending": pending})
    PendingSignup.objects.filter(email=pending.email).delete()
    return _message(request, _("Sign-up withdrawn"), _("Nothing will be sent to this address."))


def _subscriber(request, token: str):
    try:
        key = links.subscriber_key(token)
    except links.LinkRefused as refused:
        return None, _refused(request, refused)
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        return None, _message(
            request,
            _("No subscription here"),
            _("This address has been removed from our lists. Nothing was changed."),
            status=404,
            signup=True,
        )
    return subscriber, None


def _manage_path(subscriber: Subscriber) -> str:
    return reverse("newsletter_manage", args=[links.subscriber_token(subscriber.key)])


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """The subscriber's own page: which newsletters, or none."""
    subscriber, refusal = _subscriber(request, token)
    if refusal:
        return refusal
    have = subscriptions.active_ids(subscriber)
    locale = Locale.objects.filter(language_code=subscriber.language).first()
    offered = catalogue.offered(locale.pk if locale else None).order_by("kind", "section__path")
    newsletters = {n.pk: n for n in offered}
    newsletters.update(
        {
            s.newsletter.pk: s.newsletter
            for s in subscriber.subscriptions.filter(unsubscribed_at=None).select_related(
                "newsletter"
            )
        }
    )
    choices = [(str(pk), n.title) for pk, n in newsletters.items()]
    saved = False
    if request.method == "POST":
        if "leave" in request.POST:
            subscriptions.leave(subscriber)
            return _message(
                request,
                _("You have unsubscribed"),
                _("Nothing more will be sent to %(email)s.") % {"email": subscriber.email},
                manage_url=request.path,
            )
        form = SubscriptionsForm(request.POST, choices=choices)
        if not form.is_valid():
            return _page(
                request,
                "newsletters/manage.html",
                {"form": form, "subscriber": subscriber},
                status=400,
            )
        subscriptions.keep_only(subscriber, {int(pk) for pk in form.cleaned_data["newsletters"]})
        have, saved = subscriptions.active_ids(subscriber), True
    form = SubscriptionsForm(initial={"newsletters": [str(pk) for pk in have]}, choices=choices)
    return _page(
        request, "newsletters/manage.html", {"form": form, "subscriber": subscriber, "saved": saved}
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str, newsletter_id: int) -> HttpResponse:
    """An email's unsubscribe link: a page with one button; a mail client's one-click
    unsubscribe (RFC 8058) posts "List-Unsubscribe=One-Click" here, and is done at once."""
    subscriber, refusal = _subscriber(request, token)
    if refusal:
        return refusal
    subscription = (
        subscriber.subscriptions.filter(newsletter_id=newsletter_id)
        .select_related("newsletter")
        .first()
    )
    title = subscription.newsletter.title if subscription else _("this newsletter")
    context = {"manage_url": _manage_path(subscriber), "newsletter_title": title}
    if request.method != "POST":
        if subscription is None or subscription.unsubscribed_at is not None:
            return _message(
                request,
                _("You are not subscribed"),
                _("%(email)s does not receive %(newsletter)s.")
                % {"email": subscriber.email, "newsletter": title},
                **context,
            )
        return _page(request, "newsletters/unsubscribe.html", {"subscriber": subscriber, **context})
    if subscription is not None:  # the id of one they have: no write names any other
        subscriptions.leave(subscriber, subscription.newsletter_id)
    return _message(
        request,
        _("You have unsubscribed"),
        _("%(email)s will no longer receive %(newsletter)s.")
        % {"email": subscriber.email, "newsletter": title},
        **context,
    )
