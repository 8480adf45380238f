"""Markup helpers that keep every page valid HTML: {% lean_picture %}, Wagtail's {% picture %}
without repeated widths, which makes no crop for a reader (core/crops.py); and machine-readable
dates without microseconds."""

import re

from django import template
from django.forms.utils import flatatt
from django.template.base import Token
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from wagtail.images.models import Filter, Picture
from wagtail.images.templatetags import wagtailimages_tags as wagtail_images

from core import crops

register = template.Library()
_FORMAT = re.compile(r"format-(\w+)")


def distinct_widths(renditions: dict) -> dict:
    """`renditions` less those of a width already there in the same format: an original
    narrower than the widest size asked for yields several of its own width, and a srcset
    naming one width twice is invalid."""
    seen, kept = set(), {}
    for spec, rendition in renditions.items():
        key = (_format(spec), rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


def _format(spec: str) -> str:
    match = _FORMAT.search(spec)
    return match.group(1) if match else ""


class LeanPicture(Picture):
    """Wagtail's <picture>, less what no reader uses: when the modern formats have their
    <source>s, the fallback <img> is the first (smallest) crop alone, with no srcset or sizes.
    A browser that reads srcset reads AVIF too (all since 2024); the one that reads neither
    gets the same `src` as before. About 250 bytes a picture: an article shows some fifteen."""

    def __html__(self):
        fallback_format = self.get_fallback_format() if self.formats else None
        modern = [
            fmt
            for fmt in self.source_format_order
            if fmt.name != fallback_format and fmt.name in self.formats
        ]
        if not modern:
            return super().__html__()
        attrs = dict(self.attrs or {})
        sources = "".join(
            "<source{}>".format(
                flatatt(
                    {
                        "srcset": self.get_width_srcset(self.formats[fmt.name]),
                        "sizes": attrs.get("sizes"),
                        "type": fmt.mime_type,
                    }
                )
            )
            for fmt in modern
        )
        attrs.pop("sizes", None)
        fallback = self.formats[fallback_format][0].img_tag(attrs)
        return mark_safe(f"<picture>{sources}{fallback}</picture>")  # flatatt escapes


class DistinctWidthsPictureNode(wagtail_images.PictureNode):
    @cached_property
    def filters(self) -> list[Filter]:
        # Made once per template node, not per render: a Filter works out its operations on
        # first use, with a signature inspection per operation, ~1 ms for a six-spec picture.
        return wagtail_images.PictureNode.get_filters(self)

    def get_filters(self) -> list[Filter]:
        return self.filters

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        if self.output_var_name:
            picture = distinct_widths(crops.renditions(image, self.get_filters()))
            if picture:  # not made yet for a reader, or the original file is gone
                context[self.output_var_name] = LeanPicture(picture)
            return ""
        attrs = {key: value.resolve(context) for key, value in self.attrs.items()}
        return picture_html(image, self.get_filters(), attrs)


def picture_html(image, filters: list[Filter], attrs: dict) -> str:
    """`image` as a <picture> of its crops for `filters` (see LeanPicture); nothing while its
    crops are not made for a reader, or when the original file is gone."""
    picture = distinct_widths(crops.renditions(image, filters))
    if not picture:
        return ""
    attrs = dict(attrs)
    if len(picture) == len({_format(spec) for spec in picture}):
        # One size left in each format: no srcset, so `sizes` would be invalid.
        attrs.pop("sizes", None)
    return LeanPicture(picture, attrs).__html__()


@register.tag
def lean_picture(parser, token):
    """Wagtail's {% picture %}, with the same arguments, under a name of its own so that it
    never shadows Wagtail's tag, whatever order the libraries are loaded in."""
    arguments = token.contents.partition(" ")[2]
    # Wagtail's parser picks its node by the tag's name.
    as_wagtails = Token(token.token_type, f"picture {arguments}", token.position, token.lineno)
    node = wagtail_images.image(parser, as_wagtails)
    return DistinctWidthsPictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )


@register.filter
def w3c_datetime(moment) -> str:
    """`moment` in the site's time zone as "2026-11-27T09:30:00+00:00", for datetime attributes
    and sitemaps (HTML allows at most three digits of a second; Django's "c" gives six)."""
    if not moment:
        return ""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()
