"""The signed links of the newsletters' emails: a sign-up's confirmation (expires) and a
subscriber's own page and unsubscribe link (never expire: last year's issue must still let its
reader leave). A link carries a random key, never the address, and a signature that only this
site can make: a link changed by hand, or made up for someone else, is refused."""

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletters.confirm"
SUBSCRIBER_SALT = "newsletters.subscriber"


class LinkRefused(Exception):
    """A link that cannot be used; `expired` tells an old link from a forged one."""

    def __init__(self, expired: bool = False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def confirmation_token(key: str) -> str:
    return signing.TimestampSigner(salt=CONFIRM_SALT, sep=".").sign(key)


def confirmation_key(token: str, check_age: bool = True) -> str:
    """The sign-up's key; `check_age` False for withdrawing one, which an old link may do."""
    max_age = settings.NEWSLETTER_CONFIRM_HOURS * 3600 if check_age else None
    try:
        return signing.TimestampSigner(salt=CONFIRM_SALT, sep=".").unsign(token, max_age=max_age)
    except signing.SignatureExpired as expired:
        raise LinkRefused(expired=True) from expired
    except signing.BadSignature as bad:
        raise LinkRefused() from bad


def subscriber_token(key: str) -> str:
    return signing.Signer(salt=SUBSCRIBER_SALT, sep=".").sign(key)


def subscriber_key(token: str) -> str:
    try:
        return signing.Signer(salt=SUBSCRIBER_SALT, sep=".").unsign(token)
    except signing.BadSignature as bad:
        raise LinkRefused() from bad
