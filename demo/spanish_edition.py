"""The demo magazine's Spanish edition (demo/content/es/), loaded by `load_demo` after the
English one.

Every Spanish page is a Wagtail translation of its English page (the same translation key, the
locale "es"), under the Spanish translation of the English page's parent: the home page, News
("noticias") and People ("equipo") are made by home's migration 0004, the sections, authors and
articles here. The texts are the Spanish files'; the pictures are the English pages' own (the
same images), captioned and credited in Spanish on the page that shows them. The files name
English slugs wherever they point at another page (`translation_of`, an article's section and
authors, the front page's picks): each stands for its Spanish translation.

Like the English loader it only adds what is missing: a page that has its Spanish translation
is left as it is, editors' changes and all.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction
from wagtail.models import Locale, Page

from home.models import HomePage
from news.models import ArticlePage, NewsIndexPage
from people.models import AuthorPage, PeopleIndexPage

SPANISH_DIR = Path(__file__).resolve().parent / "content" / "es"
LANGUAGE_CODE = "es"


class SpanishEdition:
    def __init__(self, loader):
        # The load_demo command: its count of pages created and its picture helpers.
        self.loader = loader
        self.locale = Locale.objects.filter(language_code=LANGUAGE_CODE).first()
        self.created = 0

    def load(
        self,
        home: HomePage,
        news: NewsIndexPage,
        sections: dict[str, tuple],
        authors: dict[str, AuthorPage],
        articles: dict[str, ArticlePage],
        english_data: dict[str, dict],
    ) -> None:
        """Translates the English pages `load_demo` has just loaded or found: News,
        `sections`, `authors`, `articles` and `english_data` (each article's file) by English
        slug."""
        spanish_home = self._translated(home) if self.locale else None
        if spanish_home is None:
            self._warn("No Spanish home page (home's migration 0004 makes it): not loaded.")
            return
        magazine = json.loads((SPANISH_DIR / "magazine.json").read_text())
        created_before = self.loader.created
        with transaction.atomic():
            spanish_news = self._translation(
                news, spanish_home, magazine["news"], intro=magazine["news"]["intro"]
            )
            spanish_sections = self._sections(magazine, sections, spanish_news)
            people = self._translation(
                PeopleIndexPage.objects.child_of(home).get(),
                spanish_home,
                magazine["people"],
                intro=magazine["people"]["intro"],
            )
            spanish_authors = self._authors(magazine, authors, people)
        spanish_articles = {}
        for path in sorted((SPANISH_DIR / "articles").glob("*.json")):
            with transaction.atomic():
                data = json.loads(path.read_text())
                article = self._article(
                    data, spanish_sections, spanish_authors, articles, english_data
                )
                if article is not None:
                    spanish_articles[data["translation_of"]] = article
        with transaction.atomic():
            self._front_page(home, magazine, spanish_articles)
        self.created = self.loader.created - created_before

    def report(self) -> None:
        if self.locale is None:
            return
        spanish = {"live": True, "locale": self.locale}
        self.loader.stdout.write(
            f"Spanish edition: {self.created} of them in Spanish; "
            f"{ArticlePage.objects.filter(**spanish).count()} articles, "
            f"{NewsIndexPage.objects.filter(**spanish).count()} sections, "
            f"{AuthorPage.objects.filter(**spanish).count()} authors."
        )

    def _warn(self, message: str) -> None:
        self.loader.stderr.write(self.loader.style.WARNING(message))

    def _translated(self, page: Page):
        """The Spanish translation of `page`, of its specific type; None if it has none."""
        return (
            type(page)
            .objects.filter(locale=self.locale, translation_key=page.translation_key)
            .first()
        )

    def _translation(self, source: Page, parent: Page | None, data: dict, tags=(), **fields):
        """The Spanish translation of `source`, created as a child of `parent` and published
        if missing; None (and a warning) if it cannot be made."""
        existing = self._translated(source)
        if existing is not None:
            return existing
        if parent is None:
            self._warn(f"{source.url_path}: its parent has no Spanish translation, skipped.")
            return None
        if Page.objects.child_of(parent).filter(slug=data["slug"]).exists():
            self._warn(
                f"{parent.url_path}{data['slug']}/ is taken by a page that is no translation of "
                f"{source.url_path}: skipped."
            )
            return None
        return self.loader._child(
            parent,
            type(source),
            data,
            tags,
            locale=self.locale,
            translation_key=source.translation_key,
            **fields,
        )

    def _sections(self, magazine: dict, sections: dict[str, tuple], news) -> dict[str, tuple]:
        """Spanish sections and their palettes by the English section's slug; each under the
        Spanish translation of its English parent (`news`, "noticias", or a section)."""
        found = {}
        parents = {} if news is None else {news.translation_key: news}

        def translate(items: list[dict]) -> None:
            for data in items:
                english = sections[data["translation_of"]][0]
                section = self._translation(
                    english,
                    parents.get(english.get_parent().translation_key),
                    data,
                    intro=data["intro"],
                    show_in_menus=english.show_in_menus,
                )
                if section is not None:
                    found[data["translation_of"]] = (section, data["palette"])
                    parents[section.translation_key] = section
                translate(data.get("children", []))

        translate(magazine["sections"])
        for slug in sections.keys() - found.keys():
            self._warn(f"The section {slug!r} has no Spanish translation.")
        return found

    def _authors(self, magazine: dict, authors: dict, people) -> dict[str, AuthorPage]:
        """Spanish author pages ("equipo"'s children) by the English author's slug, with the
        English portraits."""
        found = {}
        for data in magazine["authors"]:
            english = authors[data["translation_of"]]
            author = self._translation(
                english,
                people,
                {"slug": data["slug"], "title": data["name"]},
                role=data["role"],
                bio=data["bio"],
                photo=english.photo,
                links=self.loader._author_links(data),
            )
            if author is not None:
                found[data["translation_of"]] = author
        for slug in authors.keys() - found.keys():
            self._warn(f"The author {slug!r} has no Spanish translation.")
        return found

    def _article(
        self,
        data: dict,
        sections: dict[str, tuple],
        authors: dict[str, AuthorPage],
        english_articles: dict[str, ArticlePage],
        english_data: dict[str, dict],
    ) -> ArticlePage | None:
        english = english_articles.get(data["translation_of"])
        if english is None or data["section"] not in sections:
            self._warn(f"{data['slug']}: no English article or no Spanish section, skipped.")
            return None
        section, palette = sections[data["section"]]
        pictures = self._english_pictures(english, english_data.get(data["translation_of"]))
        existing = self._translated(english)
        if existing is not None:
            # Pictures drawn for the translation alone; the original's are redrawn with it.
            originals = {english.hero_image_id} | {image.pk for _, image in pictures if image}
            self.loader._redraw_article_pictures(existing, data, palette, frozenset(originals))
            return existing
        missing = [slug for slug in data["authors"] if slug not in authors]
        if missing:
            self._warn(f"{data['slug']}: no Spanish author page for {missing}, skipped.")
            return None
        hero = data["hero"]
        hero_image = english.hero_image or self.loader._hero_image(data, palette)
        images = iter(pictures)
        body = [
            self._block(data["slug"], index, block, palette, images)
            for index, block in enumerate(data["body"])
        ]
        # Dated as the English loader dates the original (its slug picks the hour): with the
        # same days_ago, the translation comes out with it.
        timing = {"slug": data["translation_of"], "days_ago": data["days_ago"]}
        article = self._translation(
            english,
            section,
            data,
            hero_caption=hero["caption"],
            hero_credit=hero["credit"],
            **self.loader._article_fields(data, hero_image, body, authors, timing),
        )
        if article is not None:
            self.loader._backdate(article, timing)
        return article

    def _english_pictures(self, english: ArticlePage, data: dict | None) -> list[tuple]:
        """(motif, image) of each picture in the English article's file, in order: the image
        its body shows in the block the English loader made for it, or None if an editor has
        removed that block since."""
        if data is None:
            return []
        shown = self.loader._images_by_block(english)
        return [
            (
                block["value"]["motif"],
                shown.get(self.loader._block_id(data["slug"], index)),
            )
            for index, block in enumerate(data["body"])
            if block["type"] == "image"
        ]

    def _block(self, slug: str, index: int, block: dict, palette: str, pictures) -> dict:
        """A body block as the English loader makes it; a picture is the English article's
        one in the same place (drawn anew only if that is gone or of another motif), with the
        Spanish caption and credit."""
        value = block["value"]
        if block["type"] == "image":
            motif, image = next(pictures, (None, None))
            if image is None or motif != value["motif"]:
                image = self.loader._block_image(slug, index, value, palette)
            value = {
                "image": image.pk,
                "caption": value["caption"],
                "credit": value["credit"],
                "width": value["width"],
            }
        return {"type": block["type"], "value": value, "id": self.loader._block_id(slug, index)}

    def _front_page(self, home: HomePage, magazine: dict, articles: dict) -> None:
        """The Spanish front page's picks and words, set once, like the English ones: later
        choices are the editors' own. The picks name English articles (or Spanish ones)."""
        by_slug = {**{article.slug: article for article in articles.values()}, **articles}
        # The magazine's settings stay the English ones: the edition says its own words.
        words = magazine["settings"]
        self.loader._front_page(
            self._translated(home),
            magazine["home"],
            by_slug,
            tagline=words["tagline"],
            footer_note=words["footer_note"],
        )
