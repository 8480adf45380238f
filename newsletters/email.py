"""An issue as email: HTML with its CSS inlined (mail clients drop <style> or parts of it) and
a plain-text alternative, both with absolute links. Rendered once per issue; each recipient's
own links are put in by `personal` (newsletters/messages.py), so sending to 100,000 readers
renders the templates once.

Knows no model of this app by name, so that the models may use it for their preview."""

import re
from dataclasses import dataclass
from html import unescape

import css_inline
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from core import site_settings
from news import cards, listings

UNSUBSCRIBE = "{{unsubscribe_url}}"
MANAGE = "{{manage_url}}"
HERO = cards.PICTURES["standard"].specs[-1]  # a card crop publishing already made: JPEG 800x533
INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    html: str
    text: str

    def personal(self, unsubscribe_url: str, manage_url: str) -> tuple[str, str]:
        """The HTML and text with one reader's links."""
        return tuple(
            body.replace(UNSUBSCRIBE, unsubscribe_url).replace(MANAGE, manage_url)
            for body in (self.html, self.text)
        )


def site_root() -> str:
    """The public site's address (the default site's), for links in emails."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else ""


def absolute_html(html: str, root: str) -> str:
    return _RELATIVE.sub(lambda match: f"{match.group(1)}{root}/", html)


def inline(html: str, root: str) -> str:
    return absolute_html(INLINER.inline(html), root)


def rich_text_as_text(html: str) -> str:
    """Rich text for the plain-text alternative: a blank line between paragraphs and items,
    a link's address after its words."""
    html = re.sub(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"\2 (\1)", html, flags=re.S)
    html = re.sub(r"</(p|li|h\d)>", "\n\n", html)
    html = re.sub(r"<li[^>]*>", "- ", html)
    return re.sub(r"\n{3,}", "\n\n", unescape(strip_tags(html))).strip()


def issue_articles(article_ids: list[int]) -> list:
    """The articles an issue names that readers may still read (live, public, of the
    issue's edition), in the issue's order."""
    found = {card.pk: card for card in listings.articles("standard").filter(pk__in=article_ids)}
    return listings.with_sections([found[pk] for pk in article_ids if pk in found])


def render_issue(issue) -> RenderedEmail:
    """The issue's email, with placeholders for each reader's links."""
    root = site_root()
    language = issue.newsletter.locale.language_code
    with translation.override(language):
        magazine = site_settings.get_settings_model().for_site(
            Site.objects.filter(is_default_site=True).first()
        )
        intro = absolute_html(expand_db_html(issue.intro), root)
        items = [
            {
                "article": article,
                "url": article.get_full_url(),
                "hero": article.hero_image.get_rendition(HERO) if article.hero_image else None,
            }
            for article in issue_articles(issue.article_ids())
        ]
        context = {
            "issue": issue,
            "magazine": magazine,
            "logo": magazine.logo.get_rendition("max-400x80|format-png") if magazine.logo else None,
            "root": root,
            "intro": intro,
            "intro_text": rich_text_as_text(intro),
            "items": items,
            "language": language,
            "unsubscribe_url": UNSUBSCRIBE,
            "manage_url": MANAGE,
        }
        html = render_to_string("newsletters/email/issue.html", context)
        text = render_to_string("newsletters/email/issue.txt", context)
    return RenderedEmail(subject=issue.subject, html=inline(html, root), text=text)


def render_confirmation(context: dict, language: str) -> RenderedEmail:
    """The email that asks a reader to confirm a sign-up."""
    root = site_root()
    with translation.override(language):
        magazine = site_settings.get_settings_model().for_site(
            Site.objects.filter(is_default_site=True).first()
        )
        context = {**context, "magazine": magazine, "root": root, "language": language}
        html = render_to_string("newsletters/email/confirm.html", context)
        text = render_to_string("newsletters/email/confirm.txt", context)
        subject = translation.gettext("Confirm your subscription to %(magazine)s") % {
            "magazine": magazine.name
        }
    return RenderedEmail(subject=subject, html=inline(html, root), text=text)
