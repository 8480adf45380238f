from django.http import HttpRequest

from . import links


class TranslatedPage:
    """For every page type readers read: its context's `editions` are its translations'
    (editions/links.py). Mixed in before wagtail's Page."""

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = links.for_page(request, self)
        return context
