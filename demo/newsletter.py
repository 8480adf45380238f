"""The demo magazine's newsletters: each edition's daily and the sections' weeklies, and a
draft issue of the English daily with the newest stories, ready to preview and send a test."""

from django.utils.translation import override
from wagtail.models import Locale

from news import listings
from newsletters import catalogue
from newsletters.models import NewsletterIssue

DRAFT_ARTICLES = 5
INTRO = (
    "<p>Good evening. Tonight’s letter gathers the stories our correspondents filed today; "
    "reply to tell us what we missed.</p>"
)


def load() -> bool:
    """Returns whether the draft issue was made (not when one exists already)."""
    catalogue.set_up()
    daily = catalogue.daily(Locale.objects.get(language_code="en"))
    if daily.issues.exists():
        return False
    with override("en"):
        newest = list(listings.articles()[:DRAFT_ARTICLES])
    NewsletterIssue.objects.create(
        newsletter=daily,
        subject=f"{daily.title}: {newest[0].title}" if newest else daily.title,
        intro=INTRO,
        articles=[("article", article) for article in newest],
    )
    return True
