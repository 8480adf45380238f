"""RSS 2.0 and Atom feeds of the magazine, of each section and of each author.

The twenty newest articles, each with its standfirst as the summary, its whole body as HTML,
every author, its section and tags as categories, its dates and its hero image.
"""

import copy
import re

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape
from django.utils.translation import gettext

from caching import surrogate_keys
from core import crops, site_settings
from core.seo import SOCIAL_IMAGE, absolute, summary
from core.view_restrictions import readable

from . import embeds, listings, live
from .models import NewsIndexPage, author_model

FEED_LENGTH = 20
LIVE_FEED_LENGTH = 50
# A root-relative address in src, href or srcset (whose every candidate is one, too).
_RELATIVE = re.compile(r'\b(src|href|srcset)="(/[^"]*)"')


def absolute_urls(html: str, request: HttpRequest) -> str:
    """`html` with root-relative URLs made absolute, as feed readers fetch them elsewhere."""

    def make_absolute(match):
        attribute, value = match.groups()
        if attribute == "srcset":  # "url 640w, url 960w"
            value = ", ".join(absolute(request, part.strip()) for part in value.split(","))
        else:
            value = absolute(request, value)
        return f'{attribute}="{value}"'

    return _RELATIVE.sub(make_absolute, html)


class FullRss(Rss201rev2Feed):
    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:media": "http://search.yahoo.com/mrss/",
        }

    def add_item_elements(self, handler, item):
        # Every author as dc:creator (RSS's own <author> wants an email address).
        super().add_item_elements(handler, {**item, "author_name": None})
        for name in item["author_names"]:
            handler.addQuickElement("dc:creator", name)
        if item["updateddate"]:  # RSS has no element of its own for it
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content"])
        if item["image"]:
            handler.addQuickElement("media:content", "", {"medium": "image", **item["image"]})


class FullAtom(Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": "http://search.yahoo.com/mrss/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item["author_names"][1:]:  # Atom writes the first from author_name
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})
        if item["image"]:
            handler.addQuickElement("media:content", "", {"medium": "image", **item["image"]})


class MagazineFeed(Feed):
    """The whole magazine. Subclasses narrow it to a section or an author."""

    feed_type = FullRss

    def __call__(self, request, *args, **kwargs):
        # urls.py makes one object of each feed for every request, and a threaded server
        # (runserver, gunicorn's gthread) serves several at once: each request gets its own
        # copy to hold its request and settings, so that two readers' feeds never mix.
        feed = copy.copy(self)
        feed.request = request
        feed.settings = site_settings.for_request(request)
        return Feed.__call__(feed, request, *args, **kwargs)

    def title(self, obj) -> str:
        return self.settings.name if obj is None else f"{obj.title} | {self.settings.name}"

    def link(self, obj) -> str:
        return "/" if obj is None else obj.url

    def subtitle(self, obj) -> str:
        """What the feed is about, as text (Atom's subtitle is text)."""
        return (
            self.settings.tagline if obj is None else summary(getattr(obj, "intro", "") or obj.bio)
        )

    def description(self, obj) -> str:
        # RSS readers take a description for HTML: text in it is escaped once more than the XML.
        return escape(self.subtitle(obj))

    def feed_url(self, obj) -> str:
        return self.request.path

    def base(self):
        # Only the social crop of each hero: loaded with the articles, one query a feed.
        return listings.articles(image_specs=[SOCIAL_IMAGE])

    def articles(self, obj):
        surrogate_keys.note(surrogate_keys.all_articles())
        return self.base()

    def items(self, obj) -> list:
        feed_items = self.articles(obj).defer(None).prefetch_related("tags", "notes")
        items = listings.with_sections(feed_items[:FEED_LENGTH])
        embeds.load_stored([value for item in items for value in embeds.embed_values(item.body)])
        return items

    def item_title(self, item) -> str:
        return item.title

    def item_link(self, item) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item) -> str:
        return item.get_full_url(self.request)

    def item_description(self, item) -> str:
        # HTML in both formats (RSS's description, Atom's summary of type "html").
        return escape(item.standfirst)

    def item_author_name(self, item) -> str | None:
        return item.authors[0].title if item.authors else None

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.updated_at or item.last_published_at

    def item_categories(self, item) -> list[str]:
        return [item.section.title, *(tag.name for tag in item.tags.all())]

    def item_enclosures(self, item) -> list[Enclosure]:
        rendition = self._image(item)
        if rendition is None:
            return []
        url = absolute(self.request, rendition.url)
        # Recorded when the crop was made; 0 (RSS's "unknown") for one made before that.
        return [Enclosure(url, str(rendition.file_size or 0), "image/jpeg")]

    def item_extra_kwargs(self, item) -> dict:
        rendition = self._image(item)
        image = None
        if rendition is not None:
            image = {
                "url": absolute(self.request, rendition.url),
                "type": "image/jpeg",
                "width": str(rendition.width),
                "height": str(rendition.height),
            }
        return {
            "author_names": [author.title for author in item.authors],
            "content": absolute_urls(str(item.body), self.request),
            "image": image,
        }

    def _image(self, item):
        # Asked for twice an item (enclosure and media:content): looked up once.
        if not hasattr(item, "_feed_image"):
            item._feed_image = crops.rendition(item.hero_image, SOCIAL_IMAGE)
        return item._feed_image


