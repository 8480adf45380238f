"""Live coverage: a LivePage is an article whose story is a stream of short, timestamped
updates, posted one at a time while the story breaks.

A LivePage *is* an ArticlePage (Django's multi-table inheritance): every list of articles,
the rails, search, the feeds and the news sitemap take it as they take any article, with
its byline, hero and tags, and no list needed a change. What it adds is its status (live or
ended), its key points and its updates.

Updates are rows of their own (LiveUpdate), not part of the page's revisions: a reporter
posts one without publishing the page, two reporters posting at the same minute each add a
row, and neither overwrites the other. An update is public once posted; a correction keeps
the update's place and says when and what was corrected; a removed update is hidden from
readers and kept for the record.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.conf import settings
from django.db import models
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from caching import surrogate_keys

from . import embeds
from .blocks import LiveUpdateBodyBlock, images_loaded, shows_picture
from .models import ArticlePage

KEY_POINT_FEATURES = ["ul", "bold", "italic", "link"]


def _field_of(panel) -> str | None:
    return getattr(panel, "field_name", None)


class LivePage(RoutablePageMixin, ArticlePage):
    LIVE, ENDED = "live", "ended"

    status = models.CharField(
        max_length=10,
        choices=[(LIVE, gettext_lazy("Live")), (ENDED, gettext_lazy("Ended"))],
        default=LIVE,
        help_text="Readers' pages look for new updates while the coverage is live.",
    )
    ended_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the coverage was marked ended."
    )
    key_points = RichTextField(
        features=KEY_POINT_FEATURES,
        blank=True,
        help_text="A short list of what readers need to know now; keep it current.",
    )

    content_panels = [
        *(panel for panel in ArticlePage.content_panels if _field_of(panel) != "body"),
    ]
    content_panels.insert(
        3,
        MultiFieldPanel([FieldPanel("status"), FieldPanel("key_points")], heading="Live coverage"),
    )
    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("key_points"),
        index.SearchField("updates_text"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "news/live_page.html"
    main_template = "news/live_main.html"

    class Meta:
        verbose_name = "live coverage"
        verbose_name_plural = "live coverage pages"

    def save(self, *args, **kwargs):
        if self.status == self.ENDED and self.ended_at is None:
            self.ended_at = timezone.now()
        elif self.status == self.LIVE:
            self.ended_at = None
        return super().save(*args, **kwargs)

    @property
    def is_live(self) -> bool:
        return self.status == self.LIVE

    @property
    def coverage_started_at(self):
        return self.date

    def has_pictures(self) -> bool:
        return super().has_pictures() or any(
            shows_picture(update.body) for update in self.updates.shown()
        )

    def updates_text(self) -> str:
        """The updates' words, for search (indexed again as each one is posted)."""
        return "\n".join(update.text() for update in self.updates.shown())

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from . import live_fragments
        from .seo import live_meta

        context = super().get_context(request, *args, **kwargs)
        context["updates"] = live_fragments.updates(request, self)
        context["meta"] = live_meta(context["meta"], self, context["updates"]["items"])
        context["poll_seconds"] = live_fragments.poll_seconds()
        context["updates_url"] = self.get_url(request) + self.reverse_subpage("updates")
        context["feed_url"] = self.get_url(request) + self.reverse_subpage("feed")
        return context

    @path("updates/", name="updates")
    def updates_view(self, request: HttpRequest) -> JsonResponse:
        from . import live_fragments

        return live_fragments.updates_response(request, self)

    @path("feed/", name="feed")
    def feed_view(self, request: HttpRequest):
        from .feeds import LiveUpdatesFeed

        return LiveUpdatesFeed(self, request)(request)

    def touched_keys(self) -> set[str]:
        return {*super().touched_keys(), updates_key(self.pk)}

    def cdn_addresses(self):
        authors, paths = super().cdn_addresses()
        return authors, [*paths, self.updates_path()]

    def updates_path(self) -> str:
        """The updates' endpoint, from the site's root."""
        parts = self.get_url_parts()
        return parts[2] + self.reverse_subpage("updates") if parts else ""


def updates_key(page_id: int) -> str:
    """The surrogate key of a live page's updates: the page and its updates' endpoint."""
    return surrogate_keys.listing("live", page_id)


@contextmanager
def ready_to_show(updates: list[LiveUpdate]):
    """Within it, `updates` (loaded with their authors) render without a query each: their
    pictures and stored embeds are loaded for all at once, and their authors noted as shown."""
    surrogate_keys.note_pages({update.author_id for update in updates if update.author_id})
    bodies = [update.body for update in updates]
    with images_loaded(bodies):
        embeds.load_stored([value for body in bodies for value in embeds.embed_values(body)])
        yield


class LiveUpdateQuerySet(models.QuerySet):
    def shown(self) -> LiveUpdateQuerySet:
        """What readers see: posted and not removed, pinned first, then newest first."""
        return self.filter(removed_at=None).order_by("-pinned", "-posted_at", "-pk")


class LiveUpdate(models.Model):
    page = models.ForeignKey(LivePage, related_name="updates", on_delete=models.CASCADE)
    posted_at = models.DateTimeField(
        default=timezone.now,
        blank=True,
        db_index=True,
        help_text="The time readers see. Leave it blank to post now; set it to backdate.",
    )
    # Kept if their author's page is deleted: the update was published, and stays so.
    author = models.ForeignKey(
        "people.AuthorPage", null=True, related_name="live_updates", on_delete=models.SET_NULL
    )
    title = models.CharField(
        max_length=160, blank=True, help_text="Optional: a few words readers can scan."
    )
    body = StreamField(LiveUpdateBodyBlock())
    pinned = models.BooleanField(
        default=False, help_text="Pinned updates stay at the top, above the newest."
    )
    corrected_at = models.DateTimeField(null=True, blank=True, editable=False)
    correction = models.CharField(
        max_length=300,
        blank=True,
        help_text="Required to change a posted update: what was corrected, shown to readers, "
        'e.g. "An earlier version gave the wrong turnout."',
    )
    removed_at = models.DateTimeField(null=True, blank=True, editable=False)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(auto_now=True)

    objects = LiveUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = "live update"
        ordering = ["-posted_at", "-pk"]
        indexes = [models.Index(fields=["page", "removed_at", "posted_at"])]

    def __str__(self) -> str:
        words = self.title or self.text()[:60]
        return f"{timezone.localtime(self.posted_at):%H:%M} {words}".strip()

    def text(self) -> str:
        words = [self.title] + [
            strip_tags(text)
            for block in self.body
            for text in block.block.get_searchable_content(block.value)
        ]
        return " ".join(" ".join(words).split())

    @cached_property
    def anchor(self) -> str:
        return f"update-{self.pk}"

    @property
    def version(self) -> str:
        """Changes when readers' copy of the update is out of date."""
        return str(int(self.changed_at.timestamp() * 1000)) if self.changed_at else ""
