from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    """Newsletters by email: readers' sign-ups with double opt-in, their subscriptions and
    unsubscribes, the issues editors compose, and their sending in the background."""

    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from . import catalogue

        catalogue.connect_signals()
        # Each edition's daily and each section's weekly, once the tables exist.
        post_migrate.connect(catalogue.set_up_after_migrate, sender=self)
