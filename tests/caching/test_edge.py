"""Purges by surrogate key reach Varnish, Fastly and Cloudflare as each expects them: tried
against a fake HTTP endpoint that records what it is sent."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from caching import edge
from tests import builders


class Recorder(BaseHTTPRequestHandler):
    received: list = []

    def _record(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        self.received.append((self.command, self.path, dict(self.headers), body))
        payload = json.dumps({"success": True, "errors": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_POST = do_PURGE = do_GET = _record

    def log_message(self, *args):
        pass


@pytest.fixture
def endpoint():
    Recorder.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", Recorder.received
    server.shutdown()


def configured(backend: dict):
    return override_settings(WAGTAILFRONTENDCACHE={"edge": backend})


def test_varnish_is_sent_the_keys_in_one_purge(endpoint):
    url, received = endpoint
    with configured({"BACKEND": "caching.edge.VarnishBackend", "LOCATION": url}):
        edge.purge_keys_task.call(["p12", "section3", "site"])
    [(method, path, headers, _)] = received
    assert (method, path, headers["xkey-purge"]) == ("PURGE", "/", "p12 section3 site")


def test_fastly_is_sent_the_keys_in_batches(endpoint):
    url, received = endpoint
    keys = [f"p{n}" for n in range(300)]
    backend = {
        "BACKEND": "caching.edge.FastlyBackend",
        "SERVICE_ID": "svc1",
        "API_TOKEN": "secret",
        "API_URL": url,
    }
    with configured(backend):
        edge.purge_keys_task.call(keys)
    assert [(m, p) for m, p, _, _ in received] == [("POST", "/service/svc1/purge")] * 2
    sent = [key for _, _, headers, _ in received for key in headers["Surrogate-Key"].split()]
    assert sorted(sent) == sorted(keys)
    assert all(headers["Fastly-Key"] == "secret" for _, _, headers, _ in received)


def test_cloudflare_is_sent_cache_tags_thirty_at_a_time(endpoint):
    url, received = endpoint
    keys = [f"p{n}" for n in range(45)]
    backend = {
        "BACKEND": "caching.edge.CloudflareBackend",
        "ZONEID": "zone9",
        "BEARER_TOKEN": "token",
        "API_URL": url,
    }
    with configured(backend):
        edge.purge_keys_task.call(keys)
    assert [(m, p) for m, p, _, _ in received] == [("POST", "/zones/zone9/purge_cache")] * 2
    tags = [tag for _, _, _, body in received for tag in json.loads(body)["tags"]]
    assert sorted(tags) == sorted(keys)
    assert received[0][2]["Authorization"] == "Bearer token"


def test_a_cdn_that_fails_is_logged_and_breaks_nothing(caplog):
    backend = {"BACKEND": "caching.edge.VarnishBackend", "LOCATION": "http://127.0.0.1:9"}
    with configured(backend):
        edge.purge_keys_task.call(["site"])
    assert "Could not purge surrogate keys" in caplog.text


def test_publishing_purges_the_keys_it_touched(magazine, endpoint):
    url, received = endpoint
    with configured({"BACKEND": "caching.edge.VarnishBackend", "LOCATION": url}):
        story = builders.article(magazine.andes, "Breaking", [magazine.ana])
    purged = {key for _, _, headers, _ in received for key in headers.get("xkey-purge", "").split()}
    assert {f"p{story.pk}", f"section{magazine.andes.pk}", f"author{magazine.ana.pk}"} <= purged
    assert "site" not in purged


def test_varnish_is_purged_when_the_change_commits_and_again_a_moment_later(endpoint, settings):
    url, received = endpoint
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with configured({"BACKEND": "caching.edge.VarnishBackend", "LOCATION": url}):
        edge.purge_keys({"p12", "site"})
        assert [headers["xkey-purge"] for _, _, headers, _ in received] == ["p12 site"]
        [second] = edge.purge_keys_task.get_backend().results
        assert second.task.run_after is not None and second.args == [["p12", "site"]]


def test_a_cdn_is_purged_in_the_background_only(endpoint, settings):
    url, received = endpoint
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = {
        "BACKEND": "caching.edge.FastlyBackend",
        "SERVICE_ID": "svc",
        "API_TOKEN": "token",
        "API_URL": url,
    }
    with configured(backend):
        edge.purge_keys({"p12"})
        assert received == []  # the editor's request does not wait on the CDN
        now, later = edge.purge_keys_task.get_backend().results
        assert now.task.run_after is None and later.task.run_after is not None
