"""Posting to live coverage from the admin: "Live updates" in the menu, and "Post an update"
on a live page. An update is public the moment it is saved (it is a row of its own, not a
revision of the page: two reporters posting at once both appear). Changing a posted update
asks what was corrected, which readers see; removing one hides it from readers and keeps it.
Writers post and correct; Editors also remove (operations/newsroom.py gives the rights)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views import snippets
from wagtail.snippets.views.snippets import SnippetViewSet

from .live import LivePage, LiveUpdate

# What readers read: changing any of it after posting is a correction.
CONTENT_FIELDS = ("title", "body", "author", "posted_at")


class LiveUpdateForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].queryset = LivePage.objects.order_by("-first_published_at", "-pk")
        self.fields["page"].label = gettext("Live coverage")
        self.fields["posted_at"].required = False
        if self.instance.pk is None:
            del self.fields["correction"]  # nothing to correct yet
            self.initial["posted_at"] = None  # posted when saved, not when the form opened
        else:
            self.published_correction = self.instance.correction
            self.initial["correction"] = ""  # each correction says what it corrected

    def clean(self):
        data = super().clean()
        if not data.get("posted_at"):
            data["posted_at"] = self.instance.posted_at if self.instance.pk else timezone.now()
            self.instance.posted_at = data["posted_at"]
        if self.instance.pk is not None:
            corrected = [name for name in CONTENT_FIELDS if name in self.changed_data]
            if corrected and not data.get("correction"):
                self.add_error(
                    "correction",
                    gettext("Say what you corrected: readers see it under the update."),
                )
        return data

    def save(self, commit=True):
        update = super().save(commit=False)
        if update.pk is not None and any(name in self.changed_data for name in CONTENT_FIELDS):
            update.corrected_at = timezone.now()
        elif update.pk is not None:
            update.correction = self.published_correction  # nothing corrected this time
        if commit:
            update.save()
        return update


class PostView(snippets.CreateView):
    """Started from a live page's "Post an update" (that page chosen) or from the menu (the
    newest coverage still live chosen), with the reporter's own byline when an author has
    their name."""

    def get_initial(self):
        initial = super().get_initial()
        page_id = self.request.GET.get("page", "")
        if page_id.isdigit() and len(page_id) < 19 and LivePage.objects.filter(pk=page_id).exists():
            initial["page"] = int(page_id)
        else:  # the story running now, the newest still live
            running = LivePage.objects.live().filter(status=LivePage.LIVE)
            newest = running.order_by("-first_published_at").values_list("pk", flat=True).first()
            if newest is not None:
                initial["page"] = newest
        name = self.request.user.get_full_name()
        author = LiveUpdate._meta.get_field("author").related_model
        found = author.objects.filter(title=name) if name else author.objects.none()
        mine = found.values_list("pk", flat=True).first()
        if mine is not None:
            initial["author"] = mine
        return initial

    def save_instance(self):
        self.form.instance.posted_by = self.request.user
        return super().save_instance()


class RemoveView(snippets.DeleteView):
    """Removing an update hides it from readers; the newsroom keeps it."""

    def get_page_subtitle(self):
        return str(self.object)

    def delete_action(self):
        self.object.removed_at = timezone.now()
        self.object.save(update_fields=["removed_at", "changed_at"])

    def get_success_message(self):
        return gettext("Update “%(update)s” removed: readers no longer see it.") % {
            "update": self.object
        }


class LiveUpdateViewSet(SnippetViewSet):
    model = LiveUpdate
    icon = "time"
    menu_label = gettext_lazy("Live updates")
    menu_order = 210
    add_to_admin_menu = True
    copy_view_enabled = False
    add_view_class = PostView
    delete_view_class = RemoveView
    list_display = [
        "__str__",
        Column("page", label=gettext_lazy("Live coverage")),
        "author",
        DateColumn("posted_at", label=gettext_lazy("Posted")),
        BooleanColumn("pinned"),
        DateColumn("corrected_at", label=gettext_lazy("Corrected")),
        DateColumn("removed_at", label=gettext_lazy("Removed")),
    ]
    list_filter = ["page", "pinned"]
    edit_handler = ObjectList(
        [
            FieldPanel("page"),
            FieldPanel("author"),
            FieldPanel("title"),
            FieldPanel("body"),
            FieldPanel("pinned"),
            FieldPanel("posted_at"),
            FieldPanel("correction"),
        ],
        base_form_class=LiveUpdateForm,
    )
    search_fields = ["title"]
    search_backend_name = None

    def get_queryset(self, request):
        return LiveUpdate.objects.select_related("page", "author")


def post_button(page, user, view_name, next_url=None):
    """ "Post an update" among a live page's actions in the admin."""
    live = page.specific_class is not None and issubclass(page.specific_class, LivePage)
    if live and user.has_perm("news.add_liveupdate"):
        url = reverse("wagtailsnippets_news_liveupdate:add") + f"?page={page.pk}"
        yield Button(gettext("Post an update"), url, icon_name="time", priority=5)
