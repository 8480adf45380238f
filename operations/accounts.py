"""Accounts made at set-up: the first administrator and the demo's writer and editor."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


def create_account(
    username: str, *, group: str | None = None, superuser: bool = False
) -> str | None:
    """Make the account with a fresh random password and return it; None if it already exists.

    The password is shown once by the caller and stored only as a hash.
    """
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return None
    password = secrets.token_urlsafe(12)
    if superuser:
        user = User.objects.create_superuser(username=username, email="", password=password)
    else:
        user = User.objects.create_user(username=username, email="", password=password)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return password
