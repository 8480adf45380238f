"""Build magazine content for tests through Wagtail's own API, as an editor would."""

import json
import uuid
from datetime import timedelta
from io import BytesIO

from django.core.files.images import ImageFile
from django.test import TestCase
from django.utils import timezone
from PIL import Image
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import ArticleAuthor, ArticlePage, LivePage, LiveUpdate, NewsIndexPage
from newsletters.models import Subscriber, Subscription
from people.models import AuthorPage, PeopleIndexPage


def home_page() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="en")


def image(
    title: str = "A picture",
    credit: str = "Photo: Ana Lima/Agencia",
    caption: str = "",
    size: tuple[int, int] = (120, 80),
):
    buffer = BytesIO()
    Image.new("RGB", size, (180, 60, 40)).save(buffer, "JPEG")
    picture = get_image_model()(
        title=title,
        description=f"Alt text for {title}",
        credit=credit,
        default_caption=caption,
        file=ImageFile(buffer, name=f"{uuid.uuid4().hex}.jpg"),
    )
    picture.save()
    return picture


def committed():
    """What follows an editor's request once it commits (the page cache forgets, the picture
    crops are made): test transactions never commit, so their callbacks run here."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    with committed():
        page.save_revision().publish()
    return page


def section(parent: Page, title: str, **fields) -> NewsIndexPage:
    return publish(parent, NewsIndexPage(title=title, intro=f"About {title}.", **fields))


def author(people: PeopleIndexPage, name: str, **fields) -> AuthorPage:
    return publish(people, AuthorPage(title=name, bio=f"<p>{name} writes.</p>", **fields))


def paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}


def article(
    parent: NewsIndexPage,
    title: str,
    authors: list[AuthorPage],
    days_ago: float = 0,
    body: list[dict] | None = None,
    live: bool = True,
    tags: tuple[str, ...] = (),
    **fields,
) -> ArticlePage:
    """An article published `days_ago` days ago (or a draft, when not `live`)."""
    fields.setdefault("standfirst", f"The standfirst of {title}.")
    page = ArticlePage(
        title=title,
        live=live,  # Wagtail's default is live; the admin makes drafts with live=False
        body=json.dumps(body if body is not None else [paragraph(f"The body of {title}.")]),
        article_authors=[
            ArticleAuthor(author=person, sort_order=order) for order, person in enumerate(authors)
        ],
        **fields,
    )
    page.tags.add(*tags)
    parent.add_child(instance=page)
    with committed():
        revision = page.save_revision()
        if live:
            revision.publish()
    if live:
        date = timezone.now() - timedelta(days=days_ago)
        ArticlePage.objects.filter(pk=page.pk).update(
            display_date=date, first_published_at=date, last_published_at=date
        )
        page.refresh_from_db()
    return page


def live_page(
    parent: NewsIndexPage, title: str, authors: list[AuthorPage], live: bool = True, **fields
) -> LivePage:
    """Live coverage published now (a draft, when not `live`)."""
    fields.setdefault("standfirst", f"The standfirst of {title}.")
    fields.setdefault("key_points", "<ul><li>The first key point.</li></ul>")
    page = LivePage(
        title=title,
        live=live,
        article_authors=[
            ArticleAuthor(author=person, sort_order=order) for order, person in enumerate(authors)
        ],
        **fields,
    )
    parent.add_child(instance=page)
    with committed():
        revision = page.save_revision()
        if live:
            revision.publish()
    page.refresh_from_db()
    return page


def live_update(page: LivePage, author: AuthorPage, text: str, minutes_ago: float = 0, **fields):
    """An update posted to `page` `minutes_ago` minutes ago, as the admin posts it."""
    with committed():
        return LiveUpdate.objects.create(
            page=page,
            author=author,
            body=json.dumps([paragraph(text)]),
            posted_at=timezone.now() - timedelta(minutes=minutes_ago),
            **fields,
        )


def live_update_form_data(live: LivePage, reporter: AuthorPage, words: str, **overrides) -> dict:
    """What the admin's live update form posts."""
    data = nested_form_data(
        {
            "page": live.pk,
            "author": reporter.pk,
            "title": "",
            "body": streamfield([("paragraph", rich_text(f"<p>{words}</p>"))]),
            "posted_at": "",
        }
    )
    data.update(overrides)
    return data


