"""The page tree cannot be built wrong in the admin, and an article with every block can be made."""

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from news.models import ArticlePage, NewsIndexPage
from people.models import AuthorPage, PeopleIndexPage
from tests import builders

EMBED_URL = "https://vimeo.com/76979871"


class PageTreeTests(WagtailPageTestCase):
    def setUp(self):
        # A superuser, so only the tree's own rules can refuse. (force_login: django-axes
        # refuses logins that come without a request, as the test client's login() does.)
        self.client.force_login(self.create_superuser("admin"))
        self.magazine = builders.Magazine()

    def test_home_sits_under_the_root_and_holds_sections_and_people(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {NewsIndexPage, PeopleIndexPage})

    def test_sections_hold_articles_and_subsections(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage, NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsIndexPage, ArticlePage})

    def test_articles_live_only_in_sections_and_hold_nothing(self):
        self.assertAllowedParentPageTypes(ArticlePage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_authors_live_only_in_the_people_index(self):
        self.assertAllowedParentPageTypes(AuthorPage, {PeopleIndexPage})
        self.assertAllowedSubpageTypes(AuthorPage, set())
        self.assertAllowedParentPageTypes(PeopleIndexPage, {HomePage})

    def test_sections_nest_one_level_below_the_top_sections(self):
        news, americas, andes = self.magazine.news, self.magazine.americas, self.magazine.andes
        self.assertTrue(NewsIndexPage.can_create_at(news))
        self.assertTrue(NewsIndexPage.can_create_at(americas))
        self.assertFalse(NewsIndexPage.can_create_at(andes))

    def test_only_one_people_index(self):
        self.assertFalse(PeopleIndexPage.can_create_at(self.magazine.home))

    def test_an_editor_can_create_an_article_with_every_block(self):
        picture = builders.image("Quay at dawn")
        Embed.objects.create(
            url=EMBED_URL,
            hash=get_embed_hash(EMBED_URL),
            html='<iframe src="https://player.vimeo.com/video/76979871" title="Video"></iframe>',
            type="video",
        )
        data = nested_form_data(
            {
                "title": "Cargo returns to the river port",
                "slug": "cargo-returns",
                "standfirst": "Three ships docked on Tuesday.",
                "dateline": "HONDA",
                "hero_image": picture.pk,
                "article_authors": inline_formset(
                    [{"author": self.magazine.ana.pk}, {"author": self.magazine.ben.pk}]
                ),
                "tags": "Colombia, Transport",
                "related_links": inline_formset([]),
                "notes": inline_formset([]),
                "body": streamfield(
                    [
                        ("paragraph", rich_text("<p>The river port had been quiet.</p>")),
                        ("heading", "What it means"),
                        ("pull_quote", {"text": "We used the river again.", "attribution": "Ana"}),
                        (
                            "image",
                            {"image": picture.pk, "caption": "", "credit": "", "width": "wide"},
                        ),
                        ("embed", EMBED_URL),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.magazine.americas, ArticlePage, data)

        article = ArticlePage.objects.get(slug="cargo-returns")
        self.assertTrue(article.live)
        self.assertEqual(
            [block.block_type for block in article.body],
            ["paragraph", "heading", "pull_quote", "image", "embed"],
        )
        self.assertEqual([a.title for a in article.authors], ["Ana Lima", "Ben Okafor"])
        self.assertEqual(sorted(tag.name for tag in article.tags.all()), ["Colombia", "Transport"])
        self.assertIsNotNone(article.display_date)


class EditorViewsTests(WagtailPageTestCase):
    """Each page type opens in the editor and renders in its live preview."""

    def setUp(self):
        self.client.force_login(self.create_superuser("admin"))
        self.magazine = builders.Magazine()
        self.article = builders.article(
            self.magazine.andes,
            "Previewed",
            [self.magazine.ana],
            hero_image=builders.image(),
            dateline="LIMA",
        )

    def test_every_page_type_is_editable_and_previewable(self):
        magazine = self.magazine
        for page in [magazine.home, magazine.americas, magazine.people, magazine.ana]:
            with self.subTest(page=page.title):
                self.assertPageIsEditable(page)
                self.assertPageIsPreviewable(page)

    def test_an_article_is_editable_and_previewable(self):
        # The body editor is drawn by JavaScript, so the form data is spelled out here.
        data = nested_form_data(
            {
                "title": "Previewed, edited",
                "slug": "previewed",
                "standfirst": "A new standfirst.",
                "dateline": "LIMA",
                "article_authors": inline_formset([{"author": self.magazine.ben.pk}]),
                "tags": "",
                "related_links": inline_formset([]),
                "notes": inline_formset([]),
                "body": streamfield([("paragraph", rich_text("<p>New text.</p>"))]),
            }
        )
        self.assertPageIsEditable(self.article, post_data=data)
        self.assertPageIsPreviewable(self.article, post_data=data)
