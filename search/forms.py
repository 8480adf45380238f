"""The search form: the query and its filters, validated before anything reaches the database.

The section and author menus are drawn from lists loaded once per search, which also serve to
validate the choice and to name the authors and sections whose names match the query.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from news import listings

from .query import clean

ORDERS = [("relevance", _("Most relevant")), ("newest", _("Newest first"))]
# Dates outside these are typing mistakes, and far enough out they overflow date arithmetic.
EARLIEST, LATEST = date(1900, 1, 1), date(2199, 12, 31)


class QueryField(forms.CharField):
    """Free text, cleaned rather than refused: control characters (NUL too) become spaces."""

    def __init__(self, **kwargs):
        super().__init__(required=False, strip=False, **kwargs)
        self.validators = []

    def to_python(self, value) -> str:
        return clean(super().to_python(value))


class PageChoiceField(forms.Field):
    """A page out of `pages`, given by its id."""

    default_error_messages = {"invalid_choice": _("Choose one from the list.")}

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
        self.pages: list = []

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            pk = int(value)
        except (TypeError, ValueError):
            pk = None
        for page in self.pages:
            if page.pk == pk:
                return page
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class SearchForm(forms.Form):
    q = QueryField(label=_("Search articles"))
    section = PageChoiceField(
        label=_("Section"),
        error_messages={"invalid_choice": _("There is no such section. Choose one from the list.")},
    )
    author = PageChoiceField(
        label=_("Author"),
        error_messages={"invalid_choice": _("There is no such author. Choose one from the list.")},
    )
    since = forms.DateField(
        label=pgettext_lazy("start date of a search", "From"),
        required=False,
        # Translators: the date stays in this form (year-month-day), whatever the language.
        error_messages={"invalid": _("Give the start date as a real date, like 2026-01-31.")},
    )
    until = forms.DateField(
        label=pgettext_lazy("end date of a search", "To"),
        required=False,
        # Translators: the date stays in this form (year-month-day), whatever the language.
        error_messages={"invalid": _("Give the end date as a real date, like 2026-12-31.")},
    )
    order = forms.ChoiceField(
        label=_("Order"),
        choices=ORDERS,
        required=False,
        error_messages={"invalid_choice": _("Order by relevance or by date.")},
    )

    def __init__(self, data=None):
        super().__init__(data)
        self.sections = list(listings.readable_sections())
        self.authors = list(listings.readable_authors())
        self.fields["section"].pages = self.sections
        self.fields["author"].pages = self.authors

    def clean(self) -> dict:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        for name, day in (("since", since), ("until", until)):
            if day and not EARLIEST <= day <= LATEST:
                self.add_error(
                    name,
                    gettext("Choose a date between %(earliest)s and %(latest)s.")
                    % {"earliest": f"{EARLIEST:%Y}", "latest": f"{LATEST:%Y}"},
                )
        if since and until and since > until:
            raise ValidationError(gettext("The start date is after the end date."))
        return data

    @property
    def filters(self) -> dict:
        """The filters as keyword arguments for `listings.search_articles`."""
        data = self.cleaned_data
        return {name: data[name] for name in ("section", "author", "since", "until")}

    @property
    def has_filters(self) -> bool:
        return any(value is not None for value in self.filters.values())

    def menu(self, name: str) -> list[tuple[str, str, bool]]:
        """(value, label, selected) for each option of the `name` menu, as submitted."""
        chosen = str(self.data.get(name, ""))
        options = {
            "section": [("", gettext("All sections")), *_pages(self.sections)],
            "author": [("", gettext("All authors")), *_pages(self.authors)],
            "order": ORDERS,
        }[name]
        return [(value, label, value == chosen) for value, label in options]

    @property
    def top_sections(self) -> list:
        """The sections just under the highest one (the news index): South America, Politics..."""
        top = min((section.depth for section in self.sections), default=0)
        return [section for section in self.sections if section.depth == top + 1]


def _pages(pages: list) -> list[tuple[str, str]]:
    return [(str(page.pk), page.title) for page in pages]
