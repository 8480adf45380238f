"""Uploads served by Django where nothing else serves them (`make run`, `make prod`, the tests).

Documents are never served from here: they go through Wagtail's view (/documents/), which
checks their collection's privacy and sends them with a restrictive content security policy.
The decision is made on the file the path resolves to, not on how the path is spelled: a URL
pattern sees `images/../documents/x.pdf`, `./documents/x.pdf` or `//documents/x.pdf` before the
file system has normalised it, and a link inside the media folder can point anywhere.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.utils._os import safe_join
from django.utils.cache import patch_cache_control
from django.views.static import serve
from wagtail.documents.views.serve import serve as wagtail_serve_document

DOCUMENTS_FOLDER = "documents"


def serve_media(request: HttpRequest, path: str) -> HttpResponse:
    root = Path(settings.MEDIA_ROOT)
    try:
        target = Path(safe_join(root, path)).resolve()
    except (SuspiciousFileOperation, ValueError) as error:  # outside the folder; a NUL byte
        raise Http404("No such file.") from error
    if is_within(target, (root / DOCUMENTS_FOLDER).resolve()):
        raise Http404("Documents are served at /documents/.")
    return serve(request, path, document_root=root)


def is_within(target: Path, folder: Path) -> bool:
    # Case folded too: on a case-insensitive file system "Documents" is the same folder.
    target_text, folder_text = str(target).casefold(), str(folder).casefold()
    return target_text == folder_text or target_text.startswith(folder_text.rstrip("/") + "/")


def serve_document(request: HttpRequest, document_id: str, filename: str) -> HttpResponse:
    """Wagtail's document view, kept out of shared caches: a CDN would otherwise go on serving
    a document after its collection is made private (Cloudflare caches PDFs by extension)."""
    response = wagtail_serve_document(request, document_id, filename)
    patch_cache_control(response, private=True, no_cache=True)
    return response
