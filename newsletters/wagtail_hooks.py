"""The Newsletters menu in the admin: issues (composed, previewed as the email, sent) and
subscribers (searchable, exported as CSV, erased on request). Editors see it; Writers do not
(model permissions given in operations/newsroom.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, subscriptions
from .models import NewsletterIssue, Subscriber


class IssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Issues")
    add_to_admin_menu = False
    copy_view_enabled = False
    index_view_class = admin_views.IssueIndexView
    add_view_class = admin_views.IssueCreateView
    edit_view_class = admin_views.IssueEditView
    delete_view_class = admin_views.IssueDeleteView
    list_display = [
        "subject",
        "newsletter",
        Column("get_status_display", label=_("Status")),
        DateColumn("send_at", label=_("Sending from")),
        DateColumn("finished_at", label=_("Sent")),
    ]
    list_filter = ["status", "newsletter"]
    search_fields = ["subject"]
    search_backend_name = None
    panels = [
        FieldPanel("newsletter", read_only=False),
        FieldPanel("subject"),
        FieldPanel("intro"),
        FieldPanel("articles"),
    ]

    def get_queryset(self, request):
        return NewsletterIssue.objects.select_related("newsletter")

    @property
    def send_view(self):
        return admin_views.send_view

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("send/<int:pk>/", self.send_view, name="send"),
        ]


class SubscriberDeleteView(snippets.DeleteView):
    """Removing a subscriber erases them: their subscriptions, deliveries, waiting sign-ups."""

    def delete_action(self):
        subscriptions.erase(self.object)


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "group"
    menu_label = _("Subscribers")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = True
    delete_view_class = SubscriberDeleteView
    list_display = [
        "email",
        "language",
        "newsletter_titles",
        DateColumn("confirmed_at", label=_("Confirmed")),
        DateColumn("unsubscribed_at", label=_("Unsubscribed")),
    ]
    list_export = [
        "email",
        "language",
        "newsletter_titles",
        "requested_at",
        "requested_from",
        "signed_up_on",
        "confirmed_at",
        "confirmed_from",
        "unsubscribed_at",
    ]
    export_filename = "subscribers"
    list_filter = ["language", "subscriptions__newsletter"]
    search_fields = ["email"]
    search_backend_name = None
    inspect_view_fields = list_export

    def get_queryset(self, request):
        return Subscriber.objects.prefetch_related("subscriptions__newsletter")


class NewslettersGroup(SnippetViewSetGroup):
    items = (IssueViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletters")
    menu_name = "newsletters"
    menu_order = 250


register_snippet(NewslettersGroup)
