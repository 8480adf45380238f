"""The production settings: read from the environment, refuse to start without what they need."""

import json
import os
import subprocess
import sys

from django.conf import settings

from tests.helpers import REQUIRED

PROBE = """
import json
from django.conf import settings
print(json.dumps({
    "hosts": settings.ALLOWED_HOSTS,
    "caches": {name: [c["BACKEND"], c["LOCATION"]] for name, c in settings.CACHES.items()},
    "media": settings.STORAGES["default"]["BACKEND"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "cdn": getattr(settings, "WAGTAILFRONTENDCACHE", None),
    "debug": settings.DEBUG,
}))
"""


def production(**environment) -> subprocess.CompletedProcess:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in REQUIRED and not key.startswith(("AWS_", "SEARCH_", "WAGTAILFRONTEND"))
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="magazine.settings.production")
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(){PROBE}"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_variables_stop_the_start_naming_them():
    result = production(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert (
        "Production settings need these environment variables: "
        "ALLOWED_HOSTS, DATABASE_URL, REDIS_URL"
    ) in result.stderr


def test_the_required_variables_give_postgresql_redis_and_compressed_static_files():
    result = production(**REQUIRED)
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["hosts"] == ["magazine.example", "www.magazine.example"]
    assert loaded["debug"] is False
    redis = "caching.redis_cache.MagazineRedisCache"
    assert loaded["caches"] == {
        name: [redis, REQUIRED["REDIS_URL"]] for name in ("default", "pages", "renditions")
    }
    assert loaded["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert loaded["media"] == "django.core.files.storage.FileSystemStorage"
    assert loaded["search"] == "search.backend"
    assert loaded["cdn"] is None


def test_optional_variables_turn_on_object_storage_opensearch_and_cdn_purges():
    cdn = {"cloudflare": {"BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend"}}
    result = production(
        **REQUIRED,
        AWS_STORAGE_BUCKET_NAME="magazine-media",
        SEARCH_URL="https://search.internal:9200",
        WAGTAILFRONTENDCACHE=json.dumps(cdn),
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert loaded["media"] == "storages.backends.s3.S3Storage"
    assert loaded["search"] == "wagtail.search.backends.opensearch3"
    assert loaded["cdn"] == cdn


def test_a_cdn_setting_that_is_not_json_is_a_clear_error():
    result = production(**REQUIRED, WAGTAILFRONTENDCACHE="{cloudflare")
    assert result.returncode != 0
    assert "WAGTAILFRONTENDCACHE is not valid JSON" in result.stderr


def test_the_deployment_checks_find_nothing_to_warn_about():
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in REQUIRED and not key.startswith(("AWS_", "SEARCH_", "WAGTAILFRONTEND"))
    }
    env.update(REQUIRED, DJANGO_SETTINGS_MODULE="magazine.settings.production")
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # the browser tests' setting, not a server's
    env["SECRET_KEY"] = "k7Vq-2xR9pLm4Zt8Wn3Yb6Jc1Hf5Gd0Ks-Ua7Ee2Qo9Ti4Xr8Pv3Ny6Mb1Lw5Cz"
    check = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "no issues" in check.stdout
