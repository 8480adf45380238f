"""The editions' languages, as the rest of the code names them."""

from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

# Locale ids by language code, read once per process: search filters name a page's locale by
# id (Wagtail indexes `locale` as a filter field), and every list reads it. A locale added or
# removed clears it (EditionsConfig.ready).
_locale_ids: dict[str, int] = {}

# Open Graph names a locale with its territory: the magazine's English is British, its
# Spanish the one its Latin American and Spanish readers share (Facebook's es_LA/es_ES).
OG_LOCALES = {"en": "en_GB", "es": "es_ES"}


def codes() -> list[str]:
    """Every edition's language code, the default's first."""
    return [code for code, _name in settings.LANGUAGES]


def current() -> str:
    """The language of the edition being read (the address's prefix; the default outside)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    try:
        return translation.get_supported_language_variant(language)
    except LookupError:
        return settings.LANGUAGE_CODE


def name(code: str) -> str:
    """The language's name in itself: what a switcher offers ("Español")."""
    return dict(settings.LANGUAGES).get(code, code)


def og_locale(code: str) -> str:
    return OG_LOCALES.get(code, code)


def locale_id(code: str | None = None) -> int | None:
    """The id of the Locale of `code` (the current edition's by default)."""
    code = code or current()
    if code not in _locale_ids:
        _locale_ids.update(Locale.objects.values_list("language_code", "pk"))
    return _locale_ids.get(code)


def forget_locales(**kwargs) -> None:
    _locale_ids.clear()
