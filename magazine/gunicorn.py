"""gunicorn's settings for the production profile: `gunicorn -c python:magazine.gunicorn`.

Each can be overridden with gunicorn's own environment variable or command-line flag.
"""

import multiprocessing
import os

wsgi_app = "magazine.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: pages come from the cache or from a few short queries, with nothing to wait on.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Load the app once before forking: workers share its memory until they write to it.
preload_app = True
# A worker is replaced after this many requests, so that no slow leak can grow for ever.
max_requests = 10_000
max_requests_jitter = 1_000
timeout = 30
graceful_timeout = 20
accesslog = "-"
# gunicorn 27's control socket (a file under $HOME) is not used, and a container's HOME may be
# read-only or shared.
control_socket_disable = True
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """In the master, after the app is loaded and before any worker is forked: what every
    worker would otherwise do on its first requests (import the URLconf's views, compile the
    templates), done once so that the workers share it; then the objects made so far are
    frozen out of the garbage collector's reach, whose passes would otherwise write to each
    object and so copy the master's pages into every worker (bench/README.md: each worker's
    own memory). Nothing here opens a database connection, which a fork must not share."""
    import gc
    from pathlib import Path

    from django.conf import settings
    from django.template import engines
    from django.urls import get_resolver

    _ = get_resolver().url_patterns  # imports every view the URLconf names
    engine = engines["django"].engine
    _ = engine.template_context_processors
    for folder in engine.dirs:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                engine.get_template(str(path.relative_to(folder)))
    gc.collect()
    gc.freeze()
    server.log.info("Warmed up %s's templates and URLs before forking", settings.ROOT_URLCONF)
