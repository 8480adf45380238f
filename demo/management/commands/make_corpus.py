"""Generate many realistic articles quickly, for benchmarks: `make_corpus --articles 10000`.

Sentences are drawn from the demo magazine's own articles, so words are spread as in real
writing, and the pages are written straight into the page tree in bulk (no revisions), then
indexed for search in batches. Needs the demo's sections and authors: run load_demo first.
"""

import json
import random
import re
import time
import uuid
from contextlib import nullcontext
from datetime import timedelta
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from news.models import ArticleAuthor, ArticlePage, ArticlePageTag, NewsIndexPage
from operations.maintenance import refresh_planner_statistics
from people.models import AuthorPage
from search.postgres_backend import rum_index_set_aside

DEMO_ARTICLES = Path(__file__).resolve().parents[2] / "content" / "articles"
BATCH = 500


class Command(BaseCommand):
    help = "Add N generated articles to the demo magazine's sections, and index them."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, articles: int, seed: int, **options):
        sections = list(NewsIndexPage.objects.filter(depth__gte=4).order_by("path"))
        authors = list(AuthorPage.objects.live())
        if not sections or not authors:
            raise CommandError("No sections or authors: run `manage.py load_demo` first.")
        rng = random.Random(seed)
        texts = _Texts([json.loads(path.read_text()) for path in DEMO_ARTICLES.glob("*.json")])

        started = time.perf_counter()
        created: list[int] = []
        for start in range(0, articles, BATCH):
            with transaction.atomic():
                created += self._batch(min(BATCH, articles - start), sections, authors, texts, rng)
        written = time.perf_counter() - started

        started = time.perf_counter()
        backend = get_search_backend()
        with self._search_index_set_aside():
            for start in range(0, len(created), BATCH):
                pks = created[start : start + BATCH]
                batch = ArticlePage.get_indexed_objects().filter(pk__in=pks)
                backend.add_bulk(ArticlePage, list(batch))
        indexed = time.perf_counter() - started
        refresh_planner_statistics()
        self.stdout.write(
            f"Created {len(created)} articles in {written:.1f} s, indexed them in {indexed:.1f} s;"
            f" {ArticlePage.objects.count()} articles in all."
        )

    def _search_index_set_aside(self):
        if connection.vendor != "postgresql":
            return nullcontext()
        return rum_index_set_aside()

    def _batch(self, count, sections, authors, texts, rng) -> list[int]:
        article_type = ContentType.objects.get_for_model(ArticlePage)
        locale = Locale.get_default()
        now = timezone.now()
        children = dict(
            NewsIndexPage.objects.filter(pk__in=[s.pk for s in sections]).values_list(
                "pk", "numchild"
            )
        )
        pages, details = [], []
        for _ in range(count):
            section = rng.choice(sections)
            children[section.pk] += 1
            title, standfirst, body, tags = texts.article(rng)
            slug = f"{slugify(title)[:60]}-{uuid.uuid4().hex[:8]}"
            published = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 365 * 3))
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=article_type,
                    locale=locale,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    path=Page._get_path(section.path, section.depth + 1, children[section.pk]),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                )
            )
            byline = rng.sample(authors, rng.choice([1, 1, 1, 2]))
            details.append((published, byline, standfirst, body, tags))
        Page.objects.bulk_create(pages)
        for pk, numchild in children.items():
            NewsIndexPage.objects.filter(pk=pk).update(numchild=numchild)

        tags = {
            name: Tag.objects.get_or_create(name=name, defaults={"slug": slugify(name)})[0]
            for name in texts.tags
        }
        links, tagged = [], []
        for page, (published, byline, standfirst, body, tag_names) in zip(
            pages, details, strict=True
        ):
            article = ArticlePage(
                page_ptr_id=page.pk,
                standfirst=standfirst,
                body=body,
                display_date=published,
                dateline=rng.choice(["", "", "LIMA", "NAIROBI", "ROME"]),
            )
            # Only the article's own table: its page row was created above. Being a raw save,
            # it also skips the search and reference indexing of each save.
            article.save_base(raw=True, force_insert=True)
            links += [
                ArticleAuthor(page_id=page.pk, author=person, sort_order=order)
                for order, person in enumerate(byline)
            ]
            tagged += [ArticlePageTag(content_object_id=page.pk, tag=tags[n]) for n in tag_names]
        ArticleAuthor.objects.bulk_create(links)
        ArticlePageTag.objects.bulk_create(tagged)
        return [page.pk for page in pages]


class _Texts:
    """New articles written from the demo's own: each a variation on one demo story.

    Most sentences come from that story and a few from others, so that, as in a real
    magazine, an article is about something: a topic's words are common in its articles and
    rare elsewhere.
    """

    def __init__(self, articles: list[dict]):
        self.stories = [
            {
                "title": article["title"],
                "tags": article["tags"],
                "sentences": [
                    sentence
                    for block in article["body"]
                    if block["type"] == "paragraph"
                    for sentence in re.split(
                        r"(?<=[.!?”])\s+", re.sub(r"<[^>]+>", "", block["value"])
                    )
                    if len(sentence) > 40
                ],
            }
            for article in articles
        ]
        self.tags = sorted({tag for story in self.stories for tag in story["tags"]})

    def article(self, rng) -> tuple[str, str, str, list[str]]:
        """Headline, standfirst, body (StreamField JSON) and tags of a new article."""
        story, other = rng.sample(self.stories, 2)
        words = story["title"].split()
        title = " ".join(words[: rng.randint(3, 6)] + other["title"].split()[rng.randint(3, 6) :])

        def sentence() -> str:
            return rng.choice(
                (story if rng.random() < 0.8 else rng.choice(self.stories))["sentences"]
            )

        paragraphs = [
            " ".join(sentence() for _ in range(rng.randint(3, 5))) for _ in range(rng.randint(5, 9))
        ]
        body = json.dumps(
            [
                {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
                for text in paragraphs
            ]
        )
        return title[:120], sentence()[:300], body, story["tags"]
