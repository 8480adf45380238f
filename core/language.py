"""The language being read, as the editions name it ("en", "es"): the active language (set
from the address's prefix by editions/routing.py), else the default. One spelling for every
layer: surrogate keys, fragments, search configurations, structured data, listings."""

from django.conf import settings
from django.utils import translation


def active() -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(language)
    except LookupError:
        return settings.LANGUAGE_CODE
