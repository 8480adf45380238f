"""The search form: the query and its filters, validated before anything reaches the database."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from news.models import NewsIndexPage
from people.models import AuthorPage

from .query import clean

ORDERS = [("relevance", "Most relevant"), ("newest", "Newest first")]
# Dates outside these are typing mistakes, and far enough out they overflow date arithmetic.
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)


class QueryField(forms.CharField):
    """Free text, cleaned rather than refused: control characters (NUL too) become spaces."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)
        self.validators = []

    def to_python(self, value) -> str:
        return clean(super().to_python(value))


class SearchForm(forms.Form):
    q = QueryField(label="Search articles")
    section = forms.ModelChoiceField(
        queryset=NewsIndexPage.objects.none(), required=False, empty_label="All sections"
    )
    author = forms.ModelChoiceField(
        queryset=AuthorPage.objects.none(), required=False, empty_label="All authors"
    )
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    order = forms.ChoiceField(choices=ORDERS, required=False, label="Order")

    error_messages = {
        "section": "There is no such section. Choose one from the list.",
        "author": "There is no such author. Choose one from the list.",
        "since": "Give the start date as a real date, like 2026-01-31.",
        "until": "Give the end date as a real date, like 2026-12-31.",
        "order": "Order by relevance or by date.",
    }

    def __init__(self, data=None):
        super().__init__(data)
        # Querysets are set here, not on the class, so that they are built per request.
        self.fields["section"].queryset = NewsIndexPage.objects.live().public().order_by("path")
        self.fields["author"].queryset = AuthorPage.objects.live().public().order_by("title")
        for name, message in self.error_messages.items():
            self.fields[name].error_messages.update(invalid=message, invalid_choice=message)

    def clean(self) -> dict:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        for name, day in (("since", since), ("until", until)):
            if day and not EARLIEST <= day <= LATEST:
                self.add_error(name, f"Choose a date between {EARLIEST:%Y} and {LATEST:%Y}.")
        if since and until and since > until:
            raise ValidationError("The start date is after the end date.")
        return data

    @property
    def filters(self) -> dict:
        """The filters as keyword arguments for `listings.search_articles`."""
        data = self.cleaned_data
        return {name: data[name] for name in ("section", "author", "since", "until")}

    @property
    def has_filters(self) -> bool:
        return any(value is not None for value in self.filters.values())
