"""The front page and the magazine's own settings (name, tagline, logo, social accounts)."""

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.urls import reverse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page, Site

from caching import fragments
from core import seo
from editions.pages import TranslatedPage
from news import listings
from news.choosers import ArticleChooser

from .front import front


class HomePage(TranslatedPage, Page):
    intro = models.TextField(
        blank=True, help_text="A sentence about the magazine, used as the home page's description."
    )
    # Each edition's home says the magazine's words in its own language; blank takes the
    # magazine's settings (one for the site, whatever the language).
    tagline = models.CharField(
        max_length=160,
        blank=True,
        help_text="This edition's tagline, under the name. Blank: the magazine settings' one.",
    )
    footer_note = models.TextField(
        blank=True,
        help_text="This edition's small print in the footer. Blank: the magazine settings' one.",
    )
    lead_story = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The story at the top of the home page. Leave empty for the newest article.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("tagline"),
        FieldPanel("footer_note"),
        FieldPanel("lead_story", widget=ArticleChooser),
        MultipleChooserPanel(
            "featured_articles",
            chooser_field_name="article",
            label="Featured articles",
            heading="Featured articles",
            help_text="Up to four cards under the lead story; the newest articles fill the rest.",
            max_num=listings.HOME_FEATURED,
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.NewsIndexPage", "people.PeopleIndexPage"]

    class Meta:
        verbose_name = "home page"

    def route(self, request: HttpRequest, path_components: list[str]):
        """Straight to the page at the path, where Wagtail walks the tree a level at a time.

        Wagtail's walk costs two queries a level (the child, then its specific type); this is
        one lookup by URL path (indexed by home's migration 0003) and one for the type. None of
        the magazine's pages routes further paths of its own, so the answer is the same; a path
        that names no page falls back to Wagtail's walk, which gives the 404.
        """
        if path_components:
            url_path = self.url_path + "/".join(path_components) + "/"
            page = Page.objects.filter(url_path=url_path).specific().first()
            if page is not None:
                return page.route(request, [])
        return super().route(request, path_components)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["front"] = front(request, self)
        context["meta"] = context["front"]["meta"]
        return context

    def meta(self, request: HttpRequest) -> seo.Meta:
        """The site as schema.org's WebSite, with the search box search engines may show."""
        settings = MagazineSettings.for_request(request)
        url = self.get_full_url(request)
        search = seo.absolute(request, reverse("search")) + "?q={search_term_string}"
        website = {
            "@type": "WebSite",
            "name": settings.name,
            "url": url,
            "publisher": seo.publisher(settings, request),
            "potentialAction": {
                "@type": "SearchAction",
                "target": {"@type": "EntryPoint", "urlTemplate": search},
                "query-input": "required name=search_term_string",
            },
        }
        return seo.Meta(
            title=settings.name,
            description=seo.summary(self.search_description or self.intro or settings.tagline),
            canonical=url,
            json_ld=[website],
        )


class HomeFeaturedArticle(Orderable):
    page = ParentalKey(HomePage, related_name="featured_articles", on_delete=models.CASCADE)
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("article", widget=ArticleChooser)]


SOCIAL_FIELDS = (
    "x_url",
    "bluesky_url",
    "mastodon_url",
    "instagram_url",
    "facebook_url",
    "linkedin_url",
)


@register_setting(icon="site")
class MagazineSettings(BaseSiteSetting):
    name = models.CharField(
        max_length=80,
        default="Magazine",
        help_text="The magazine's name, in the header and titles.",
    )
    tagline = models.CharField(max_length=160, blank=True, help_text="Shown under the name.")
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional; the name is shown in type when there is no logo.",
    )
    footer_note = models.TextField(blank=True, help_text="A line of small print in the footer.")
    x_url = models.URLField("X", blank=True)
    bluesky_url = models.URLField("Bluesky", blank=True)
    mastodon_url = models.URLField("Mastodon", blank=True)
    instagram_url = models.URLField("Instagram", blank=True)
    facebook_url = models.URLField("Facebook", blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
                FieldPanel("footer_note"),
            ],
            heading="Identity",
        ),
        MultiFieldPanel([FieldPanel(name) for name in SOCIAL_FIELDS], heading="Social accounts"),
    ]

    class Meta:
        verbose_name = "magazine settings"

    @classmethod
    def for_request(cls, request: HttpRequest) -> "MagazineSettings":
        """The site's settings, kept as a fragment (caching/fragments.py) until they change:
        every page shows them, and a change of them touches the site's key."""
        name = cls.get_cache_attr_name()
        if not hasattr(request, name):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)
            found = fragments.cached(f"settings:{site.pk}", lambda: cls.for_site(site))
            found._request = request  # as Wagtail's does, for page URLs in the settings
            setattr(request, name, found)
        return getattr(request, name)

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(label, url) for each account that is set, in the order of the form."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in SOCIAL_FIELDS
            if getattr(self, name)
        ]
