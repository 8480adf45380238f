from django.apps import AppConfig


class MagazineConfig(AppConfig):
    """The project itself, last in INSTALLED_APPS: what must change after every app is ready."""

    name = "magazine"
    verbose_name = "Magazine"

    def ready(self) -> None:
        from news import file_cleanup

        from . import freshness

        file_cleanup.take_over_from_wagtail()
        freshness.take_over_from_wagtail()
