from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home"

    def ready(self) -> None:
        from django.db.models.signals import post_save
        from wagtail.images import get_image_model

        from caching import freshness

        from . import crops
        from .models import MagazineSettings

        # The name, logo and links show on every page; the logo's crops are made at once.
        freshness.connect_site_wide(MagazineSettings)
        post_save.connect(
            crops.prepare_for_settings, sender=MagazineSettings, dispatch_uid="home_crops"
        )
        post_save.connect(
            crops.prepare_where_logo, sender=get_image_model(), dispatch_uid="home_crops_image"
        )
