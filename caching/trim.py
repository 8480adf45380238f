"""Readers' pages sent without the indentation and blank lines their templates leave.

A run of whitespace that holds a line break shows as one space in HTML, so it becomes one
line break: nothing a reader sees changes. Pages with preformatted text are left alone.
Placed below the page cache, so a page is trimmed once, before it is stored.
"""

import re

from django.http import HttpRequest, HttpResponse

from caching.page_cache import SKIPPED_PATHS

_LINE_BREAK_RUN = re.compile(rb"[ \t\r]*\n\s*")
_PREFORMATTED = re.compile(rb"<(pre|textarea)\b", re.IGNORECASE)


def trimmed(html: bytes) -> bytes:
    if _PREFORMATTED.search(html):
        return html
    return _LINE_BREAK_RUN.sub(b"\n", html)


class TrimHtmlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith(SKIPPED_PATHS)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and "Content-Encoding" not in response
        ):
            response.content = trimmed(response.content)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
