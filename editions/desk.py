"""What the desk says of each page's translations: its language, and whether its translation
is missing, being written, out of date or up to date.

Out of date means the other edition's page was last published before this edition's source
was: publishing a translation says it has caught up with the source as it then stood. (Wagtail
keeps no record of which source revision a copy came from; the publication times are.)
"""

from django.conf import settings
from django.db.models import Case, Exists, F, OuterRef, Q, QuerySet, Subquery, Value, When
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
    """`pages` annotated with `desk_translation`, one of LABELS: the state of the translation
    between the default-language page and the other edition's, whichever of the two `pages`
    holds. Worked out in the database, so that the desk filters on it too."""
    others = Page.objects.filter(translation_key=OuterRef("translation_key")).exclude(
        locale=OuterRef("locale")
    )
    source_first = Q(locale__language_code=settings.LANGUAGE_CODE)
    behind = (source_first & Q(desk_other_published_at__lt=F("last_published_at"))) | (
        ~source_first & Q(last_published_at__lt=F("desk_other_published_at"))
    )
    return (
        pages.select_related("locale")
        .annotate(
            desk_other_exists=Exists(others),
            desk_other_live=Exists(others.filter(live=True)),
            desk_other_published_at=Subquery(
                others.filter(live=True).values("last_published_at")[:1]
            ),
        )
        .annotate(
            desk_translation=Case(
                When(desk_other_exists=False, then=Value(MISSING)),
                When(desk_other_live=False, then=Value(DRAFT)),
                When(behind, then=Value(OUT_OF_DATE)),
                default=Value(UP_TO_DATE),
            )
        )
    )


def other_language_names(page) -> str:
    """The other editions' languages, for the column's heading of a row ("Español")."""
    return ", ".join(
        languages.name(code) for code in languages.codes() if code != page.locale.language_code
    )
