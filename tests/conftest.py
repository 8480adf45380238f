import pytest
from django.contrib.auth.models import Group, User

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
