"""Image crops (Wagtail's renditions) are made ahead of readers, never by a reader's request.

Encoding a picture's AVIF and JPEG crops takes about a second; a reader's request that
did it (Wagtail's default) held a worker that long, and in a spike every reader of a new story
did it at once. Crops are made in the background when a page is published or a picture
changes (news/renditions.py). A reader's request (anything outside the admin, whose previews
may make them) only uses crops that exist: a picture whose crops are not made yet is left out
of the page, and the response says `no-store`, so that neither the page cache nor a CDN keeps
the incomplete page. The next request after the crops exist renders it whole.
"""

from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from wagtail.images.models import Filter, SourceImageIOError

_for_reader: ContextVar[bool] = ContextVar("crops_for_reader", default=False)
_missing: ContextVar[list | None] = ContextVar("crops_missing", default=None)


def renditions(image, filters: list[Filter]) -> dict:
    """`image`'s crops for `filters`, by spec, in their order. For a reader, only those that
    exist (the page is then marked incomplete); for anyone else, missing ones are made. A
    picture whose original file is gone gets none."""
    if not _for_reader.get():
        try:
            return image.get_renditions(*filters)
        except SourceImageIOError:
            return {}
    found = image.find_existing_renditions(*filters)
    if len(found) < len(filters):
        missing = _missing.get()
        if missing is not None:
            missing.append((image.pk, [f.spec for f in filters if f not in found]))
    return {f.spec: found[f] for f in filters if f in found}


def missing_so_far() -> int:
    """How many pictures this reader's request has left out so far: a part of the page made
    while the count grew is incomplete, and kept by no cache (caching/fragments.py)."""
    missing = _missing.get()
    return len(missing) if missing is not None else 0


def rendition(image, spec: str):
    """One crop of `image`, or None (see `renditions`)."""
    if image is None:
        return None
    return renditions(image, [Filter(spec=spec)]).get(spec)


class ReaderCropsMiddleware:
    """Marks readers' requests (below the page cache, which must see the `no-store`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith("/admin/"):
            return self.get_response(request)
        reader, missing = _for_reader.set(True), _missing.set([])
        try:
            response = self.get_response(request)
            if _missing.get():
                patch_cache_control(response, no_store=True, private=True)
                response.headers.pop("Expires", None)
            return response
        finally:
            _missing.reset(missing)
            _for_reader.reset(reader)
