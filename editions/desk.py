"""What the desk says of each page's translations: its language, and whether its translation
is missing, being written, out of date or up to date.

Out of date means the other edition's page was last published before this edition's source
was: publishing a translation says it has caught up with the source as it then stood. (Wagtail
keeps no record of which source revision a copy came from; the publication times are.)
"""

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from . import languages

MISSING, DRAFT, OUT_OF_DATE, UP_TO_DATE = "missing", "draft", "out-of-date", "up-to-date"
LABELS = {
    MISSING: _("Missing"),
    DRAFT: _("Not published yet"),
    OUT_OF_DATE: _("Out of date"),
    UP_TO_DATE: _("Up to date"),
}


def with_translation_state(pages: QuerySet) -> QuerySet:
    """`pages` annotated with `desk_language` and what the desk needs to name the state of
    their translation: the default-language page's against the other edition's, whichever of
    the two `pages` holds."""
    others = Page.objects.filter(translation_key=OuterRef("translation_key")).exclude(
        locale=OuterRef("locale")
    )
    return pages.select_related("locale").annotate(
        desk_other_exists=Exists(others),
        desk_other_live=Exists(others.filter(live=True)),
        desk_other_published_at=Subquery(others.filter(live=True).values("last_published_at")[:1]),
    )


def state(page) -> str:
    """One of LABELS, for a page from `with_translation_state()`."""
    if not page.desk_other_exists:
        return MISSING
    if not page.desk_other_live:
        return DRAFT
    source_first = page.locale.language_code == settings.LANGUAGE_CODE
    source, translation = (
        (page.last_published_at, page.desk_other_published_at)
        if source_first
        else (page.desk_other_published_at, page.last_published_at)
    )
    if source and translation and translation < source:
        return OUT_OF_DATE
    return UP_TO_DATE


def other_language_names(page) -> str:
    """The other editions' languages, for the column's heading of a row ("Español")."""
    return ", ".join(
        languages.name(code) for code in languages.codes() if code != page.locale.language_code
    )


def with_state(pages: QuerySet, wanted: str) -> QuerySet:
    """`pages` from `with_translation_state()` narrowed to one of LABELS, in the database."""
    source_first = Q(locale__language_code=settings.LANGUAGE_CODE)
    behind = Q(desk_other_live=True) & (
        (source_first & Q(desk_other_published_at__lt=F("last_published_at")))
        | (~source_first & Q(last_published_at__lt=F("desk_other_published_at")))
    )
    return {
        MISSING: pages.filter(desk_other_exists=False),
        DRAFT: pages.filter(desk_other_exists=True, desk_other_live=False),
        OUT_OF_DATE: pages.filter(behind),
        UP_TO_DATE: pages.filter(Q(desk_other_live=True) & ~behind),
    }[wanted]
