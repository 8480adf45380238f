from django.apps import AppConfig


class ImagesConfig(AppConfig):
    """The magazine's image model (credit, default caption, decorative) and its crops' files."""

    name = "images"
    verbose_name = "Images"

    def ready(self) -> None:
        from . import file_cleanup

        # After wagtail.images's ready() (INSTALLED_APPS puts this app after it): Wagtail's
        # handler would delete a crop's file by name even when it has been made again.
        file_cleanup.take_over_from_wagtail()
