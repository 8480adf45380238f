"""The readers' forms: signing up, and changing one's newsletters."""

from django import forms
from django.utils.translation import gettext_lazy as _

DAILY = "daily"
MAX_CHOICES = 50


class SignupForm(forms.Form):
    """An address and the newsletters wanted: "daily", or a section's page id (what the sign-up
    form on a page names, so that a cached page needs no lookup to show it)."""

    email = forms.EmailField(label=_("Email address"), max_length=254)
    newsletter = forms.MultipleChoiceField(
        label=_("Newsletters"),
        error_messages={"required": _("Choose at least one newsletter.")},
    )
    # A field people never see or fill (hidden by the stylesheet, skipped by keyboards and
    # screen readers); robots that fill every field give themselves away.
    website = forms.CharField(required=False, max_length=200)
    signed_up_on = forms.CharField(required=False, max_length=255)

    def __init__(self, *args, sections: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletter"].choices = list(sections.items())

    def clean_newsletter(self) -> list[str]:
        chosen = self.cleaned_data["newsletter"]
        if len(chosen) > MAX_CHOICES:
            raise forms.ValidationError(_("Choose fewer newsletters."))
        return chosen

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_signed_up_on(self) -> str:
        # Only a path of this site is kept as where the reader signed up.
        value = self.cleaned_data["signed_up_on"]
        return value if value.startswith("/") and not value.startswith("//") else ""


class SubscriptionsForm(forms.Form):
    newsletters = forms.MultipleChoiceField(
        label=_("Your newsletters"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, choices: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["newsletters"].choices = choices
