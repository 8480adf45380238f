"""Pages compressed once, when the page cache stores them, so that a hit costs no compression.

A stored page keeps its body as Brotli and gzip only (an article: about 37 KB of HTML, 7-8 KB
compressed). A reader's request gets the one its Accept-Encoding prefers (Brotli, then gzip);
a client that takes neither gets the gzip copy decompressed, which is rare and cheap.
"""

import gzip

import brotli
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

# Below this, compression saves less than the header costs.
MIN_SIZE = 512
PREFERRED = ("br", "gzip")


def compressed(content: bytes) -> dict[str, bytes]:
    """The body in every encoding a reader may be sent (none when too small to bother)."""
    if len(content) < MIN_SIZE:
        return {}
    return {
        "br": brotli.compress(content, quality=5),
        "gzip": gzip.compress(content, compresslevel=6, mtime=0),
    }


def accepted(request: HttpRequest) -> str | None:
    """The encoding of PREFERRED the request accepts first, if any (q=0 refuses one)."""
    offered = {}
    for part in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = part.strip().partition(";")
        quality = 1.0
        params = params.strip().replace(" ", "")
        if params.startswith("q="):
            try:
                quality = float(params[2:])
            except ValueError:
                quality = 0.0
        offered[name.strip().lower()] = quality
    for encoding in PREFERRED:
        if offered.get(encoding, offered.get("*", 0)) > 0:
            return encoding
    return None


def encode(request: HttpRequest, response: HttpResponse, bodies: dict[str, bytes]) -> None:
    """Gives `response` the body the request prefers among `bodies`."""
    if not bodies:
        return
    encoding = accepted(request)
    patch_vary_headers(response, ["Accept-Encoding"])
    if encoding is None:
        response.content = gzip.decompress(bodies["gzip"])
        if response.has_header("Content-Encoding"):
            del response["Content-Encoding"]
    else:
        response.content = bodies[encoding]
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(response.content))
