"""Build the demo magazine: sections, authors, articles and their pictures, in English and in
Spanish (the Spanish edition: demo/spanish_edition.py).

Run it as often as you like: it only adds what is missing and never changes or duplicates what
is there, so editors' changes to the demo survive a second `make run`.
"""

import hashlib
import json
import uuid
from datetime import timedelta
from io import BytesIO
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from demo import newsletter
from demo.content.pictures import illustration, portrait
from demo.live_coverage import LiveCoverage
from demo.spanish_edition import SpanishEdition
from home.models import HomeFeaturedArticle, HomePage, MagazineSettings
from news import renditions
from news.models import ArticleAuthor, ArticleNote, ArticlePage, LiveUpdate, NewsIndexPage
from operations import newsroom
from operations.accounts import create_account
from operations.maintenance import refresh_planner_statistics
from people.models import AuthorLink, AuthorPage, PeopleIndexPage

DEMO_DIR = Path(__file__).resolve().parents[2] / "content"
SOCIAL_SETTINGS = {
    "x": "x_url",
    "bluesky": "bluesky_url",
    "mastodon": "mastodon_url",
    "instagram": "instagram_url",
    "facebook": "facebook_url",
    "linkedin": "linkedin_url",
}


class Command(BaseCommand):
    help = "Build the demo magazine. Adds only what is missing; a second run changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-renditions",
            action="store_true",
            help="Do not render every page once to create its image renditions ahead of readers.",
        )

    def handle(self, *args, skip_renditions=False, **options):
        magazine = json.loads((DEMO_DIR / "magazine.json").read_text())
        article_files = sorted((DEMO_DIR / "articles").glob("*.json"))
        if not article_files:
            raise CommandError(f"No demo articles found in {DEMO_DIR / 'articles'}.")
        self.created = self.redrawn = 0
        site = Site.objects.get(is_default_site=True)
        home = site.root_page.specific
        if not isinstance(home, HomePage):
            raise CommandError("The default site's root page is not a HomePage; run migrate first.")

        # Crops are made once at the end (prerender), not queued page by page.
        with renditions.made_later():
            with transaction.atomic():
                self._settings(site, magazine)
                news = self._child(
                    home, NewsIndexPage, magazine["news"], intro=magazine["news"]["intro"]
                )
                sections = self._sections(news, magazine["sections"])
                authors = self._authors(home, magazine)
            articles, article_data = {}, {}
            for path in article_files:
                with transaction.atomic():
                    data = json.loads(path.read_text())
                    articles[data["slug"]] = self._article(data, sections, authors)
                    article_data[data["slug"]] = data
            with transaction.atomic():
                self._front_page(home, magazine["home"], articles)
            live = LiveCoverage(self).load(sections, authors)
            spanish = SpanishEdition(self)
            spanish.load(home, news, sections, authors, articles, article_data)
        if self.created:
            refresh_planner_statistics()

        english = {"locale": home.locale}
        self.stdout.write(
            f"Demo magazine: {self.created} pages created; in English "
            f"{ArticlePage.objects.live().filter(**english).count()} articles, "
            f"{NewsIndexPage.objects.filter(**english).count()} sections, "
            f"{AuthorPage.objects.filter(**english).count()} authors."
        )
        updates = LiveUpdate.objects.count()
        self.stdout.write(f"Live coverage: {len(live)} pages, {updates} updates.")
        spanish.report()
        if newsletter.load():
            self.stdout.write(
                "Newsletters: a draft issue of the daily, under Newsletters › Issues."
            )
        if self.redrawn:
            self.stdout.write(f"Drew {self.redrawn} pictures again whose files were missing.")
        if self.created and not skip_renditions:
            call_command("prerender", stdout=self.stdout)
        self._demo_accounts()

    def _demo_accounts(self) -> None:
        """A writer and an editor to try the review workflow with; passwords are shown once."""
        for username, group in (("writer", newsroom.WRITERS), ("editor", newsroom.EDITORS)):
            password = create_account(username, group=group)
            if password:
                self.stdout.write(
                    self.style.SUCCESS(f"Created a demo account in {group}, shown this once:")
                    + f"\n  username: {username}\n  password: {password}"
                )

    def _child(self, parent: Page, model, data: dict, tags=(), **fields) -> Page:
        """The child of `parent` with data's slug; created and published only if missing."""
        existing = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if existing:
            return existing
        page = model(title=data["title"], slug=data["slug"], **fields)
        if tags:
            page.tags.add(*tags)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created += 1
        return page

    def _settings(self, site: Site, magazine: dict) -> None:
        settings = MagazineSettings.for_site(site)
        if settings.pk and settings.name != MagazineSettings._meta.get_field("name").default:
            return
        values = magazine["settings"]
        settings.name = values["name"]
        settings.tagline = values["tagline"]
        settings.footer_note = values["footer_note"]
        for network, url in values["social"].items():
            setattr(settings, SOCIAL_SETTINGS[network], url)
        settings.save()

    def _sections(self, news: NewsIndexPage, sections: list[dict]) -> dict[str, tuple]:
        """Section pages by slug, each with its picture palette."""
        found = {}
        for data in sections:
            section = self._child(
                news, NewsIndexPage, data, intro=data["intro"], show_in_menus=True
            )
            found[data["slug"]] = (section, data["palette"])
            for child in data.get("children", []):
                subsection = self._child(section, NewsIndexPage, child, intro=child["intro"])
                found[child["slug"]] = (subsection, child["palette"])
        return found

    def _authors(self, home: HomePage, magazine: dict) -> dict[str, AuthorPage]:
        people_data = magazine["people"]
        people = self._child(home, PeopleIndexPage, people_data, intro=people_data["intro"])
        palettes = [section["palette"] for section in magazine["sections"]]
        authors = {}
        for index, data in enumerate(magazine["authors"]):
            existing = AuthorPage.objects.child_of(people).filter(slug=data["slug"]).first()
            if existing:
                authors[data["slug"]] = existing
                palette = palettes[index % len(palettes)]
                self._redraw(existing.photo, lambda p=palette, s=data["slug"]: portrait(p, s))
                continue
            photo = self._image(
                title=f"Portrait of {data['name']}",
                data=portrait(palettes[index % len(palettes)], data["slug"]),
                filename=f"{data['slug']}.png",
                alt=f"Illustrated portrait of {data['name']}",
                credit="Illustration: The Parallax",
            )
            authors[data["slug"]] = self._child(
                people,
                AuthorPage,
                {"slug": data["slug"], "title": data["name"]},
                role=data["role"],
                bio=data["bio"],
                photo=photo,
                links=self._author_links(data),
            )
        return authors

    def _article(self, data: dict, sections: dict, authors: dict) -> ArticlePage:
        section, palette = sections[data["section"]]
        existing = ArticlePage.objects.child_of(section).filter(slug=data["slug"]).first()
        if existing:
            self._redraw_article_pictures(existing, data, palette)
            return existing
        hero_image = self._hero_image(data, palette)
        body = [
            self._block(data["slug"], index, block, palette)
            for index, block in enumerate(data["body"])
        ]
        article = self._child(
            section,
            ArticlePage,
            data,
            **self._article_fields(data, hero_image, body, authors, data),
        )
        self._backdate(article, data)
        return article

    def _article_fields(
        self, data: dict, hero_image, body: list, authors: dict, timing: dict
    ) -> dict:
        """An article's fields from its file: its words, `hero_image`, `body` (blocks), its
        bylines (`authors` by slug), tags and notes, dated from `timing` (a slug and days_ago:
        see `_published_at`)."""
        return {
            "standfirst": data["standfirst"],
            "dateline": data["dateline"],
            "hero_image": hero_image,
            "body": json.dumps(body),
            "tags": data["tags"],
            "article_authors": [
                ArticleAuthor(author=authors[slug], sort_order=order)
                for order, slug in enumerate(data["authors"])
            ],
            "notes": [
                ArticleNote(
                    kind=note["kind"],
                    date=self._published_at(timing) + timedelta(hours=note["hours_after"]),
                    text=note["text"],
                    sort_order=order,
                )
                for order, note in enumerate(data.get("notes", []))
            ],
        }

    @staticmethod
    def _author_links(data: dict) -> list[AuthorLink]:
        return [
            AuthorLink(label=link["label"], url=link["url"], sort_order=order)
            for order, link in enumerate(data["links"])
        ]

    @staticmethod
    def _images_by_block(page: ArticlePage) -> dict:
        """The image of each picture block in the page's body, by block id."""
        return {
            block.id: block.value["image"] for block in page.body if block.block_type == "image"
        }

    def _redraw_article_pictures(
        self, article: ArticlePage, data: dict, palette: str, keep: frozenset = frozenset()
    ) -> None:
        """The pictures of an article loaded before, drawn again where their file is gone (the
        database outlived the media folder: see `repair_media`), but for the images `keep`
        names (a translation's pictures that are its original's, redrawn with it)."""
        slug, hero = data["slug"], data["hero"]
        if article.hero_image_id not in keep:
            self._redraw(article.hero_image, lambda: illustration(hero["motif"], palette, slug))
        shown = self._images_by_block(article)
        for index, block in enumerate(data["body"]):
            image = shown.get(self._block_id(slug, index))
            if block["type"] == "image" and image is not None and image.pk not in keep:
                motif = block["value"]["motif"]
                self._redraw(
                    image,
                    lambda m=motif, i=index: illustration(m, palette, f"{slug}-{i}", (1600, 1000)),
                )

    def _redraw(self, image, draw) -> None:
        if image is None or default_storage.exists(image.file.name):
            return
        name = default_storage.save(image.file.name, ContentFile(draw()))
        if name != image.file.name:
            type(image).objects.filter(pk=image.pk).update(file=name)
        self.redrawn += 1

    @staticmethod
    def _block_id(slug: str, index: int) -> str:
        # Stable block ids keep a reloaded demo identical to the first.
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"parallax-demo/{slug}/{index}"))

    def _hero_image(self, data: dict, palette: str):
        hero = data["hero"]
        return self._image(
            title=data["title"],
            data=illustration(hero["motif"], palette, data["slug"]),
            filename=f"{data['slug']}.jpg",
            alt=hero["alt"],
            credit=hero["credit"],
            caption=hero["caption"],
        )

    def _block_image(self, slug: str, index: int, value: dict, palette: str):
        """The picture of the body's image block `value`, drawn from its motif."""
        return self._image(
            title=value["caption"][:255],
            data=illustration(value["motif"], palette, f"{slug}-{index}", size=(1600, 1000)),
            filename=f"{slug}-{index}.jpg",
            alt=value["alt"],
            credit=value["credit"],
            caption=value["caption"],
        )

    def _block(self, slug: str, index: int, block: dict, palette: str) -> dict:
        value = block["value"]
        if block["type"] == "image":
            image = self._block_image(slug, index, value, palette)
            value = {"image": image.pk, "caption": "", "credit": "", "width": value["width"]}
        return {"type": block["type"], "value": value, "id": self._block_id(slug, index)}

    def _image(self, title: str, data: bytes, filename: str, alt: str, credit: str, caption=""):
        image = get_image_model()(
            title=title,
            description=alt,
            credit=credit,
            default_caption=caption,
            file=ImageFile(BytesIO(data), name=filename),
            file_size=len(data),
            file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),
        )
        image.save()
        return image

    @staticmethod
    def _published_at(data: dict):
        """When the demo says the article came out, relative to today: the demo stays current."""
        hour = int(hashlib.md5(data["slug"].encode(), usedforsecurity=False).hexdigest(), 16) % 12
        published = timezone.now().replace(minute=0, second=0, microsecond=0) - timedelta(
            days=data["days_ago"], hours=hour
        )
        return min(published, timezone.now())

    def _backdate(self, article: ArticlePage, data: dict) -> None:
        """Spread the demo over the last months, relative to today."""
        published = self._published_at(data)
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=published,
            last_published_at=published,
            latest_revision_created_at=published,
            display_date=published,
        )
        Revision.page_revisions.filter(object_id=str(article.pk)).update(created_at=published)

    def _front_page(self, home: HomePage, data: dict, articles: dict, **words: str) -> None:
        """Editors' picks for the front page, set once: later choices are the editors' own.
        The intro and `words` (more of the home's fields: an edition's tagline) fill only
        what is blank."""
        if home.lead_story_id or home.featured_articles.exists():
            return
        home.lead_story = articles.get(data.get("lead"))
        home.featured_articles = [
            HomeFeaturedArticle(article=articles[slug], sort_order=order)
            for order, slug in enumerate(data.get("featured", []))
            if slug in articles
        ]
        for field, value in {"intro": data["intro"], **words}.items():
            setattr(home, field, getattr(home, field) or value)
        home.save_revision().publish()
