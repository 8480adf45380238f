"""What a page tells search engines and social networks: its description, canonical address,
Open Graph and Twitter tags, and JSON-LD. Each page type builds a `Meta` in its get_context;
templates/includes/meta.html renders it."""

import html
import json
from dataclasses import dataclass, field

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from wagtail.images.models import Filter
from wagtail.models import Page, Site

from core import crops
from core.language import active

SOCIAL_IMAGE = "fill-1200x630|format-jpeg"
# Google asks for a NewsArticle's image in these three shapes.
ARTICLE_IMAGES = (
    "fill-1200x675|format-jpeg",
    "fill-1200x900|format-jpeg",
    "fill-1200x1200|format-jpeg",
)
IMAGE_SPECS = (SOCIAL_IMAGE, *ARTICLE_IMAGES)
# JSON-LD types that schema.org gives no language.
UNWRITTEN = {"BreadcrumbList"}


@dataclass
class Meta:
    title: str = ""
    description: str = ""
    canonical: str = ""
    og_type: str = "website"
    image: dict | None = None  # the social image: url, width, height, alt
    properties: list[tuple[str, str]] = field(default_factory=list)  # more og: and article: tags
    json_ld: list[dict] = field(default_factory=list)

    @property
    def scripts(self) -> list[SafeString]:
        """The JSON-LD, each ready to go inside a <script type="application/ld+json">. Each
        thing but a trail of breadcrumbs is in the language of the edition being read."""
        language = active()
        return [
            json_ld(data if data.get("@type") in UNWRITTEN else {**data, "inLanguage": language})
            for data in self.json_ld
        ]


def summary(text: str, length: int = 300) -> str:
    """Plain text for a description: tags gone, entities read ("&amp;" is "&"), space folded,
    cut at a word. Escaped again wherever it goes in HTML."""
    text = " ".join(html.unescape(strip_tags(text)).split())
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"


def iso(moment) -> str:
    """ISO 8601 with the time zone, as schema.org and Open Graph expect."""
    return timezone.localtime(moment).isoformat() if moment else ""


def absolute(request: HttpRequest, url: str) -> str:
    """`url` on the site's own address, as Wagtail writes its pages' full URLs: the canonical
    host, whatever name the request came in by."""
    if url.startswith(("http://", "https://")):
        return url
    site = Site.find_for_request(request)
    return (site.root_url if site else request.build_absolute_uri("/").rstrip("/")) + url


def renditions(image, request: HttpRequest) -> dict[str, object]:
    """The social and structured-data crops of `image` (focal point kept), by filter spec."""
    if image is None:
        return {}
    return crops.renditions(image, [Filter(spec=spec) for spec in IMAGE_SPECS])


def social_image(image, made: dict, request: HttpRequest) -> dict | None:
    """The 1200x630 crop of `image` for og:image and twitter:image (`made`: `renditions()`)."""
    if image is None or SOCIAL_IMAGE not in made:
        return None
    rendition = made[SOCIAL_IMAGE]
    return {
        "url": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text,
    }


def image_object(rendition, request: HttpRequest) -> dict:
    return {
        "@type": "ImageObject",
        "url": absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def publisher(settings, request: HttpRequest) -> dict:
    """The magazine as schema.org's Organization, with its logo when it has one."""
    organization = {
        "@type": "NewsMediaOrganization",
        "name": settings.name,
        "url": absolute(request, "/"),
    }
    logo = crops.rendition(settings.logo, "height-60|format-png")
    if logo is not None:
        organization["logo"] = image_object(logo, request)
    return organization


def breadcrumbs(page: Page, request: HttpRequest) -> dict:
    """BreadcrumbList from the home page down to `page`."""
    trail = [*page.get_ancestors().filter(depth__gt=1).specific(defer=True), page]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
            for position, crumb in enumerate(trail, start=1)
        ],
    }


def json_ld(data: dict) -> SafeString:
    """`data` as JSON that is safe inside a <script> element."""
    # Compact: machines read it, and an article's two blocks lose some 150 bytes of spaces.
    text = json.dumps(
        {"@context": "https://schema.org", **data}, ensure_ascii=False, separators=(",", ":")
    )
    for character, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, escape)
    return mark_safe(text)  # safe: every markup character is escaped above
