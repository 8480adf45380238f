"""Links that change one thing about the current search and keep everything else."""

from dataclasses import dataclass

from django.http import HttpRequest, QueryDict
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext


@dataclass(frozen=True)
class FilterLink:
    label: str
    url: str
    is_current: bool = False


def url_with(request: HttpRequest, **changes: str | None) -> str:
    """This search's URL with `changes` applied (None removes a parameter), from page one."""
    params: QueryDict = request.GET.copy()
    params.pop("page", None)
    for name, value in changes.items():
        if value in (None, ""):
            params.pop(name, None)
        else:
            params[name] = value
    query = params.urlencode()
    return f"{request.path}?{query}" if query else request.path


def section_links(request: HttpRequest, sections, current) -> list[FilterLink]:
    links = [FilterLink(gettext("All sections"), url_with(request, section=None), current is None)]
    for section in sections:
        url = url_with(request, section=str(section.pk))
        links.append(FilterLink(section.title, url, current == section))
    return links


def order_links(request: HttpRequest, orders, current: str) -> list[FilterLink]:
    return [
        FilterLink(
            label,
            url_with(request, order=None if value == "relevance" else value),
            value == current,
        )
        for value, label in orders
    ]


def active_filters(request: HttpRequest, filters: dict) -> list[FilterLink]:
    """One link per filter in use, which removes it."""
    labels = {
        "section": lambda section: (
            pgettext("search filter", "In %(section)s") % {"section": section.title}
        ),
        "author": lambda author: (
            pgettext("search filter", "By %(author)s") % {"author": author.title}
        ),
        "since": lambda day: (
            pgettext("search filter", "From %(date)s")
            % {"date": date_format(day, "SHORT_DATE_FORMAT")}
        ),
        "until": lambda day: (
            pgettext("search filter", "To %(date)s")
            % {"date": date_format(day, "SHORT_DATE_FORMAT")}
        ),
    }
    return [
        FilterLink(labels[name](value), url_with(request, **{name: None}))
        for name, value in filters.items()
        if value is not None
    ]
