"""Signing up: the form on pages (cached, no token), double opt-in, honeypot, limits, and
bad input that changes nothing."""

import pytest
from django.core import signing

from newsletters import links
from newsletters.models import PendingSignup, Subscriber
from tests.builders import article
from tests.helpers import link_to, list_unsubscribe, page_soup, parse, x_cache

from .conftest import sign_up

pytestmark = pytest.mark.django_db


def signup_form(soup):
    return soup.select_one("form.signup__form")


def test_the_form_is_on_the_home_page_sections_and_articles(client, magazine):
    story = article(magazine.politics, "The vote", [magazine.ben])
    for url, section in (
        ("/en/", None),
        (magazine.politics.url, magazine.politics),
        (story.url, magazine.politics),
    ):
        form = signup_form(page_soup(client, url))
        assert form["action"] == "/en/newsletters/" and form["method"] == "post", url
        values = [box["value"] for box in form.select("input[name=newsletter]")]
        assert values[0] == "daily", url
        if section is not None:
            assert str(section.pk) in values, url
        assert form.select_one("input[name=email][type=email][required]"), url
        assert form.select_one("input[name=website]"), url  # the honeypot
        # No per-reader token in the page: it is the same for everyone, so it stays cached.
        assert not form.select("input[name=csrfmiddlewaretoken]"), url


def test_the_page_with_the_form_stays_cached_and_sets_no_cookie(client, magazine, page_cache):
    story = article(magazine.politics, "The vote", [magazine.ben])
    first = client.get(story.url)
    assert "csrftoken" not in first.cookies and "Set-Cookie" not in first
    assert "public" in first["Cache-Control"]
    assert x_cache(client, story.url) == "hit"


def test_nothing_is_sent_but_a_confirmation_until_the_reader_confirms(
    client, magazine, daily, politics_weekly, mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "Reader@Example.org", "daily", str(magazine.politics.pk))
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    )
    assert not Subscriber.objects.exists()
    message = mail_server.only("reader@example.org")
    assert "Confirm" in message["Subject"]
    # The confirmation can withdraw the sign-up in one click, like any list's message.
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm = link_to(message, "/confirm/")
    assert "reader" not in confirm  # the link carries a key, never the address

    # Opening the link (as a mail scanner would) confirms nothing: the button does.
    page = client.get(confirm)
    assert page.status_code == 200 and not Subscriber.objects.exists()
    assert parse(page).select_one(f'form[method=post][action="{confirm}"] button')

    done = client.post(confirm)
    assert done.status_code == 200
    reader = Subscriber.objects.get()
    assert reader.email == "reader@example.org" and reader.confirmed_at is not None
    assert reader.requested_at <= reader.confirmed_at and reader.signed_up_on == "/en/"
    assert reader.requested_from == "127.0.0.1"
    assert {s.newsletter for s in reader.subscriptions.all()} == {daily, politics_weekly}
    assert len(mail_server.messages) == 1  # the confirmation only


def test_a_used_or_changed_confirmation_link_changes_nothing(
    client, magazine, daily, mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "reader@example.org")
    confirm = link_to(mail_server.only("reader@example.org"), "/confirm/")
    assert client.post(confirm).status_code == 200
    confirmed_at = Subscriber.objects.get().confirmed_at

    replayed = client.post(confirm)
    assert replayed.status_code == 410 and "has been used" in replayed.content.decode()
    assert Subscriber.objects.get().confirmed_at == confirmed_at

    tampered = confirm.replace("/confirm/", "/confirm/0")
    assert client.post(tampered).status_code == 400
    assert client.get(confirm[:-5] + "/").status_code == 400
    assert Subscriber.objects.count() == 1


def test_an_expired_confirmation_link_says_so(client, magazine, daily, settings, monkeypatch):
    pending = PendingSignup.objects.create(email="late@example.org")
    pending.newsletters.add(daily)
    old = signing.b62_encode(
        int(signing.time.time()) - settings.NEWSLETTER_CONFIRM_HOURS * 3600 - 5
    )
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", lambda self: old)
    token = links.confirmation_token(pending.key)
    monkeypatch.undo()
    response = client.post(f"/en/newsletters/confirm/{token}/")
    assert response.status_code == 410 and "expired" in response.content.decode()
    assert not Subscriber.objects.exists() and PendingSignup.objects.filter(pk=pending.pk).exists()


