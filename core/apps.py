from django.apps import AppConfig


class CoreConfig(AppConfig):
    """What every layer above shares: SEO, pagination, text, what readers may see, image crops
    and the `{% lean_picture %}` tag. It imports no app of ours."""

    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from . import choosers

        choosers.tolerate_values_that_are_no_id()
