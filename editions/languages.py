"""The editions' languages, as the rest of the code names them."""

from django.conf import settings
from wagtail.models import Locale

from core.language import active

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


def name(code: str) -> str:
    """The language's name in itself: what a switcher offers ("Español")."""
    return dict(settings.LANGUAGES).get(code, code)


def og_locale(code: str) -> str:
    return OG_LOCALES.get(code, code)


def locale_id(code: str | None = None) -> int | None:
    """The id of the Locale of `code` (the current edition's by default)."""
    code = code or active()
    if code not in _locale_ids:
        _read_locales()
    return _locale_ids.get(code)


def code_of(locale_pk: int | None) -> str | None:
    """The language code of the Locale `locale_pk`; None for none."""
    if locale_pk is not None and locale_pk not in _locale_ids.values():
        _read_locales()
    return next((code for code, pk in _locale_ids.items() if pk == locale_pk), None)


def _read_locales() -> None:
    _locale_ids.update(Locale.objects.values_list("language_code", "pk"))


def forget_locales(**kwargs) -> None:
    _locale_ids.clear()