def test_the_confirmation_email_can_withdraw_the_sign_up(
    client, magazine, daily, mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "not-me@example.org")
    message = mail_server.only("not-me@example.org")
    withdraw = list_unsubscribe(message)
    # A mail client's one-click: a POST with no cookie and no token.
    response = client.post(withdraw, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not PendingSignup.objects.exists()
    assert client.post(link_to(message, "/confirm/")).status_code == 410
    assert not Subscriber.objects.exists()


def test_the_honeypot_is_answered_as_usual_and_nothing_is_done(
    client, magazine, daily, mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/newsletters/",
            {"email": "bot@example.org", "newsletter": ["daily"], "website": "http://spam.example"},
        )
    assert response.status_code == 200 and "Check your inbox" in response.content.decode()
    assert not PendingSignup.objects.exists() and not mail_server.messages


@pytest.mark.parametrize(
    "email",
    [
        "",
        "not-an-address",
        "a@b",
        "two@@example.org",
        "reader@example.org\r\nBcc: victim@example.org",
        "reader@example.org\nSubject: hi",
        "<script>alert(1)</script>@example.org",
        "x" * 300 + "@example.org",
        "x" * 100_000,
    ],
)
def test_bad_addresses_get_a_form_error_and_change_nothing(
    client, magazine, daily, email, mail_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/newsletters/", {"email": email, "newsletter": ["daily"]})
    assert response.status_code == 400
    soup = parse(response)
    assert soup.select_one("#email-errors")
    assert "<script>" not in response.content.decode()
    assert not PendingSignup.objects.exists() and not mail_server.messages


@pytest.mark.parametrize(
    "choice", ["", "999999", "abc", "daily\r\nX: y", "-1", "9" * 19, "9" * 40, "１２"]
)
def test_unknown_newsletters_get_a_form_error(client, magazine, daily, choice):
    response = client.post("/en/newsletters/", {"email": "r@example.org", "newsletter": [choice]})
    assert response.status_code == 400
    assert parse(response).select_one("#newsletter-errors")
    assert not PendingSignup.objects.exists()


def test_a_huge_post_is_a_400(client, magazine, daily):
    response = client.post(
        "/en/newsletters/", {"email": "r@example.org", "newsletter": ["daily"] * 20_000}
    )
    assert response.status_code == 400
    assert not PendingSignup.objects.exists()


def test_a_sign_up_posted_from_another_site_is_refused(client, magazine, daily, mail_server):
    for headers in ({"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_SEC_FETCH_SITE": "cross-site"}):
        response = sign_up(client, "victim@example.org", **headers)
        assert response.status_code == 403
    assert not PendingSignup.objects.exists()
    assert sign_up(client, "reader@example.org", HTTP_ORIGIN="http://testserver").status_code == 200


def test_sign_ups_are_limited_per_sender(client, magazine, daily, settings, counting):
    settings.NEWSLETTER_SIGNUPS_PER_IP = 3
    for number in range(3):
        assert sign_up(client, f"r{number}@example.org").status_code == 200
    refused = sign_up(client, "r9@example.org")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert PendingSignup.objects.count() == 3
    # Another sender is not held back.
    assert sign_up(client, "r9@example.org", REMOTE_ADDR="10.0.0.9").status_code == 200


def test_sign_ups_are_limited_per_address(client, magazine, daily, settings, counting):
    settings.NEWSLETTER_SIGNUPS_PER_ADDRESS = 2
    for number in range(2):
        assert (
            sign_up(client, "target@example.org", REMOTE_ADDR=f"10.0.0.{number}").status_code == 200
        )
    refused = sign_up(client, "TARGET@example.org", REMOTE_ADDR="10.0.0.99")
    assert refused.status_code == 429
    assert PendingSignup.objects.count() == 2


def test_the_sign_up_page_offers_every_newsletter_of_the_edition(client, magazine, daily):
    soup = page_soup(client, "/en/newsletters/")
    labels = [" ".join(label.get_text().split()) for label in soup.select(".signup__choices label")]
    assert labels[0].endswith("daily")
    assert "Politics weekly" in labels and "South America weekly" in labels


def test_a_second_sign_up_adds_newsletters_once_confirmed(
    client, magazine, daily, politics_weekly, mail_server, django_capture_on_commit_callbacks
):
    for choice in ("daily", str(magazine.politics.pk)):
        with django_capture_on_commit_callbacks(execute=True):
            sign_up(client, "reader@example.org", choice)
        client.post(link_to(mail_server.to("reader@example.org")[-1], "/confirm/"))
    reader = Subscriber.objects.get()
    assert {s.newsletter for s in reader.subscriptions.all()} == {daily, politics_weekly}


def test_the_spanish_edition_signs_up_in_spanish(
    client, spanish, mail_server, django_capture_on_commit_callbacks
):
    soup = page_soup(client, "/es/")
    form = signup_form(soup)
    assert form["action"] == "/es/newsletters/"
    assert "Reciba nuestros boletines" in soup.get_text()
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, "lectora@example.org", language="es")
    assert response.status_code == 200 and "Revise su correo" in response.content.decode()
    message = mail_server.only("lectora@example.org")
    assert message["Subject"].startswith("Confirme su suscripción")
    confirm = link_to(message, "/confirm/")
    assert confirm.startswith("/es/newsletters/")
    client.post(confirm)
    reader = Subscriber.objects.get()
    assert reader.language == "es"
    assert [s.newsletter.locale.language_code for s in reader.subscriptions.all()] == ["es"]
    assert reader.subscriptions.get().newsletter.title.endswith("el diario")
