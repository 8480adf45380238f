"""The "Authors" list in the admin: each author with how much they have published, and when."""

from django.contrib.admin import display
from django.db.models import Count, Max, Q
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from core.strict_index import StrictIndexView

from .models import AuthorPage

_LIVE = Q(bylines__page__live=True)


class AuthorAdmin(ModelAdmin):
    index_view_class = StrictIndexView
    model = AuthorPage
    menu_label = "Authors"
    menu_icon = "user"
    menu_order = 160
    list_display = ("title", "role", "live_articles", "latest_article")
    search_fields = ("title", "role")
    ordering = ("title",)

    def get_list_filter(self, request):
        # Not wagtail-modeladmin's own "locale" filter, which needs django.contrib.admin.
        return self.list_filter

    def get_queryset(self, request):
        return AuthorPage.objects.annotate(
            live_article_count=Count("bylines", filter=_LIVE),
            latest_article_date=Max("bylines__page__display_date", filter=_LIVE),
        ).order_by(*self.ordering)

    @display(description=_("Live articles"), ordering="live_article_count")
    def live_articles(self, author) -> int:
        return author.live_article_count

    @display(description=_("Latest article"), ordering="latest_article_date")
    def latest_article(self, author):
        return author.latest_article_date


modeladmin_register(AuthorAdmin)
