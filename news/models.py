"""Sections (NewsIndexPage) and articles (ArticlePage), with their authors and tags."""

from __future__ import annotations

from operator import attrgetter

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    TitleFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from caching import surrogate_keys
from core.pagination import cached_paths
from core.text import has_text
from editions.pages import TranslatedPage

from . import embeds
from .blocks import ArticleBodyBlock, reading_minutes, shows_picture
from .choosers import ArticleChooser, AuthorChooser
from .forms import ArticlePageForm

__all__ = [
    "ArticleAuthor",
    "ArticleNote",
    "ArticlePage",
    "ArticlePageTag",
    "LivePage",
    "LiveUpdate",
    "NewsIndexPage",
    "RelatedArticle",
]

# A section may hold subsections, and those none: News > South America > Andes at most.
MAX_SECTION_NESTING = 3


def section_feed_paths(sections) -> list[str]:
    return [
        reverse(name, args=[section.pk])
        for section in sections
        for name in ("section_feed_rss", "section_feed_atom")
    ]


class NewsIndexPage(TranslatedPage, Page):
    """A section of the magazine; the top one ("News") lists every article."""

    intro = models.TextField(
        blank=True, help_text="One or two sentences shown under the section name."
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "news.NewsIndexPage"]
    subpage_types = ["news.NewsIndexPage", "news.ArticlePage"]

    class Meta:
        verbose_name = "section"

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        if not super().can_create_at(parent):
            return False
        sections_above = parent.get_ancestors(inclusive=True).type(NewsIndexPage).count()
        return sections_above < MAX_SECTION_NESTING

    def get_cached_paths(self) -> list[str]:
        from . import listings

        return cached_paths(listings.section_articles(self))

    def cdn_addresses(self) -> tuple[list[Page], list[str]]:
        """Where else a CDN shows a change of this section (caching/freshness.py): its feeds
        and those of the sections above it."""
        return [], section_feed_paths(self.get_ancestors(inclusive=True).type(NewsIndexPage))

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from . import fragments

        context = super().get_context(request, *args, **kwargs)
        context["section"] = fragments.section_listing(request, self)
        context["meta"] = context["section"]["meta"]
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticleAuthor(Orderable):
    """One name in an article's byline; the first is the primary author."""

    page = ParentalKey("news.ArticlePage", related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        "people.AuthorPage", related_name="bylines", on_delete=models.CASCADE
    )

    panels = [FieldPanel("author", widget=AuthorChooser)]

    class Meta(Orderable.Meta):
        verbose_name = "author"
        constraints = [
            models.UniqueConstraint(fields=["page", "author"], name="unique_author_per_article")
        ]


def author_model() -> type[Page]:
    """The page type of authors, as the byline names it: `people` sits a layer above `news`
    (docs/architecture.md), so news knows authors only through this relation."""
    return ArticleAuthor._meta.get_field("author").related_model


class RelatedArticle(Orderable):
    """An article an editor links from another, shown under "Related coverage"."""

    page = ParentalKey("news.ArticlePage", related_name="related_links", on_delete=models.CASCADE)
    article = models.ForeignKey("news.ArticlePage", related_name="+", on_delete=models.CASCADE)

    panels = [FieldPanel("article", widget=ArticleChooser)]

    class Meta(Orderable.Meta):
        verbose_name = "related article"


