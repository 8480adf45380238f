"""wagtail-modeladmin's list view, refusing what Django's admin refuses.

modeladmin filters its list by every query parameter its own filters leave over, as a field
path (`?owner__password__startswith=`), which lets anyone who may see the list probe fields it
does not show; and a value a filter cannot read (a date that is no date) escaped as a server
error. Here a parameter no filter of the list offers, and a value a filter cannot read, get a
400 that says which.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.http import HttpResponseBadRequest
from django.utils.html import escape
from wagtail_modeladmin.views import IndexView


class StrictIndexView(IndexView):
    def get_filters(self, request):
        specs, has_filters, remaining, use_distinct = super().get_filters(request)
        if remaining:
            names = ", ".join(sorted(remaining))
            raise IncorrectLookupParameters(f"This list cannot be filtered by {names}.")
        return specs, has_filters, remaining, use_distinct

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters as error:
            message = str(error)
            if not message.startswith("This list"):  # a filter's own ValidationError
                message = "A filter's value could not be read."
            return HttpResponseBadRequest(escape(message), content_type="text/plain")
