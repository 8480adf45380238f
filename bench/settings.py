"""The production settings, served from a throw-away folder by bench/pages.py: uploads are
served by Django here, as no web server stands in front of it."""

import os

from magazine.settings.production import *  # noqa: F403

SERVE_MEDIA_FILES = True
SECURE_SSL_REDIRECT = False  # plain HTTP on loopback
SECURE_HSTS_SECONDS = 0
# One server process here: its own memory is cache enough, and needs no Redis.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
