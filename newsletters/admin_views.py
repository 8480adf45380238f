"""The editors' side: composing an issue (pre-filled with the newsletter's articles), keeping
sent issues as they went, and the page that sends one (a test to oneself, a schedule, now)."""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import BadHeaderError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.widgets import AdminDateTimeInput, Button
from wagtail.admin.widgets.button import MenuItem
from wagtail.snippets.views import snippets

from . import catalogue, sending
from .email import render_issue, site_root
from .messages import issue_message
from .models import Delivery, Newsletter, NewsletterIssue, Subscriber

SEND_PERMISSION = "newsletters.send_newsletterissue"


def may_send(user) -> bool:
    return user.has_perm(SEND_PERMISSION)


def send_url(issue: NewsletterIssue) -> str:
    return reverse("wagtailsnippets_newsletters_newsletterissue:send", args=[issue.pk])


class IssueIndexView(snippets.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if may_send(self.request.user):
            buttons.append(
                MenuItem(_("Send…"), url=send_url(instance), icon_name="mail", priority=15)
            )
        return buttons


class IssueCreateView(snippets.CreateView):
    """First the newsletter; then the form, with the articles it would hold today."""

    def chosen_newsletter(self) -> Newsletter | None:
        pk = self.request.GET.get("newsletter", "")
        return catalogue.offered().filter(pk=pk).first() if pk.isdigit() else None

    def get(self, request, *args, **kwargs):
        if self.chosen_newsletter() is None:
            catalogue.set_up()  # sections published before the newsletters existed
            return TemplateResponse(
                request,
                "newsletters/admin/choose_newsletter.html",
                {
                    "newsletters": catalogue.offered().order_by("locale_id", "kind", "title"),
                    "header_title": _("New issue"),
                    "page_title": _("New issue"),
                    "header_icon": "mail",
                },
            )
        return super().get(request, *args, **kwargs)

    def get_initial_form_instance(self):
        newsletter = self.chosen_newsletter()
        if newsletter is None:
            return None
        issue = NewsletterIssue(newsletter=newsletter, subject=newsletter.title)
        # Each block with its id, as a saved one has: the editor's collapse toggles and labels
        # find their block by it.
        issue.articles = [
            {"type": "article", "value": page.pk, "id": str(uuid.uuid4())}
            for page in catalogue.default_articles(newsletter)
        ]
        return issue

    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class IssueEditView(snippets.EditView):
    """An issue that has started sending stays as it went out."""

    def dispatch(self, request, *args, **kwargs):
        issue = get_object_or_404(NewsletterIssue, pk=kwargs.get("pk"))
        if not issue.editable:
            messages.warning(request, _("This issue has been sent; it can no longer be changed."))
            return redirect(send_url(issue))
        return super().dispatch(request, *args, **kwargs)

    @property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if may_send(self.request.user):
            buttons.append(
                Button(_("Send…"), url=send_url(self.object), icon_name="mail", priority=5)
            )
        return buttons


class IssueDeleteView(snippets.DeleteView):
    """A sent issue keeps its record of who received it."""

    def dispatch(self, request, *args, **kwargs):
        issue = get_object_or_404(NewsletterIssue, pk=kwargs.get("pk"))
        if not issue.editable:
            messages.warning(request, _("A sent issue is kept with its deliveries."))
            return redirect(send_url(issue))
        return super().dispatch(request, *args, **kwargs)


class ScheduleForm(forms.Form):
    send_at = forms.DateTimeField(label=gettext_lazy("Send at"), widget=AdminDateTimeInput)

    def clean_send_at(self):
        value = self.cleaned_data["send_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return value


def send_view(request, pk: int):
    """An issue's sending: its state and counts, and the editor's actions on it."""
    if not may_send(request.user):
        raise PermissionDenied
    issue = get_object_or_404(NewsletterIssue.objects.select_related("newsletter"), pk=pk)
    schedule_form = ScheduleForm(prefix="schedule")
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "schedule":
            schedule_form = ScheduleForm(request.POST, prefix="schedule")
        response = _act(request, issue, action, schedule_form)
        if response is not None:
            return response
    counts = _delivery_counts(issue)
    context = {
        "issue": issue,
        "audience": sending.audience(issue).count(),
        "counts": counts,
        "failures": issue.deliveries.filter(status=Delivery.FAILED).select_related("subscriber")[
            :50
        ],
        "schedule_form": schedule_form,
        "edit_url": reverse("wagtailsnippets_newsletters_newsletterissue:edit", args=[pk]),
        "header_title": issue.subject,
        "page_title": _("Send “%(subject)s”") % {"subject": issue.subject},
        "header_icon": "mail",
    }
    return TemplateResponse(request, "newsletters/admin/send.html", context)


def _delivery_counts(issue: NewsletterIssue) -> dict:
    found = dict.fromkeys([Delivery.SENT, Delivery.FAILED, Delivery.SENDING], 0)
    found.update(issue.deliveries.values_list("status").annotate(Count("pk")))
    return found


def _act(request, issue: NewsletterIssue, action: str | None, schedule_form: ScheduleForm):
    if action == "test":
        address = request.user.email
        if not address:
            messages.error(request, _("Your account has no email address to send a test to."))
            return None
        try:
            _send_test(issue, address)
        except (BadHeaderError, OSError) as error:
            messages.error(request, _("The test could not be sent: %(error)s") % {"error": error})
            return None
        messages.success(request, _("A test was sent to %(email)s.") % {"email": address})
        return redirect(send_url(issue))
    if not issue.editable:
        messages.error(request, _("This issue is sending or sent already."))
        return None
    if action == "now":
        sending.start(issue, request.user)
        messages.success(request, _("Sending has started."))
        return redirect(send_url(issue))
    if action == "schedule" and schedule_form.is_valid():
        sending.start(issue, request.user, at=schedule_form.cleaned_data["send_at"])
        messages.success(request, _("The issue is scheduled."))
        return redirect(send_url(issue))
    if action == "unschedule" and issue.status == NewsletterIssue.SCHEDULED:
        issue.status, issue.send_at = NewsletterIssue.DRAFT, None
        issue.save(update_fields=["status", "send_at"])
        messages.success(request, _("The schedule is cancelled; the issue is a draft again."))
        return redirect(send_url(issue))
    return None


def _send_test(issue: NewsletterIssue, address: str) -> None:
    """The issue as a reader gets it, to the editor; its links name a reader who is not one."""
    rendered = render_issue(issue)
    sample = Subscriber(email=address)
    message = issue_message(rendered, issue.newsletter, address, sample.key, site_root(), None)
    message.subject = _("[Test] %(subject)s") % {"subject": message.subject}
    message.send()
