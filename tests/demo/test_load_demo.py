"""The demo magazine: complete, varied, and safe to load again."""

import json
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from PIL import Image
from taggit.models import Tag
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry, Page, PageLogEntry, ReferenceIndex, Revision

from demo.management.commands.load_demo import DEMO_DIR
from home.models import HomeFeaturedArticle, HomePage, MagazineSettings
from news import listings
from news.models import ArticleAuthor, ArticlePage, NewsIndexPage
from newsletters.models import Newsletter, NewsletterIssue
from people.models import AuthorPage

DEMO_ARTICLES = DEMO_DIR / "articles"


def counts() -> dict:
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "bylines": ArticleAuthor.objects.count(),
        "tags": Tag.objects.count(),
        "featured": HomeFeaturedArticle.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module (it draws 80 pictures), then removed."""
    with django_db_blocker.unblock():
        call_command("load_demo", "--skip-renditions", stdout=StringIO())
        yield counts()
        # Root, Home, News and People come from migrations; everything below is the demo's.
        NewsletterIssue.objects.all().delete()  # the demo's draft issue, then its newsletters
        Newsletter.objects.all().delete()
        Page.objects.filter(depth=4).delete()
        Revision.objects.all().delete()
        # Wagtail's history of the demo's pages and images: rows naming pages that are gone
        # would reach the next module's backup (tests/operations/test_backup_restore.py).
        PageLogEntry.objects.all().delete()
        ModelLogEntry.objects.all().delete()
        ReferenceIndex.objects.all().delete()
        get_image_model().objects.all().delete()
        Tag.objects.all().delete()
        Embed.objects.all().delete()  # the demo's video, looked up (and failed) on saving
        MagazineSettings.objects.all().delete()
        get_user_model().objects.all().delete()
        home = HomePage.objects.get(depth=2, locale__language_code="en")
        home.lead_story = None
        home.featured_articles = []
        home.intro = ""
        home.save()


@pytest.mark.django_db
def test_a_second_run_changes_and_duplicates_nothing(demo):
    call_command("load_demo", "--skip-renditions", stdout=StringIO())
    assert counts() == demo


@pytest.mark.django_db
def test_the_demo_is_a_whole_magazine(demo):
    assert ArticlePage.objects.live().count() >= 60
    assert AuthorPage.objects.live().count() >= 8
    sections = NewsIndexPage.objects.live()
    assert sections.count() >= 6  # News and at least five sections
    assert any(section.depth > sections.order_by("depth").first().depth + 1 for section in sections)
    two_authors = [a for a in ArticlePage.objects.all() if a.article_authors.count() == 2]
    assert len(two_authors) >= 3
    block_types = {block.block_type for a in ArticlePage.objects.all() for block in a.body}
    assert block_types == {"paragraph", "heading", "pull_quote", "image", "embed"}
    assert MagazineSettings.objects.get().name == "The Parallax"
    assert HomePage.objects.get(depth=2, locale__language_code="en").lead_story is not None


@pytest.mark.django_db
def test_the_demo_has_a_writer_and_an_editor_to_try_the_workflow(demo):
    users = get_user_model().objects.all()
    assert {(u.username, u.groups.get().name) for u in users} == {
        ("writer", "Writers"),
        ("editor", "Editors"),
    }
    out = StringIO()
    call_command("load_demo", "--skip-renditions", stdout=out)
    assert "password" not in out.getvalue()  # shown once, when the accounts are made


@pytest.mark.django_db
def test_bylines_keep_the_order_of_the_demo_files(demo):
    # Unordered bylines come back in any order on PostgreSQL: the primary author must be first.
    assert not ArticleAuthor.objects.filter(sort_order__isnull=True).exists()
    for path in sorted(DEMO_ARTICLES.glob("*.json"))[:20]:
        data = json.loads(path.read_text())
        article = ArticlePage.objects.get(slug=data["slug"])
        assert [author.slug for author in listings.byline(article)] == data["authors"]


@pytest.mark.django_db
def test_articles_are_spread_over_months_and_every_image_is_a_real_picture(demo):
    dates = sorted(ArticlePage.objects.values_list("display_date", flat=True))
    assert (dates[-1] - dates[0]).days >= 90
    for picture in get_image_model().objects.all()[:10]:
        with picture.open_file() as file:
            assert Image.open(file).format in {"JPEG", "PNG"}
        assert picture.credit and picture.description


@pytest.mark.django_db
def test_a_second_run_draws_again_the_pictures_whose_files_are_gone(demo):
    """The database outlived the media folder (see repair_media): the same pictures return."""
    from django.core.files.storage import default_storage

    article = ArticlePage.objects.filter(hero_image__isnull=False).first()
    author = AuthorPage.objects.filter(photo__isnull=False).first()
    pictures = [article.hero_image, author.photo]
    before = {
        picture.file.name: default_storage.open(picture.file.name).read() for picture in pictures
    }
    for name in before:
        default_storage.delete(name)
    call_command("load_demo", "--skip-renditions", stdout=StringIO())
    for name, content in before.items():
        assert default_storage.open(name).read() == content, name
