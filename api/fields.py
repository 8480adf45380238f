"""What the API says of a page beyond Wagtail's own fields: its byline, section, tags, hero
picture with its crops, corrections, and a live page's updates. Each reads what the page
loaded with it (api/views.py prefetches), so a listing's queries do not grow with its pages."""

from rest_framework import serializers
from wagtail.images.models import Filter
from wagtail.rich_text import expand_db_html

from core import crops
from core.seo import absolute, iso

# The hero's crops a client may use, each made when the article was published (no request
# of the API makes one; one not made yet is left out).
HERO_CROPS = {
    "small": "fill-640x427|format-jpeg",
    "medium": "fill-960x640|format-jpeg",
    "large": "fill-1280x853|format-jpeg",
    "social": "fill-1200x630|format-jpeg",
}
PORTRAIT_CROPS = {"small": "fill-160x160|format-jpeg"}


def picture(image, specs: dict[str, str], request) -> dict | None:
    """An image as clients need it: its id, alt text and the made crops of `specs`."""
    if image is None:
        return None
    made = crops.renditions(image, [Filter(spec=spec) for spec in specs.values()])
    return {
        "id": image.pk,
        "alt": image.default_alt_text,
        "renditions": {
            name: {
                "url": absolute(request, made[spec].url),
                "width": made[spec].width,
                "height": made[spec].height,
            }
            for name, spec in specs.items()
            if spec in made
        },
    }


class PageField(serializers.Field):
    """A field computed from the whole page (`source="*"`), read-only."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


class HtmlUrlField(PageField):
    """The page's address, worked out with the request's own site lookup (Wagtail's field
    looks the sites up anew for each page)."""

    def to_representation(self, page) -> str | None:
        return page.get_full_url(self.context["request"])


class BylineField(PageField):
    def to_representation(self, page) -> list[dict]:
        request = self.context["request"]
        return [
            {"id": author.pk, "name": author.title, "html_url": author.get_full_url(request)}
            for author in page.authors
        ]


class SectionField(PageField):
    def to_representation(self, page) -> dict | None:
        section = page.section
        if section is None:
            return None
        request = self.context["request"]
        return {"id": section.pk, "title": section.title, "html_url": section.get_full_url(request)}


class TagsField(PageField):
    def to_representation(self, page) -> list[str]:
        return [tag.name for tag in page.tags.all()]


class HeroField(PageField):
    def to_representation(self, page) -> dict | None:
        found = picture(page.hero_image, HERO_CROPS, self.context["request"])
        if found is not None:
            found.update(caption=page.hero_caption_text, credit=page.hero_credit_text)
        return found


class PortraitField(PageField):
    def to_representation(self, page) -> dict | None:
        return picture(page.photo, PORTRAIT_CROPS, self.context["request"])


class RichTextHtmlField(serializers.Field):
    """Rich text as the site shows it: links to pages and images resolved."""

    def to_representation(self, value) -> str:
        return expand_db_html(value or "")


class CorrectionsField(PageField):
    def to_representation(self, page) -> list[dict]:
        return [
            {"kind": note.kind, "date": iso(note.date), "text": expand_db_html(note.text)}
            for note in page.notes_newest_first
        ]


class UpdatesField(PageField):
    """A live page's shown updates, pinned first then newest first, each with its body as
    structured blocks."""

    def to_representation(self, page) -> list[dict]:
        request = self.context["request"]
        url = page.get_full_url(request)
        context = {"request": request}
        return [
            {
                "id": update.pk,
                "html_url": f"{url}#{update.anchor}",
                "posted_at": iso(update.posted_at),
                "author": (
                    {"id": update.author_id, "name": update.author.title} if update.author else None
                ),
                "title": update.title,
                "pinned": update.pinned,
                "body": update.body.stream_block.get_api_representation(update.body, context),
                "corrected_at": iso(update.corrected_at),
                "correction": update.correction if update.corrected_at else "",
            }
            for update in page.updates.shown().select_related("author")
        ]
