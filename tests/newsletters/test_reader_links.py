"""The links in every newsletter: the subscriber's own page and unsubscribing, without
signing in, and never for anyone else."""

import pytest
from django.test import Client

from newsletters import links
from newsletters.models import Subscriber
from tests.builders import subscriber
from tests.helpers import parse

pytestmark = pytest.mark.django_db


def manage_path(reader) -> str:
    return f"/en/newsletters/subscription/{links.subscriber_token(reader.key)}/"


def unsubscribe_path(reader, newsletter) -> str:
    return f"/en/newsletters/unsubscribe/{links.subscriber_token(reader.key)}/{newsletter.pk}/"


def active(reader) -> set:
    return {s.newsletter for s in reader.subscriptions.filter(unsubscribed_at=None)}


def test_the_subscriber_page_changes_newsletters_without_signing_in(client, daily, politics_weekly):
    reader = subscriber("reader@example.org", daily)
    page = client.get(manage_path(reader))
    assert page.status_code == 200
    assert page["Referrer-Policy"] == "no-referrer" and "no-store" in page["Cache-Control"]
    ticked = [box["value"] for box in parse(page).select("input[name=newsletters][checked]")]
    assert ticked == [str(daily.pk)]

    saved = client.post(manage_path(reader), {"newsletters": [str(politics_weekly.pk)]})
    assert saved.status_code == 200
    assert active(reader) == {politics_weekly}
    assert reader.subscriptions.get(newsletter=daily).unsubscribed_at is not None

    client.post(manage_path(reader), {"leave": "1"})
    reader.refresh_from_db()
    assert active(reader) == set() and reader.unsubscribed_at is not None


def test_one_click_unsubscribe_needs_no_cookie_and_leaves_the_other_newsletters(
    daily, politics_weekly
):
    reader = subscriber("reader@example.org", daily, politics_weekly)
    # A mail client's POST (RFC 8058): no cookie, no CSRF token, the body it always sends.
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        unsubscribe_path(reader, daily),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert active(reader) == {politics_weekly}
    reader.refresh_from_db()
    assert reader.unsubscribed_at is None
    # Again: still fine, nothing else changes.
    assert mail_client.post(unsubscribe_path(reader, daily)).status_code == 200
    assert active(reader) == {politics_weekly}


def test_opening_the_unsubscribe_link_asks_first(client, daily):
    reader = subscriber("reader@example.org", daily)
    page = client.get(unsubscribe_path(reader, daily))
    assert page.status_code == 200 and active(reader) == {daily}
    assert parse(page).select_one("form[method=post] button")


def test_a_changed_link_or_one_made_up_for_someone_else_changes_nothing(client, daily):
    reader = subscriber("reader@example.org", daily)
    other = subscriber("other@example.org", daily)
    token = links.subscriber_token(reader.key)
    forged = f"{other.key}.{token.split('.', 1)[1]}"  # another's key, the reader's signature
    for path in (
        f"/en/newsletters/unsubscribe/{forged}/{daily.pk}/",
        f"/en/newsletters/subscription/{forged}/",
        f"/en/newsletters/unsubscribe/{token[:-2]}/{daily.pk}/",
        f"/en/newsletters/unsubscribe/{other.key}/{daily.pk}/",
        "/en/newsletters/subscription/%0d%0aSet-Cookie:x=y/",
    ):
        response = client.post(path, {"leave": "1"})
        assert response.status_code == 400, path
        assert "not valid" in response.content.decode()
    assert active(reader) == {daily} and active(other) == {daily}


def test_a_link_of_an_erased_subscriber_says_so(client, daily):
    reader = subscriber("reader@example.org", daily)
    path = unsubscribe_path(reader, daily)
    Subscriber.objects.filter(pk=reader.pk).delete()
    response = client.post(path)
    assert response.status_code == 404 and "removed" in response.content.decode()


def test_unsubscribing_from_a_newsletter_one_never_had_changes_nothing(
    client, daily, politics_weekly
):
    reader = subscriber("reader@example.org", daily)
    assert client.get(unsubscribe_path(reader, politics_weekly)).status_code == 200
    client.post(unsubscribe_path(reader, politics_weekly))
    assert active(reader) == {daily}


def test_the_subscriber_page_refuses_newsletters_that_do_not_exist(client, daily):
    reader = subscriber("reader@example.org", daily)
    response = client.post(manage_path(reader), {"newsletters": ["999999"]})
    assert response.status_code == 400
    assert active(reader) == {daily}


@pytest.mark.parametrize("newsletter_id", ["0", "9" * 19, "9" * 40])
def test_a_huge_newsletter_id_in_an_unsubscribe_link_is_answered(client, daily, newsletter_id):
    reader = subscriber("reader@example.org", daily)
    path = f"/en/newsletters/unsubscribe/{links.subscriber_token(reader.key)}/{newsletter_id}/"
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 200
    assert active(reader) == {daily}
