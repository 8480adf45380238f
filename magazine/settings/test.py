"""Settings for the test suite: fast hashing, throw-away media, no caches that hide queries."""

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
# No page cache but in the tests of it (tests/home/test_page_cache.py turns it on).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
}
# Serve static files straight from the app folders, as `collectstatic` is not run for tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
