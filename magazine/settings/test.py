"""Settings for the test suite: fast hashing, throw-away media, no caches that hide queries."""

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="magazine-test-media-"))
SERVE_MEDIA_FILES = True
# A dummy cache makes query counts in tests the worst case a cold production cache would see.
# No page cache but in the tests of it (tests/caching/test_page_cache.py turns it on).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# Serve static files straight from the app folders, as `collectstatic` is not run for tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Background tasks run as they are queued (once the change that queued them commits).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if DATABASES["default"]["ENGINE"] == "magazine.sqlite":  # noqa: F405
    # A file (in memory's stead, on tmpfs where there is one): the live server of the browser
    # tests answers several requests at once, and each thread needs a connection of its own;
    # an in-memory database is one connection shared by all, whose transactions then mix.
    _folder = "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(_folder, f"magazine-test-{os.getpid()}.sqlite3")
    }
