import email
import email.policy
import os
import socket
import uuid

import pytest
from aiosmtpd.controller import Controller
from django.contrib.auth.models import Group, User
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

from tests import builders


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last. Each leaves an empty database behind (Django flushes after a
    transactional test), which other tests cannot run on; pytest-django sorts them last, but
    pytest's grouping of tests by session-scoped parameters (Playwright's browser) can move
    them back in front of others."""
    items.sort(key=lambda item: "live_server" in getattr(item, "fixturenames", ()))


@pytest.fixture
def magazine(db) -> builders.Magazine:
    return builders.Magazine()


@pytest.fixture
def spanish(magazine) -> builders.SpanishMagazine:
    return builders.SpanishMagazine(magazine)


def member_of(group: str, username: str | None = None) -> User:
    user = User.objects.create_user(username or group.lower(), password="correct horse battery")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def writer(db) -> User:
    return member_of("Writers", "writer")


@pytest.fixture
def editor(db) -> User:
    return member_of("Editors", "editor")


PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    """A CDN that notes what it is told to drop."""

    def purge(self, url) -> None:
        PURGED.append(url)


def page_cache_settings(backend: str, tmp_path=None) -> dict:
    """The page cache's settings on one of the backends the project configures: "redis"
    (production; REDIS_URL names the server), "file" (`make run`) or "locmem"."""
    if backend == "redis":
        return {
            "BACKEND": "caching.redis_cache.MagazineRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    if backend == "file":
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path / "pages"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": uuid.uuid4().hex,
    }


@pytest.fixture
def page_cache(settings):
    """The page cache on, in Redis when REDIS_URL names one (as CI's PostgreSQL run does and
    production has), else in local memory; each test's pages apart. A CDN that records what it
    is told to purge."""
    backend = "redis" if os.environ.get("REDIS_URL") else "locmem"
    settings.CACHES = {**settings.CACHES, "pages": page_cache_settings(backend)}
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.conftest.RecordingBackend"}}
    PURGED.clear()


@pytest.fixture
def newsroom(magazine, page_cache):
    """Andes stories by Ana, tagged Rivers; a Politics story by Ben, tagged Elections."""
    pictures = {}
    for day in range(1, 4):
        pictures[day] = builders.image(f"Andes {day}")
        builders.article(
            magazine.andes,
            f"Andes story {day}",
            [magazine.ana],
            days_ago=day,
            tags=("Rivers",),
            hero_image=pictures[day],
        )
    magazine.vote = builders.article(
        magazine.politics, "The vote", [magazine.ben], days_ago=2, tags=("Elections",)
    )
    magazine.andes_story = magazine.andes.get_children().live().specific().first()
    magazine.andes_picture = magazine.andes_story.hero_image
    return magazine


class Inbox:
    """What a real SMTP server (aiosmtpd, in this process) received: each message parsed, by
    recipient; addresses in `refused` are answered 550, as a server refuses a mailbox."""

    def __init__(self):
        self.messages: list = []
        self.refused: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        for recipient in envelope.rcpt_tos:
            self.messages.append((recipient, message))
        return "250 Message accepted"

    def to(self, address: str) -> list:
        return [message for recipient, message in self.messages if recipient == address]

    def only(self, address: str):
        """The one message `address` received."""
        found = self.to(address)
        assert len(found) == 1, (address, len(found))
        return found[0]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server(settings):
    """A real SMTP server for the test, which Django's SMTP backend sends to."""
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()
