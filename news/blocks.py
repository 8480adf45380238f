"""The blocks an article body is made of, each with a template in templates/blocks/."""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.finders import get_finders
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from core.text import has_text

from .embeds import StoredEmbedValue

WORDS_PER_MINUTE = 230

_OPENING_P = re.compile(r"^\s*<p\b[^>]*>")

PARAGRAPH_FEATURES = ["bold", "italic", "link", "superscript", "subscript", "strikethrough"]


class RenditionPrefetchingImageChooserBlock(ImageChooserBlock):
    """Loads every image of a body, with its renditions, in two queries however many there are
    (or none, for the images a page loaded beforehand for several bodies: `images_loaded`)."""

    def bulk_to_python(self, values):
        loaded = _loaded_images.get() or {}
        wanted = [value for value in values if value is not None and value not in loaded]
        images = {**loaded, **self.model_class.objects.prefetch_renditions().in_bulk(wanted)}
        return [images.get(value) for value in values]


_loaded_images: ContextVar[dict | None] = ContextVar("loaded_images", default=None)


@contextmanager
def images_loaded(bodies):
    """Within it, the captioned images of all these StreamField values come from two queries
    made here, and none more (a live page shows dozens of updates, each a body of its own)."""
    ids = {
        child["value"].get("image")
        for body in bodies
        for child in body.raw_data
        if child["type"] == "image" and isinstance(child.get("value"), dict)
    }
    ids.discard(None)
    images = get_image_model().objects.prefetch_renditions().in_bulk(ids) if ids else {}
    token = _loaded_images.set(images)
    try:
        yield
    finally:
        _loaded_images.reset(token)


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    def clean(self, value):
        # Only empty paragraphs (the editor saves a moment after the last keystroke) are no text.
        value = super().clean(value)
        if self.required and not has_text(value.source):
            raise ValidationError(gettext("Write the paragraph, or remove the block."))
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        html = str(value)
        dateline = (parent_context or {}).get("dateline")
        if dateline:
            # The dateline runs into the first sentence, inside its paragraph.
            html = _OPENING_P.sub(
                lambda match: (
                    match.group(0) + format_html('<span class="dateline">{} —</span> ', dateline)
                ),
                html,
                count=1,
            )
        context["html"] = mark_safe(html)  # safe: rich text is sanitised by Wagtail
        return context

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"
        description = "Body text: one or more paragraphs with bold, italic and links."
        preview_value = (
            "<p>The river port had not seen a cargo ship in eleven years. On Tuesday three "
            "arrived, and the town came down to the quay to watch them dock.</p>"
        )


class HeadingBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        super().__init__(max_length=120, **kwargs)

    class Meta:
        icon = "title"
        template = "blocks/heading.html"
        description = "A subheading that breaks a long article into parts."
        preview_value = "What the port means for the valley"


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The words, without quotation marks.")
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text='Who said it, e.g. "Ana Ruiz, mayor of Honda".'
    )

    class Meta:
        icon = "openquote"
        template = "blocks/pull_quote.html"
        description = "A striking sentence from the article, set large between paragraphs."
        preview_value = {
            "text": "We stopped waiting for the road and started using the river again.",
            "attribution": "Ana Ruiz, mayor of Honda",
        }


class CaptionedImageValue(blocks.StructValue):
    """Falls back to the image's own caption and credit when the block leaves them blank."""

    def caption_text(self) -> str:
        image = self.get("image")
        return self.get("caption") or (image.default_caption if image else "")

    def credit_text(self) -> str:
        image = self.get("image")
        return self.get("credit") or (image.credit if image else "")


class CaptionedImageBlock(blocks.StructBlock):
    image = RenditionPrefetchingImageChooserBlock()
    caption = blocks.CharBlock(
        label="Caption here",
        required=False,
        max_length=500,
        help_text="Shown under the picture here only, instead of its default caption (set in "
        "Images). Leave blank to use that one.",
    )
    credit = blocks.CharBlock(
        label="Credit here",
        required=False,
        max_length=255,
        help_text="Here only, instead of the picture's credit (set in Images). Leave blank to "
        "use that one.",
    )
    width = blocks.ChoiceBlock(
        choices=[
            ("inline", "Inline: the width of the text"),
            ("wide", "Wide: breaks out of the text column"),
            ("full", "Full: the width of the screen"),
        ],
        default="inline",
        search_index=False,
    )

    def get_searchable_content(self, value) -> list[str]:
        # The caption as readers see it, which may come from the image itself.
        return [text for text in (value.caption_text(), value.credit_text()) if text]

    def get_preview_value(self):
        return self.normalize(
            {
                "image": get_image_model().objects.order_by("-created_at").first(),
                "width": "inline",
            }
        )

    class Meta:
        icon = "image"
        label = "Captioned image"
        template = "blocks/captioned_image.html"
        value_class = CaptionedImageValue
        description = "A picture with its caption and credit, inline, wide or full width."


class ArticleEmbedBlock(EmbedBlock):
    """Wagtail's EmbedBlock, showing only what was looked up in the background (news/embeds.py):
    rendering, indexing or validating it never reaches the provider."""

    def to_python(self, value):
        return StoredEmbedValue(value) if value else None

    def value_from_form(self, value):
        return StoredEmbedValue(value) if value else None

    def normalize(self, value):
        if isinstance(value, EmbedValue):
            return StoredEmbedValue(value.url) if value.url else None
        return StoredEmbedValue(value) if value else None

    def get_default(self):
        default = self._evaluate_callable(self.meta.default)
        return self.normalize(default) if default else None

    def clean(self, value):
        # Whether a provider handles the address is known here; whether it answers is for the
        # background lookup to find out (an unreachable provider leaves readers a link).
        value = blocks.FieldBlock.clean(self, value)
        if value is not None and not any(finder.accept(value.url) for finder in get_finders()):
            raise ValidationError(
                gettext(
                    "No embed provider handles this address (YouTube, Vimeo and other oEmbed "
                    "sites do); link to it from a paragraph instead."
                )
            )
        return value

    def get_searchable_content(self, value) -> list[str]:
        # EmbedBlock would index the provider's HTML, fetching it over the network to do so.
        return []

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["host"] = urlsplit(value.url).hostname.removeprefix("www.") if value else ""
        return context

    class Meta:
        icon = "media"
        template = "blocks/embed.html"
        description = (
            "A video, post or map from a site that supports oEmbed (YouTube, Vimeo ...). "
            "Readers get a plain link when the provider cannot be reached."
        )
        preview_value = "https://vimeo.com/76979871"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    pull_quote = PullQuoteBlock()
    image = CaptionedImageBlock()
    embed = ArticleEmbedBlock()


def shows_picture(body) -> bool:
    """Whether a body (a StreamField value) has a captioned image, whose crops are made ahead."""
    return any(block.block_type == "image" for block in body)


def reading_minutes(body) -> int:
    """Minutes an adult reader needs for `body` (a StreamField value), at least one."""
    words = sum(
        len(strip_tags(text).split())
        for block in body
        for text in block.block.get_searchable_content(block.value)
    )
    return max(1, round(words / WORDS_PER_MINUTE))


class LiveUpdateBodyBlock(blocks.StreamBlock):
    """An update of live coverage: the article's blocks but headings (an update is short; its
    title is its heading)."""

    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    pull_quote = PullQuoteBlock()
    embed = ArticleEmbedBlock()
