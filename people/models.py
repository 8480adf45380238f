"""The people who write the magazine.

`people` sits a layer above `news` (docs/architecture.md): an author's page lists their
articles from news's listings module, while news knows authors only through the byline.
"""

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from caching import surrogate_keys
from core.pagination import cached_paths, paginate
from core.text import has_text
from core.view_restrictions import readable
from editions.pages import TranslatedPage
from news import listings

from .seo import author_meta, people_meta


class PeopleIndexPage(TranslatedPage, Page):
    intro = models.TextField(blank=True, help_text="Shown above the list of people.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["people.AuthorPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "people index"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        surrogate_keys.note(surrogate_keys.authors())
        context["people"] = (
            readable(AuthorPage.objects.child_of(self))
            .select_related("photo")
            .prefetch_related("photo__renditions")
            .order_by("path")
        )
        context["meta"] = people_meta(self, request)
        return context


class AuthorPage(TranslatedPage, Page):
    role = models.CharField(
        max_length=120,
        blank=True,
        help_text='The line under the name, e.g. "Correspondent in Bogotá". '
        'Leave blank for "Staff at" and the magazine\'s name.',
    )
    photo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A portrait, shown square in the author box and on the author's page.",
    )
    bio = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Two or three sentences; shown on the author's page and under their articles.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        InlinePanel("links", label="Links", heading="Website and social accounts"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("role"), index.SearchField("bio")]

    parent_page_types = ["people.PeopleIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "author"

    def clean(self) -> None:
        super().clean()
        if not has_text(self.bio):  # empty paragraphs left in the editor: no bio
            self.bio = ""

    def touched_keys(self) -> set[str]:
        """A change of an author shows on their page, on every page with their byline or
        author box (each carries their key) and in the lists of authors."""
        return {
            surrogate_keys.page(self.pk),
            surrogate_keys.authors(self.locale.language_code),
            surrogate_keys.translations(self.translation_key),
        }

    def get_cached_paths(self) -> list[str]:
        return cached_paths(listings.author_articles(self))

    def feed_paths(self) -> list[str]:
        return [reverse(name, args=[self.pk]) for name in ("author_feed_rss", "author_feed_atom")]

    def cdn_addresses(self) -> tuple[list[Page], list[str]]:
        """Where else a CDN shows a change of this author (caching/freshness.py)."""
        return [], self.feed_paths()

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        page = paginate(request, listings.author_articles(self), count_all=False)
        context["articles"] = listings.with_sections(page.object_list)
        context["page_obj"] = page
        if self.photo_id:
            self.photo = get_image_model().objects.prefetch_renditions().get(pk=self.photo_id)
        context["links"] = list(self.links.all())
        context["meta"] = author_meta(self, request, page.number, context["links"])
        return context


class AuthorLink(Orderable):
    page = ParentalKey(AuthorPage, related_name="links", on_delete=models.CASCADE)
    label = models.CharField(max_length=40, help_text='e.g. "Website", "Bluesky", "Mastodon".')
    url = models.URLField("URL")

    panels = [FieldPanel("label"), FieldPanel("url")]
