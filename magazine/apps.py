from django.apps import AppConfig


class MagazineConfig(AppConfig):
    """The project itself, last in INSTALLED_APPS: what must change after every app is ready."""

    name = "magazine"
    verbose_name = "Magazine"

    def ready(self) -> None:
        from news.file_cleanup import take_over_from_wagtail

        take_over_from_wagtail()
