"""Forgetting by surrogate key in the cache in front: Varnish's xkey, Fastly's Surrogate-Key,
Cloudflare's Cache-Tag.

Wagtail's frontend-cache backends forget addresses. The backends here forget addresses too
(so Wagtail's own purges still work) and, with `purge_keys`, every response carrying any of
the keys a change touched, whatever its address: the only exact way, since a card or a list
shows up on pages no list of addresses can foresee.

Our own Varnish is told at once, when the change commits, so that the next request finds the
change; a CDN's API is called from a background task, so that an editor never waits on it.
Both are told again SECOND_PASS later: a page rendered just before the change, still on its
way to the cache when the first purge arrived, may have been stored after it. Configure in
WAGTAILFRONTENDCACHE:

    {"edge": {"BACKEND": "caching.edge.VarnishBackend", "LOCATION": "http://127.0.0.1:8000"}}
    {"edge": {"BACKEND": "caching.edge.FastlyBackend", "SERVICE_ID": "...", "API_TOKEN": "..."}}
    {"edge": {"BACKEND": "caching.edge.CloudflareBackend", "ZONEID": "...", "BEARER_TOKEN": "..."}}
"""

import logging
from datetime import timedelta
from urllib.parse import urlsplit

import requests
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import CloudflareBackend as WagtailCloudflare
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)
TIMEOUT = 10
# Longer than a page takes to leave the origin and be stored by the cache in front.
SECOND_PASS = timedelta(seconds=3)


def _post(url: str, **kwargs) -> bool:
    try:
        response = requests.request(kwargs.pop("method", "POST"), url, timeout=TIMEOUT, **kwargs)
    except requests.RequestException:
        logger.exception("Could not purge surrogate keys at %s", url)
        return False
    if response.status_code >= 400:
        logger.error("Purging surrogate keys at %s: HTTP %s", url, response.status_code)
        return False
    return True


class VarnishBackend(HTTPBackend):
    """Varnish with the xkey module (magazine/varnish/magazine.vcl): a PURGE request whose
    `xkey-purge` header lists the keys. Ours, near the app servers: purged at once."""

    purged_at_once = True

    def __init__(self, params):
        self.location = params["LOCATION"].rstrip("/")
        super().__init__(params)

    def purge_keys(self, keys: list[str]) -> bool:
        return _post(self.location + "/", method="PURGE", headers={"xkey-purge": " ".join(keys)})


class FastlyBackend(BaseBackend):
    """Fastly: addresses and surrogate keys through its purge API."""

    CHUNK_SIZE = 256  # keys a batch purge takes

    def __init__(self, params):
        super().__init__(params)
        self.service_id = params.pop("SERVICE_ID")
        self.api_token = params.pop("API_TOKEN")
        self.api_url = params.pop("API_URL", "https://api.fastly.com").rstrip("/")

    def purge(self, url: str) -> None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        _post(f"{self.api_url}/purge/{parts.netloc}{path}", headers={"Fastly-Key": self.api_token})

    def purge_keys(self, keys: list[str]) -> bool:
        done = True
        for start in range(0, len(keys), self.CHUNK_SIZE):
            chunk = keys[start : start + self.CHUNK_SIZE]
            done &= _post(
                f"{self.api_url}/service/{self.service_id}/purge",
                headers={"Fastly-Key": self.api_token, "Surrogate-Key": " ".join(chunk)},
            )
        return done


class CloudflareBackend(WagtailCloudflare):
    """Cloudflare: Wagtail's backend for addresses, and purges by cache tag."""

    TAGS_PER_CALL = 30

    def __init__(self, params):
        api_url = params.pop("API_URL", "https://api.cloudflare.com/client/v4")
        super().__init__(params)
        self.tags_url = f"{api_url.rstrip('/')}/zones/{self.cloudflare_zoneid}/purge_cache"

    def purge_keys(self, keys: list[str]) -> bool:
        if self.cloudflare_token:
            headers = {"Authorization": f"Bearer {self.cloudflare_token}"}
        else:
            headers = {"X-Auth-Email": self.cloudflare_email, "X-Auth-Key": self.cloudflare_api_key}
        done = True
        for start in range(0, len(keys), self.TAGS_PER_CALL):
            tags = keys[start : start + self.TAGS_PER_CALL]
            done &= _post(self.tags_url, json={"tags": tags}, headers=headers)
        return done


@task()
def purge_keys_task(keys: list[str], at_once_too: bool = True) -> None:
    """Purges `keys` in every backend that purges by key (`at_once_too`: also those already
    purged when the change committed)."""
    for backend in _key_backends():
        if at_once_too or not getattr(backend, "purged_at_once", False):
            backend.purge_keys(sorted(keys))


def _key_backends() -> list:
    return [backend for backend in get_backends().values() if hasattr(backend, "purge_keys")]


def purge_keys(keys) -> None:
    """Forgets, in every cache in front that forgets by key, what carries any of `keys`."""
    backends = _key_backends()
    if not keys or not backends:
        return
    keys = sorted(keys)
    for backend in backends:
        if getattr(backend, "purged_at_once", False):
            backend.purge_keys(keys)
    if not all(getattr(backend, "purged_at_once", False) for backend in backends):
        purge_keys_task.enqueue(keys, at_once_too=False)
    if purge_keys_task.get_backend().supports_defer:  # (not the tests' immediate backend)
        purge_keys_task.using(run_after=timezone.now() + SECOND_PASS).enqueue(keys)
