"""The magazine's settings (its name, logo, links) for the apps below the one that defines
them: named by the MAGAZINE_SETTINGS_MODEL setting, as Wagtail names the image model with
WAGTAILIMAGES_IMAGE_MODEL, so that news can show them without importing home."""

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest


def get_settings_model():
    return apps.get_model(settings.MAGAZINE_SETTINGS_MODEL)


def for_request(request: HttpRequest):
    """The settings of the site `request` is for (Wagtail's BaseSiteSetting.for_request)."""
    return get_settings_model().for_request(request)
