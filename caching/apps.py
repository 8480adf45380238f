from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"
    verbose_name = "Caching"

    def ready(self) -> None:
        from . import freshness

        freshness.connect()
        # After wagtail.contrib.frontend_cache's ready() (INSTALLED_APPS puts this app after
        # it): its purge on publish would repeat ours.
        freshness.take_over_from_wagtail()