class ArticleNote(Orderable):
    """A dated correction or update, shown at the top of the article."""

    CORRECTION, UPDATE = "correction", "update"

    page = ParentalKey("news.ArticlePage", related_name="notes", on_delete=models.CASCADE)
    kind = models.CharField(
        max_length=20,
        choices=[(CORRECTION, "Correction"), (UPDATE, "Update")],
        default=CORRECTION,
    )
    date = models.DateTimeField(default=timezone.now)
    text = RichTextField(
        features=["bold", "italic", "link"],
        help_text='e.g. "An earlier version of this article misstated the length of the line."',
    )

    panels = [FieldPanel("kind"), FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "correction or update"

    def clean(self) -> None:
        super().clean()
        if not has_text(self.text):
            raise ValidationError({"text": "Write the correction or update."})


class ArticlePage(TranslatedPage, Page):
    standfirst = models.TextField(
        max_length=300,
        help_text="The one-sentence summary under the headline, also used on cards and in search.",
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The picture at the top of the article and on its cards.",
    )
    hero_caption = models.CharField(
        max_length=500, blank=True, help_text="Leave blank to use the image's default caption."
    )
    hero_credit = models.CharField(
        max_length=255, blank=True, help_text="Leave blank to use the image's credit."
    )
    display_date = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="The date readers see. Leave blank for the date of first publication.",
    )
    dateline = models.CharField(
        max_length=80,
        blank=True,
        help_text='Where the story was filed, e.g. "WASHINGTON, D.C."; opens the first paragraph.',
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    body = StreamField(ArticleBodyBlock())
    reading_minutes = models.PositiveSmallIntegerField(
        default=1, editable=False, help_text="Minutes to read the body, counted on save."
    )

    content_panels = [
        TitleFieldPanel(
            "title",
            heading="Headline",  # the field's label, read out by screen readers
            placeholder="Headline*",
            help_text="The headline, as readers see it on the article and on its cards.",
        ),
        FieldPanel("standfirst", widget=forms.Textarea(attrs={"rows": 2})),
        MultipleChooserPanel(
            "article_authors", chooser_field_name="author", label="Authors", min_num=1
        ),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel(
                    "hero_caption",
                    heading="Caption here",
                    help_text="Shown under the picture in this article only, instead of the "
                    "picture's default caption (set in Images). Leave blank to use that one.",
                ),
                FieldPanel(
                    "hero_credit",
                    heading="Credit here",
                    help_text="In this article only, instead of the picture's credit (set in "
                    "Images). Leave blank to use that one.",
                ),
            ],
            heading="Hero image",
        ),
        FieldPanel("dateline"),
        FieldPanel("body"),
        InlinePanel(
            "notes",
            label="Corrections and updates",
            heading="Corrections and updates",
            help_text="Dated notes shown at the top of the article. The newest one's date "
            'appears as "Updated" next to the publication date.',
        ),
        FieldPanel("tags"),
        MultipleChooserPanel(
            "related_links",
            chooser_field_name="article",
            label="Related coverage",
            heading="Related coverage",
            help_text="Articles to read next, in order. Fewer than three are topped up "
            "automatically with the most relevant articles.",
            max_num=6,
        ),
    ]
    settings_panels = [FieldPanel("display_date"), *Page.settings_panels]

    # The headline is Page's "title" field, boosted. Names of the section, tags and authors are
    # indexed too, so that typing an author's name finds their articles.
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=1.5),
        index.SearchField("body"),
        index.SearchField("tag_names"),
        index.SearchField("section_name"),
        index.SearchField("author_names"),
        index.FilterField("display_date"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []
    base_form_class = ArticlePageForm
    # Its own content, up to its share links (a fragment: news/fragments.py).
    main_template = "news/article_main.html"

    class Meta:
        verbose_name = "article"

    def save_revision(self, *args, **kwargs):
        revision = super().save_revision(*args, **kwargs)
        embeds.queue_lookups(self.body)  # in the background, never for a reader
        return revision

    def save(self, *args, **kwargs):
        # Listings sort on display_date, so a published article always has one.
        if self.live and self.display_date is None:
            self.display_date = self.first_published_at or timezone.now()
        # Cards show it, and listings do not load bodies: so it is counted here, once.
        self.reading_minutes = reading_minutes(self.body)
        return super().save(*args, **kwargs)

    @property
    def date(self):
        return self.display_date or self.first_published_at or self.latest_revision_created_at

    @property
    def hero_caption_text(self) -> str:
        return self.hero_caption or (self.hero_image.default_caption if self.hero_image else "")

    @property
    def hero_credit_text(self) -> str:
        return self.hero_credit or (self.hero_image.credit if self.hero_image else "")

    @cached_property
    def authors(self) -> list[Page]:
        """The byline in order; uses prefetched links when a listing has loaded them."""
        return [link.author for link in self.article_authors.all()]

    @cached_property
    def section(self) -> Page | None:
        return self.get_parent().specific

    @classmethod
    def get_indexed_objects(cls):
        """Articles loaded for indexing in bulk: section names, tags and bylines come along."""
        parent_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        return (
            super()
            .get_indexed_objects()
            .annotate(
                indexed_section_name=Subquery(
                    Page.objects.filter(path=parent_path).values("title")[:1]
                )
            )
            .prefetch_related("tags", "article_authors__author")
        )

    def section_name(self) -> str:
        return getattr(self, "indexed_section_name", None) or self.get_parent().title

    def tag_names(self) -> str:
        return " ".join(tag.name for tag in self.tags.all())

    def author_names(self) -> str:
        return " ".join(link.author.title for link in self.article_authors.all())

    def touched_keys(self) -> set[str]:
        """What a change of this article touches: itself (every page showing it carries its
        key) and every list it is in now (a list it left shows its card: its key again)."""
        sections = self.get_ancestors().type(NewsIndexPage).values_list("pk", flat=True)
        authors = self.article_authors.values_list("author_id", flat=True)
        return {
            surrogate_keys.page(self.pk),
            surrogate_keys.all_articles(self.locale.language_code),
            surrogate_keys.translations(self.translation_key),
            *(surrogate_keys.listing("section", pk) for pk in sections),
            *(surrogate_keys.listing("author", pk) for pk in authors if pk),
            *(surrogate_keys.listing("tag", tag.pk) for tag in self.tags.all()),
        }

    def cdn_addresses(self) -> tuple[list[Page], list[str]]:
        """Where else a CDN shows a change of this article (caching/freshness.py): its authors'
        pages and feeds, its sections' feeds, its tags' pages."""
        authors = self.authors
        paths = section_feed_paths(self.get_ancestors().type(NewsIndexPage))
        paths += [path for author in authors for path in author.feed_paths()]
        paths += [reverse("tag", args=[tag.slug]) for tag in self.tags.all()]
        return authors, paths

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from . import fragments

        context = super().get_context(request, *args, **kwargs)
        context["content"] = fragments.article_content(request, self)
        context["rails"] = fragments.article_rails(request, self)
        context["meta"] = context["content"]["meta"]
        return context

    @cached_property
    def notes_newest_first(self) -> list[ArticleNote]:
        return sorted(self.notes.all(), key=attrgetter("date"), reverse=True)

    @property
    def updated_at(self):
        """The date of the newest correction or update, if there is one."""
        return self.notes_newest_first[0].date if self.notes_newest_first else None

    def has_pictures(self) -> bool:
        """Whether the article shows pictures of its own (its crops are made at publish)."""
        return bool(self.hero_image_id) or shows_picture(self.body)

    @property
    def dateline_block_id(self) -> str | None:
        """The body block that opens with the dateline: the first paragraph, if there is one."""
        if not self.dateline:
            return None
        return next((block.id for block in self.body if block.block_type == "paragraph"), None)


class FoundRelated(models.Model):
    """The articles the search backend found most relevant to an article, when it was published
    (news/related.py): readers' requests show these, and never search."""

    article = models.OneToOneField(
        ArticlePage, primary_key=True, on_delete=models.CASCADE, related_name="found_related"
    )
    ids = models.JSONField(default=list, help_text="Article ids, most relevant first.")
    found_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "related coverage found"
        verbose_name_plural = "related coverage found"

    def __str__(self) -> str:
        return f"Related coverage of article {self.article_id}"


# Live coverage is an article too (news/live.py), defined beside it.
from .live import LivePage, LiveUpdate  # noqa: E402
