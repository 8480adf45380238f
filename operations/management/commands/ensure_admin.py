"""Create a local administrator account the first time the site is set up, and only then."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from operations.accounts import create_account


class Command(BaseCommand):
    help = "Create a superuser with a random password if there is no superuser yet."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options):
        if get_user_model().objects.filter(is_superuser=True).exists():
            self.stdout.write("An administrator account already exists; no new one was made.")
            return
        password = create_account(username, superuser=True)
        self.stdout.write(
            self.style.SUCCESS(
                "Created an administrator account. It is shown this once; keep it.\n"
                f"  username: {username}\n  password: {password}"
            )
        )
