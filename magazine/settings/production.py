"""Production: everything secret or host-specific comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (PostgreSQL) and REDIS_URL (the caches,
shared by every app server: the page cache's freshness depends on it). Optional:
CSRF_TRUSTED_ORIGINS, WAGTAILADMIN_BASE_URL, AWS_STORAGE_BUCKET_NAME (uploads on S3-compatible
storage), SEARCH_URL (OpenSearch), WAGTAILFRONTENDCACHE (CDN purges, as JSON). README lists them.
"""

import json
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .s3 import media_host, s3_storage

_REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL")
_missing = [name for name in _REQUIRED if not os.environ.get(name)]
if _missing:
    raise ImproperlyConfigured(
        "Production settings need these environment variables: " + ", ".join(_missing)
    )


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = _list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = _list("CSRF_TRUSTED_ORIGINS")

# Caches: Django's Redis backend (reusing its client: caching/redis_cache.py), one server, a
# key prefix each.
REDIS_URL = os.environ["REDIS_URL"]
CACHES = {
    name: {
        "BACKEND": "caching.redis_cache.MagazineRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": name,
        "TIMEOUT": timeout,
    }
    for name, timeout in (
        ("default", 300),
        ("pages", PAGE_CACHE_SECONDS),  # noqa: F405
        ("renditions", 24 * 60 * 60),  # Wagtail looks up image renditions here first
    )
}

# Background tasks in Redis, run by RQ's workers: `manage.py rqworker --job-class
# django_tasks_rq.Job --worker-class magazine.task_worker.DjangoSimpleWorker default`
# (`make prod` starts one).
INSTALLED_APPS += ["django_rq", "django_tasks_rq"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600}}

STORAGES["staticfiles"] = {  # noqa: F405
    # Brotli and gzip copies of each file next to it; WhiteNoise picks what the browser takes.
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Uploads on S3-compatible storage (magazine/settings/s3.py); pictures then come from the
# bucket's host, which the content security policy must allow.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = s3_storage(os.environ)  # noqa: F405
    _pictures = f"https://{media_host(os.environ)}"
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_pictures)  # noqa: F405

# OpenSearch when SEARCH_URL is set; else PostgreSQL's full-text search (base settings).
if os.environ.get("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": [os.environ["SEARCH_URL"]],
            "INDEX": os.environ.get("SEARCH_INDEX", "magazine"),
            "TIMEOUT": 5,
        }
    }

# CDN purges, as Wagtail's setting in JSON, e.g. '{"edge": {"BACKEND":
# "caching.edge.CloudflareBackend", "ZONEID": "...", "BEARER_TOKEN": "..."}}' (caching/edge.py
# forgets by surrogate key too; docs/caching.md). SURROGATE_KEY_HEADERS adds the CDN's header
# for the keys: "Surrogate-Key" (Fastly), "Cache-Tag" (Cloudflare).
_cdn_key_headers = os.environ.get("SURROGATE_KEY_HEADERS", "").split(",")
SURROGATE_KEY_HEADERS = ["xkey", *(name.strip() for name in _cdn_key_headers if name.strip())]
if os.environ.get("WAGTAILFRONTENDCACHE"):
    try:
        WAGTAILFRONTENDCACHE = json.loads(os.environ["WAGTAILFRONTENDCACHE"])
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"WAGTAILFRONTENDCACHE is not valid JSON: {error}") from error

# Every server error with its traceback on standard error, which gunicorn's own error log
# (`make prod`: the terminal; systemd: the journal) collects. Django's default sends them only
# by email to ADMINS, and `make prod` showed a 500 with nothing to go on. 4xx are in the
# access log.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {"django.request": {"level": "ERROR"}},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# HTTPS only: plain HTTP is redirected, and browsers are told to use HTTPS for a year. Set
# SECURE_SSL_REDIRECT=0 only where nothing but loopback reaches the server over HTTP (`make
# prod`, the benchmarks); HSTS_PRELOAD=0 for a domain not to be submitted to browsers' lists.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", 365 * 24 * 3600))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("HSTS_INCLUDE_SUBDOMAINS", "1") == "1"
SECURE_HSTS_PRELOAD = os.environ.get("HSTS_PRELOAD", "1") == "1"
