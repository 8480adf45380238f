"""The editorial desk in the admin: the "Articles" list and the dashboard's article panels."""

from django.contrib.admin import DateFieldListFilter, SimpleListFilter, display
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail_modeladmin.helpers import PageButtonHelper
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.strict_index import StrictIndexView
from editions import desk as editions_desk
from editions import languages

from . import desk, live_admin
from .models import ArticlePage, NewsIndexPage, author_model

DASHBOARD_ROWS = 8


class SectionFilter(SimpleListFilter):
    title = _("section")
    parameter_name = "section"

    def lookups(self, request, model_admin):
        return [
            (str(s.pk), s.title) for s in NewsIndexPage.objects.filter(depth__gt=3).order_by("path")
        ]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        section = NewsIndexPage.objects.filter(pk=_int(self.value())).first()
        return queryset.descendant_of(section) if section else queryset.none()


class AuthorFilter(SimpleListFilter):
    title = _("author")
    parameter_name = "author"

    def lookups(self, request, model_admin):
        return [(str(a.pk), a.title) for a in author_model().objects.order_by("title")]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queryset.filter(article_authors__author_id=_int(self.value()))


class StatusFilter(SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return list(desk.STATUS_LABELS.items())

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in desk.STATUS_LABELS:
            return queryset.none()
        return desk.with_status(queryset, self.value())


class LanguageFilter(SimpleListFilter):
    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(code, languages.name(code)) for code in languages.codes()]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queryset.filter(locale__language_code=self.value())


class TranslationFilter(SimpleListFilter):
    """Articles whose translation is missing or out of date: the translators' list."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        return list(editions_desk.LABELS.items())

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if self.value() not in editions_desk.LABELS:
            return queryset.none()
        return queryset.filter(desk_translation=self.value())


def _int(value) -> int | None:
    """A filter's value as a page id; garbage finds nothing rather than breaking the list."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


class DeskButtonHelper(PageButtonHelper):
    """Edit, view, unpublish and delete on each row; no "Copy", whose permission check loads
    each row's section one query at a time (copying stays in the page editor's menu)."""

    def get_buttons_for_obj(self, obj, exclude=None, *args, **kwargs):
        return super().get_buttons_for_obj(obj, [*(exclude or []), "copy"], *args, **kwargs)


class ArticleAdmin(ModelAdmin):
    index_view_class = StrictIndexView
    model = ArticlePage
    menu_label = "Articles"
    menu_icon = "doc-full"
    menu_order = 150
    list_display = (
        "title",
        "section",
        "byline",
        "status",
        "language",
        "translation",
        "display_date",
        "last_edited",
    )
    list_filter = (
        LanguageFilter,
        TranslationFilter,
        SectionFilter,
        AuthorFilter,
        StatusFilter,
        ("display_date", DateFieldListFilter),
    )
    search_fields = ("title",)
    ordering = ("-latest_revision_created_at", "-pk")
    list_per_page = 50
    button_helper_class = DeskButtonHelper

    def get_queryset(self, request):
        return desk.desk_articles().order_by(*self.ordering)

    def get_list_filter(self, request):
        # Not wagtail-modeladmin's own "locale" filter, which needs django.contrib.admin.
        return self.list_filter

    @display(description=_("Language"), ordering="locale__language_code")
    def language(self, article) -> str:
        return languages.name(article.locale.language_code)

    @display(description=_("Translation"))
    def translation(self, article) -> str:
        return format_html(
            '<span class="desk-translation--{}">{}: {}</span>',
            article.desk_translation,
            editions_desk.other_language_names(article),
            editions_desk.LABELS[article.desk_translation],
        )

    @display(description=_("Section"))
    def section(self, article) -> str:
        return article.desk_section or ""

    @display(description=_("Authors"))
    def byline(self, article) -> str:
        return ", ".join(link.author.title for link in article.article_authors.all())

    @display(description=_("Status"))
    def status(self, article) -> str:
        state = desk.status(article)
        return format_html(
            '<span class="w-status desk-status--{}">{}</span>', state, desk.STATUS_LABELS[state]
        )

    @display(description=_("Last edited"), ordering="latest_revision_created_at")
    def last_edited(self, article):
        return article.latest_revision_created_at


modeladmin_register(ArticleAdmin)


class ArticlesPanel(Component):
    """A dashboard panel listing a few articles, each linked to its editor."""

    template_name = "news/desk/articles_panel.html"
    heading = ""
    empty = ""

    def articles(self) -> list:
        raise NotImplementedError

    def get_context_data(self, parent_context):
        return {"heading": self.heading, "empty": self.empty, "rows": self.articles()}


class ScheduledPanel(ArticlesPanel):
    name = "articles_scheduled"
    order = 206
    heading = _("Scheduled to go live")
    empty = _("No article is scheduled.")

    def articles(self):
        scheduled = desk.scheduled_articles()[:DASHBOARD_ROWS]
        label = pgettext("desk, before a date", "Goes live")
        return [(a, label, a.desk_go_live_at) for a in scheduled]


class RecentlyPublishedPanel(ArticlesPanel):
    name = "articles_recently_published"
    order = 207
    heading = _("Recently published")
    empty = _("Nothing has been published yet.")

    def articles(self):
        published = desk.desk_articles().filter(live=True, last_published_at__lte=timezone.now())
        label = pgettext("desk, before a date", "Published")
        return [
            (a, label, a.last_published_at)
            for a in published.order_by("-last_published_at")[:DASHBOARD_ROWS]
        ]


@hooks.register("before_create_page")
def only_publishers_add_sections(request, parent_page, page_class):
    """Sections shape the whole site: only those who may publish under the parent add them.

    Wagtail's page permissions cover a part of the tree, not a page type, so writers (who may
    add articles anywhere under News) would otherwise be able to add sections too.
    """
    if (
        issubclass(page_class, NewsIndexPage)
        and not parent_page.permissions_for_user(request.user).can_publish_subpage()
    ):
        return permission_denied(request)
    return None


@hooks.register("construct_homepage_panels")
def add_desk_panels(request, panels):
    # What awaits review is Wagtail's own panel ("Awaiting your review"), shown to whoever may
    # approve it.
    panels.extend([ScheduledPanel(), RecentlyPublishedPanel()])


register_snippet(live_admin.LiveUpdateViewSet)
hooks.register("register_page_header_buttons", live_admin.post_button)
