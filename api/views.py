"""The read-only API (Wagtail's `wagtail.api.v2`) at /api/v2/: pages and images, only as the
public site shows them.

Pages: what readers may see (live, public, on the site), of the types the site is made of:
articles and live coverage, sections, authors (and the home and index pages). Each type's
fields are listed here, not on the models: the content apps know nothing of the API.
Filters beside Wagtail's own (`type`, `child_of`, `descendant_of`, `locale`, `search`, a
field's value such as `tags=Elections`): `section=<id>` (its articles, subsections' too) and
`author=<id>` (their bylines). Images: the pictures public pages show as heroes and portraits.

Every response names what it shows by surrogate key, as pages do, so the page cache and the
edge keep it until a change touches one of them (docs/api.md).
"""

import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DataError, models
from django.db.models import Prefetch
from rest_framework.filters import BaseFilterBackend
from rest_framework.renderers import JSONRenderer
from wagtail.api import APIField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet

from caching import surrogate_keys
from editions import languages
from news import listings
from news.live import updates_key
from news.models import ArticleAuthor, ArticlePage, LivePage, NewsIndexPage
from people.models import AuthorPage

from . import fields

ARTICLE_FIELDS = [
    APIField("standfirst"),
    APIField("display_date"),
    APIField("dateline"),
    APIField("reading_minutes"),
    APIField("section", serializer=fields.SectionField()),
    APIField("authors", serializer=fields.BylineField()),
    APIField("tags", serializer=fields.TagsField()),
    APIField("hero", serializer=fields.HeroField()),
    APIField("body"),
    APIField("corrections", serializer=fields.CorrectionsField()),
]
FIELDS = {
    LivePage: [
        *ARTICLE_FIELDS,
        APIField("status"),
        APIField("ended_at"),
        APIField("key_points", serializer=fields.RichTextHtmlField()),
        APIField("updates", serializer=fields.UpdatesField()),
    ],
    ArticlePage: ARTICLE_FIELDS,
    NewsIndexPage: [APIField("intro")],
    AuthorPage: [
        APIField("role"),
        APIField("bio", serializer=fields.RichTextHtmlField()),
        APIField("photo", serializer=fields.PortraitField()),
    ],
}
BYLINE = Prefetch(
    "article_authors",
    queryset=ArticleAuthor.objects.select_related("author").order_by("sort_order", "pk"),
)


def fields_of(model) -> list[APIField]:
    """The API fields of `model`: those of the nearest type listed in FIELDS."""
    for listed in model.__mro__:
        if listed in FIELDS:
            return FIELDS[listed]
    return []


# Parameters that are numbers: Wagtail reads them with int(), which takes "٣" and numbers
# too large for the database's integers (a 500 there); here a number is 1 to 18 ASCII digits.
NUMBERS = {"limit", "offset", "child_of", "descendant_of", "ancestor_of", "translation_of"}
NUMBERS |= {"id", "section", "author"}
NUMBER = re.compile(r"[0-9]{1,18}")


def _id(request, name: str) -> int | None:
    value = request.GET.get(name)
    return None if value is None else int(value)  # checked by `Checked`


class Checked:
    """JSON only: DRF's browsable HTML would be chosen by a browser's Accept header, which the
    caches do not key on (one reader's HTML page would be another's JSON).

    Bad parameters are a 400 that says which and why, before Wagtail reads them; anything
    Wagtail's own reading of them still refuses (a value a field cannot take) is a 400 too,
    never a 500."""

    renderer_classes = [JSONRenderer]

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name, value in self.request.GET.items():
            if "\x00" in value:
                raise BadRequestError(f"{name}: null characters are not allowed")
            if name in NUMBERS and not (NUMBER.fullmatch(value) or value == "root"):
                raise BadRequestError(f"{name} must be a whole number (at most 18 digits)")
            if name == "search_operator" and value not in ("and", "or"):
                raise BadRequestError("search_operator must be 'and' or 'or'")
            if name not in self.known_query_parameters:
                self.check_field_value(queryset.model, name, value)

    @staticmethod
    def check_field_value(model, name: str, value: str) -> None:
        """A filter on a field (`?display_date=...`) with a value the field can hold."""
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return
        if isinstance(field, (models.IntegerField, models.AutoField, models.ForeignKey)):
            if not NUMBER.fullmatch(value):
                raise BadRequestError(f"{name} must be a whole number (at most 18 digits)")
        elif isinstance(field, (models.DateField, models.DateTimeField)):
            try:
                field.to_python(value)
            except ValidationError as error:
                raise BadRequestError(f"{name}: {' '.join(error.messages)}") from error

    def detail_view(self, request, pk):
        self.check_query_parameters(self.get_queryset())
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        if isinstance(exc, (ValidationError, ValueError, OverflowError, DataError)):
            exc = BadRequestError("a parameter has a value this API cannot read")
        return super().handle_exception(exc)


