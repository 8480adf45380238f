"""Which newsletters there are: each edition's daily, and a weekly for each of its sections,
made as sections are published and named in the edition's language. And what an issue of each
holds by default: the day's articles, or the section's week."""

from datetime import timedelta

from django.db.models import Q, QuerySet
from django.db.models.signals import post_save
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Locale
from wagtail.signals import page_published

from core import site_settings
from news import listings
from news.models import ArticlePage, NewsIndexPage

from .models import Newsletter

DAILY_HOURS = 24
WEEKLY_DAYS = 7
DEFAULT_ARTICLES = 20


def offered(locale_id: int | None = None) -> QuerySet[Newsletter]:
    """The newsletters readers may take: the dailies, and the weeklies of live sections."""
    found = Newsletter.objects.filter(
        Q(kind=Newsletter.DAILY) | Q(section__live=True)
    ).select_related("locale")
    return found if locale_id is None else found.filter(locale_id=locale_id)


def offered_for(locale: Locale, section_ids=()) -> list[Newsletter]:
    """The edition's newsletters, after making any missing that a form names: its daily, and
    the weeklies of these sections if they are live sections of the edition."""
    daily(locale)
    have = set(offered(locale.pk).values_list("section_id", flat=True))
    wanted = [int(pk) for pk in section_ids if int(pk) not in have]
    if wanted:
        for section in NewsIndexPage.objects.live().filter(
            pk__in=wanted, locale=locale, depth__gt=3
        ):
            weekly(section)
    return list(offered(locale.pk).order_by("kind", "section__path"))


def is_section(page) -> bool:
    """Sections are the news indexes below an edition's News (which lists every article)."""
    return isinstance(page, NewsIndexPage) and page.depth > 3


def magazine_name() -> str:
    """The magazine's name, read without making its settings (as for_site would)."""
    model = site_settings.get_settings_model()
    name = model.objects.filter(site__is_default_site=True).values_list("name", flat=True).first()
    return name or model._meta.get_field("name").get_default()


def daily(locale: Locale) -> Newsletter:
    """The edition's daily, made on first need."""
    with translation.override(locale.language_code):
        title = gettext("%(magazine)s daily") % {"magazine": magazine_name()}
    return _titled(
        *Newsletter.objects.get_or_create(
            kind=Newsletter.DAILY, locale=locale, defaults={"title": title}
        ),
        title,
    )


def _titled(newsletter: Newsletter, made: bool, title: str) -> Newsletter:
    """The newsletter, renamed if its magazine's or section's name has changed."""
    if not made and newsletter.title != title:
        newsletter.title = title
        newsletter.save(update_fields=["title"])
    return newsletter


def weekly(section: NewsIndexPage) -> Newsletter:
    """The section's weekly, made on first need; its title follows the section's."""
    with translation.override(section.locale.language_code):
        title = gettext("%(section)s weekly") % {"section": section.title}
    return _titled(
        *Newsletter.objects.get_or_create(
            section=section,
            defaults={"kind": Newsletter.WEEKLY, "locale_id": section.locale_id, "title": title},
        ),
        title,
    )


def set_up() -> None:
    """Every edition's daily and every live section's weekly, made when first needed: the
    editors' choice of newsletter, the demo. (Readers' forms make theirs: offered_for.)"""
    for locale in Locale.objects.all():
        daily(locale)
    for section in NewsIndexPage.objects.live().filter(depth__gt=3).select_related("locale"):
        weekly(section)


def section_published(sender, instance, **kwargs) -> None:
    if is_section(instance):
        weekly(instance)


def renamed(sender, raw=False, **kwargs) -> None:
    # Not while a backup loads (raw): its own newsletters follow, and a daily made now would
    # take their place.
    if not raw:
        set_up()


def connect_signals() -> None:
    page_published.connect(section_published, dispatch_uid="newsletters-section-published")
    # The dailies are named after the magazine.
    post_save.connect(
        renamed, sender=site_settings.get_settings_model(), dispatch_uid="newsletters-renamed"
    )


def default_articles(newsletter: Newsletter, now=None) -> list[ArticlePage]:
    """What an issue holds until the editor changes it: the live articles of the last day
    (the daily) or of the section's last week, newest first."""
    now = now or timezone.now()
    with translation.override(newsletter.locale.language_code):
        if newsletter.is_daily:
            found = listings.articles().filter(display_date__gte=now - timedelta(hours=DAILY_HOURS))
        elif newsletter.section is not None:
            found = listings.section_articles(newsletter.section.specific).filter(
                display_date__gte=now - timedelta(days=WEEKLY_DAYS)
            )
        else:
            return []
        return list(found.filter(display_date__lte=now)[:DEFAULT_ARTICLES])
