"""Wagtail's password forms for private pages and documents, with guesses throttled.

Wagtail checks a page's (or a collection's) shared password with no limit: 40 guesses in five
seconds were all answered. Here an address gets PASSWORD_GUESSES failed guesses at one
restriction in each PASSWORD_GUESS_WINDOW; past that, every try (the right password too) gets
a 429 until the window ends. Counted in the default cache (Redis in production), per window,
so that a counter the cache loses early only resets that window.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.documents.views.serve import authenticate_with_password as document_password
from wagtail.views import authenticate_with_password as page_password

from core import throttle
from core.client_address import client_address


def _throttled(view, kind: str):
    def throttled(request: HttpRequest, restriction_id: int, *args, **kwargs) -> HttpResponse:
        window = settings.PASSWORD_GUESS_WINDOW
        key = f"guesses:{kind}:{restriction_id}:{client_address(request)}"
        if request.method == "POST" and throttle.count(key, window) >= settings.PASSWORD_GUESSES:
            retry_after = throttle.seconds_left(window)
            response = TemplateResponse(
                request,
                "page_password_paused.html",
                {"minutes": max(1, round(retry_after / 60))},
                status=429,
            )
            response["Retry-After"] = str(retry_after)
            return response
        response = view(request, restriction_id, *args, **kwargs)
        if request.method == "POST" and response.status_code == 200:  # the form again: wrong
            throttle.add(key, window)
        return response

    return throttled


throttled_page_password = _throttled(page_password, "page")
throttled_document_password = _throttled(document_password, "document")
