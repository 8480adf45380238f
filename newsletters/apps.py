from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    """Newsletters by email: readers' sign-ups with double opt-in, their subscriptions and
    unsubscribes, the issues editors compose, and their sending in the background."""

    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self) -> None:
        from . import catalogue

        catalogue.connect_signals()