class MagazineAtomFeed(MagazineFeed):
    feed_type = FullAtom


class SectionFeed(MagazineFeed):
    def get_object(self, request, pk: int):
        section = readable(NewsIndexPage.objects.filter(pk=pk)).first()
        if section is None:
            raise Http404("No such section.")
        return section

    def articles(self, obj):
        return listings.section_articles(obj, self.base())


class SectionAtomFeed(SectionFeed):
    feed_type = FullAtom


class AuthorFeed(MagazineFeed):
    def get_object(self, request, pk: int):
        author = readable(author_model().objects.filter(pk=pk)).first()
        if author is None:
            raise Http404("No such author.")
        return author

    def articles(self, obj):
        return listings.author_articles(obj, self.base())


class AuthorAtomFeed(AuthorFeed):
    feed_type = FullAtom


class LiveUpdatesFeed(Feed):
    """A live page's updates, each an item, newest first (its route `feed/`)."""

    feed_type = FullRss

    def __init__(self, page, request: HttpRequest):
        super().__init__()
        self.page, self.request = page, request
        self.settings = site_settings.for_request(request)

    def title(self) -> str:
        return f"{self.page.title} | {self.settings.name}"

    def link(self) -> str:
        return self.page.url

    def description(self) -> str:
        return escape(self.page.standfirst)

    def feed_url(self) -> str:
        return self.request.path

    def __call__(self, request, *args, **kwargs):
        surrogate_keys.note(live.updates_key(self.page.pk), surrogate_keys.page(self.page.pk))
        found = self.page.updates.shown().select_related("author").order_by("-posted_at")
        self.updates = list(found[:LIVE_FEED_LENGTH])
        with live.ready_to_show(self.updates):
            return super().__call__(request, *args, **kwargs)

    def items(self) -> list:
        return self.updates

    def item_title(self, item) -> str:
        return item.title or summary(item.text(), 110)

    def item_link(self, item) -> str:
        return f"{self.page.get_full_url(self.request)}#{item.anchor}"

    def item_guid(self, item) -> str:
        return self.item_link(item)

    def item_description(self, item) -> str:
        return escape(summary(item.text()))

    def item_author_name(self, item) -> str | None:
        return item.author.title if item.author else None

    def item_pubdate(self, item):
        return item.posted_at

    def item_updateddate(self, item):
        return item.corrected_at

    def item_extra_kwargs(self, item) -> dict:
        content = "".join(str(block) for block in item.body)
        if item.corrected_at:
            label, note = escape(gettext("Correction")), escape(item.correction)
            content += f"<p><strong>{label}:</strong> {note}</p>"
        return {
            "author_names": [item.author.title] if item.author else [],
            "content": absolute_urls(content, self.request),
            "image": None,
        }