class SectionFilter(BaseFilterBackend):
    """`?section=<id>`: the articles of a section and of its subsections."""

    def filter_queryset(self, request, queryset, view):
        pk = _id(request, "section")
        if pk is None:
            return queryset
        section = view.get_base_queryset().type(NewsIndexPage).filter(pk=pk).first()
        if section is None:
            raise BadRequestError("section does not exist")
        surrogate_keys.note(surrogate_keys.listing("section", pk))
        return queryset.descendant_of(section)


class AuthorFilter(BaseFilterBackend):
    """`?author=<id>`: the articles with that author in their byline."""

    def filter_queryset(self, request, queryset, view):
        pk = _id(request, "author")
        if pk is None:
            return queryset
        if not view.get_base_queryset().type(AuthorPage).filter(pk=pk).exists():
            raise BadRequestError("author does not exist")
        surrogate_keys.note(surrogate_keys.listing("author", pk))
        articles = ArticlePage.objects.filter(article_authors__author_id=pk)
        return queryset.filter(pk__in=articles.values("pk"))


class PagesEndpoint(Checked, PagesAPIViewSet):
    filter_backends = [SectionFilter, AuthorFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["section", "author"])

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + fields_of(model))

    @classmethod
    def get_meta_fields(cls, model):
        return [
            APIField("html_url", serializer=fields.HtmlUrlField()) if f.name == "html_url" else f
            for f in super().get_meta_fields(model)
        ]

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        if issubclass(queryset.model, ArticlePage):
            queryset = queryset.select_related("hero_image").prefetch_related(
                BYLINE, "tags", "notes"
            )
        return queryset

    def paginate_queryset(self, queryset):
        found = super().paginate_queryset(queryset)
        if issubclass(queryset.model, ArticlePage):
            found = listings.with_sections(found)  # one query for all their sections
        return found

    def get_object(self):
        page = super().get_object()
        if isinstance(page, ArticlePage):
            surrogate_keys.note_pages(author.pk for author in page.authors)
        return page

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        note_shown(response)
        response["Access-Control-Allow-Origin"] = "*"
        return response


def note_shown(response) -> None:
    """The surrogate keys of what an answer shows: each page in it; a listing, every list of
    every edition (a page published anywhere may join it)."""
    data = getattr(response, "data", None)
    if not isinstance(data, dict):
        return
    if "items" in data:
        for language in languages.codes():
            surrogate_keys.note(
                surrogate_keys.all_articles(language),
                surrogate_keys.authors(language),
                surrogate_keys.edition(language),
            )
        surrogate_keys.note_pages(item["id"] for item in data["items"] if "id" in item)
    elif "id" in data:
        surrogate_keys.note(surrogate_keys.page(data["id"]))
        # Its section's and tags' names, as every page of an edition shows its sections.
        surrogate_keys.note(*(surrogate_keys.edition(code) for code in languages.codes()))
        if data.get("meta", {}).get("type") == "news.LivePage":
            surrogate_keys.note(updates_key(data["id"]))


class ImagesEndpoint(Checked, ImagesAPIViewSet):
    """The pictures public pages show as their heroes and as authors' portraits."""

    def get_queryset(self):
        pages = PagesEndpoint(request=self.request).get_base_queryset()
        heroes = ArticlePage.objects.filter(pk__in=pages.values("pk")).values("hero_image")
        portraits = AuthorPage.objects.filter(pk__in=pages.values("pk")).values("photo")
        surrogate_keys.note(*(surrogate_keys.all_articles(code) for code in languages.codes()))
        images = get_image_model().objects
        return (images.filter(pk__in=heroes) | images.filter(pk__in=portraits)).order_by("id")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None) or {}
        shown = data.get("items", [data]) if isinstance(data, dict) else []
        surrogate_keys.note(*(surrogate_keys.image(item["id"]) for item in shown if "id" in item))
        response["Access-Control-Allow-Origin"] = "*"
        return response