def article_form_data(page, *authors, hero=None, **overrides) -> dict:
    """What the article editor posts for `page`, as a browser would send it: the authors it has
    already (with their ids, as the editor sends them) followed by `authors`."""
    links = list(page.article_authors.all()) if page.pk else []
    forms = [{"id": link.pk, "author": link.author_id} for link in links]
    forms += [{"author": author.pk} for author in authors]
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "standfirst": "A standfirst written in the editor.",
            "dateline": "",
            "hero_image": hero.pk if hero else "",
            "hero_caption": "",
            "hero_credit": "",
            "article_authors": inline_formset(forms, initial=len(links)),
            "related_links": inline_formset([]),
            "notes": inline_formset([]),
            "tags": "",
            "body": streamfield([("paragraph", rich_text("<p>Written in the editor.</p>"))]),
        }
    )
    data.update(overrides)
    return data


class Magazine:
    """A small magazine: News with two sections (one nested under the other) and two authors."""

    def __init__(self):
        self.home = home_page()
        self.news = NewsIndexPage.objects.get(slug="news")  # made by a migration, as on a new site
        self.americas = section(self.news, "South America", show_in_menus=True)
        self.andes = section(self.americas, "Andes")
        self.politics = section(self.news, "Politics", show_in_menus=True)
        self.people = PeopleIndexPage.objects.get(slug="people")
        self.ana = author(self.people, "Ana Lima", role="Correspondent in Bogotá")
        self.ben = author(self.people, "Ben Okafor")


def change_the_andes(kind: str, magazine: Magazine) -> None:
    """One kind of change (KINDS) to what the `newsroom` fixture (conftest.py) keeps in the
    Andes: a story, its author Ana, its picture or its tag, made as an editor would."""
    story = magazine.andes_story
    if kind == "publish":
        article(magazine.andes, "Breaking", [magazine.ana], tags=("Rivers",))
    elif kind == "update":
        story.title = "A new headline"
        story.save_revision().publish()
    elif kind == "unpublish":
        story.unpublish()
    elif kind == "move":
        story.move(magazine.americas, pos="last-child")
    elif kind == "delete":
        story.delete()
    elif kind == "author":
        magazine.ana.role = "Editor at large"
        magazine.ana.save_revision().publish()
    elif kind == "picture":
        magazine.andes_picture.focal_point_x = 10
        magazine.andes_picture.save()
    elif kind == "tag":
        tag = Tag.objects.get(name="Rivers")
        tag.name = "Rivers and lakes"
        tag.save()


KINDS = ["publish", "update", "unpublish", "move", "delete", "author", "picture", "tag"]


def body_with_every_block(picture) -> list[dict]:
    """An article body with one block of each kind, `picture` in its image block."""
    return [
        paragraph("The river port had not seen a ship in eleven years."),
        paragraph("On Tuesday three arrived."),
        {"type": "heading", "value": "What it means", "id": "h1"},
        {
            "type": "pull_quote",
            "value": {"text": "We used the river again.", "attribution": "Ana Ruiz, mayor"},
            "id": "q1",
        },
        {
            "type": "image",
            "value": {"image": picture.pk, "caption": "", "credit": "", "width": "wide"},
            "id": "i1",
        },
        {"type": "embed", "value": "https://vimeo.com/76979871", "id": "e1"},
    ]


def translate(page, **fields):
    """`page`'s Spanish translation, as Wagtail's "Translate" makes it (a draft copy in the
    Spanish tree), given `fields` and published."""
    copy = page.copy_for_translation(Locale.objects.get(language_code="es")).specific
    for name, value in fields.items():
        setattr(copy, name, value)
    with committed():
        copy.save_revision().publish()
    copy.refresh_from_db()
    return copy


class SpanishMagazine:
    """The `Magazine`'s Spanish edition: South America and Ana translated, and one article
    each way (translated, and only in English)."""

    def __init__(self, magazine: Magazine):
        self.en = magazine
        self.americas = translate(magazine.americas, title="Sudamérica", slug="sudamerica")
        self.ana = translate(magazine.ana, role="Corresponsal en Bogotá")
        self.story_en = article(magazine.americas, "Rains return", [magazine.ana], days_ago=1)
        self.story = translate(
            self.story_en, title="Vuelven las lluvias", slug="vuelven-las-lluvias"
        )
        self.older_en = article(magazine.americas, "The dry years", [magazine.ana], days_ago=2)
        self.older = translate(self.older_en, title="Los años secos", slug="los-anos-secos")
        self.only_english = article(magazine.americas, "Copper prices", [magazine.ana])


def subscriber(email: str, *newsletters, language: str = "en") -> Subscriber:
    """A reader who signed up and confirmed, subscribed to `newsletters`."""
    now = timezone.now()
    reader = Subscriber.objects.create(
        email=email, language=language, requested_at=now, confirmed_at=now
    )
    for newsletter in newsletters:
        Subscription.objects.create(subscriber=reader, newsletter=newsletter, subscribed_at=now)
    return reader
