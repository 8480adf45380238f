"""The production settings, served from a throw-away folder by bench/pages.py: uploads are
served by Django here, as no web server stands in front of it."""

import os

from magazine.settings.production import *  # noqa: F403

SERVE_MEDIA_FILES = True
STATIC_ROOT = os.environ["BENCH_STATIC_ROOT"]
