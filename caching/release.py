"""Which release of the code and templates this process serves: a deploy is a site-wide change.

Stored pages and fragments are kept under the release that made them, so that a deploy (new
templates, new code) shows every page as the new release makes it from the first request, with
no flush to remember. The tokens of surrogate keys are shared by every release: while old and
new app servers run side by side, a change made on either forgets what both have stored.
"""

import hashlib
import os
import time
from pathlib import Path

from django.conf import settings

_SKIPPED = {"node_modules", "tests", "bench", "media", "staticfiles", "migrations", "docs"}
_known: tuple[float, str] | None = None


def _sources(root: Path):
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(
            name for name in folders if name not in _SKIPPED and not name.startswith(".")
        )
        for name in sorted(files):
            if name.endswith((".py", ".html", ".txt", ".xml")):
                yield Path(folder, name)


def _fingerprint(by_content: bool) -> str:
    digest = hashlib.blake2b(digest_size=6)
    for path in _sources(Path(settings.BASE_DIR)):
        digest.update(str(path).encode())
        if by_content:
            digest.update(path.read_bytes())
        else:
            stat = path.stat()
            digest.update(f"{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


def release() -> str:
    """The release's id: from the files' contents, once per process; under DEBUG (`make run`,
    where templates are edited while the server runs) from their times, at most every second."""
    global _known
    now = time.monotonic()
    if _known is None or (settings.DEBUG and now - _known[0] > 1):
        _known = (now, _fingerprint(by_content=not settings.DEBUG))
    return _known[1]
