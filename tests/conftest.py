import pytest
from django.contrib.auth.models import Group, User

from tests import builders


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
