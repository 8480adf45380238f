from django.apps import AppConfig


class EditionsConfig(AppConfig):
    """The magazine's editions, one per language (/en/, /es/): which edition a request reads,
    the links between a page and its translations, and the translation desk's bookkeeping."""

    name = "editions"
    verbose_name = "Editions"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate, post_save
        from wagtail.models import Locale

        from .languages import forget_locales

        post_save.connect(forget_locales, sender=Locale, dispatch_uid="editions-locale-saved")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="editions-locale-gone")
        # A test's flush (and a migration) can give the locales new ids without a signal each.
        post_migrate.connect(forget_locales, dispatch_uid="editions-locales-migrated")
