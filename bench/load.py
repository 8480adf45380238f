"""Readers and an editor at once: load on the production profile while articles are published,
changed and unpublished every second, and whether readers see each change at once (a benchmark,
not a test).

    .venv/bin/python bench/load.py [--seconds 60] [--readers 64] [--interval 1] [--keep]

Builds the demo magazine in a PostgreSQL database of its own (`magazine_load`, on the machine's
cluster with .ci/run's `magazine` role; dropped at the end unless --keep, which also reuses it),
starts a Redis of its own and gunicorn with the production settings and 2 workers, as
bench/throughput.py does, and asks for every page of the mix once before the clock starts.
Then, for --seconds:

- Readers (--readers of them, in this process on asyncio: each sends its next request as soon
  as the last is answered, with no think time) ask as anonymous visitors for a mix of pages:
  home, sections and their second pages, articles (half of them the ones the editor has
  touched, unpublished ones included), authors, tags, search, feeds, sitemaps, and a few
  addresses that do not exist. Every request's status and latency is recorded.
- An editor (a second process, bench/load_editor.py: Django with the same settings) makes one
  change every --interval seconds through Wagtail's API, as the admin does, so that the
  project's signal handlers forget the cached pages: it publishes a new article, gives one of
  the twelve newest a new headline (a new revision, published), publishes another, changes
  another headline, unpublishes one of the articles it published, and so on. Straight after each
  change returns it asks, as an anonymous reader, for the article, its section and the home
  page, once each and at once: after a publish the article must answer 200 with its headline and
  both listings link to it; after a new headline the article, and any listing that links to it,
  must show it; after an unpublish the article must answer 404 and neither listing link to it.
  Between changes it has the page cache hold a copy from before every change: the one a stale
  answer would come from (how: bench/load_editor.py).

How to read the report (bench/load_report.py): "errors" are answers other than 2xx/3xx, timeouts
and broken connections, apart from the expected 404s (the missing addresses, and articles the
editor had begun to unpublish): target 0. "Visible within one request" counts the editor's
checks that passed; "readers after a change" checks every reader's request for a changed article
sent after the change returned (and answered before the next change to it began): its status and
headline must be the new ones. "Old page in the cache" counts, for each page, the changes made
while the page cache held a copy from before them (looked up in Redis just before each change):
the checks are only as strong as this is high. Latency runs from connecting to the last byte, so
it includes the wait in gunicorn's queue (2 sync workers take the readers' connections in turn).
The readers share the machine's cores: the CPU line shows each party's share (PostgreSQL's is
the whole cluster's; "other processes" are work on the machine outside this run, which skews the
figures), and the event loop's lag how late the readers were to notice their answers (small: the
server, not the load generator, set the pace). Any traceback of a 5xx (Django's request errors,
logged here to a file: production settings leave logging to the host) and gunicorn's own
complaints are printed.

With --varnish, Varnish (the project's VCL, as `make prod` runs it) stands in front of gunicorn:
readers and the editor's checks go through it, the site purges it by surrogate key, and an
answer from either cache (X-Edge-Cache or X-Cache: hit) counts as cached. An RQ worker runs
the site's background tasks in both cases, as in production.

Exits 1 on any error, failed check or stale answer.
"""

import argparse
import asyncio
import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import load_editor
from common import (
    PYTHON,
    ROOT,
    free_port,
    manage,
    start_gunicorn,
    start_redis,
    start_task_worker,
    start_varnish,
    stop,
)
from load_editor import TIMEOUT
from load_report import cpu_ticks, process_ticks, report
from throughput import environment

DATABASE = "magazine_load"
WORK = Path(tempfile.gettempdir()) / "bench-load"
# Shares of the readers' requests by kind of page; half the articles are the editor's.
MIX = {
    "article": 40,
    "home": 12,
    "section": 14,
    "author": 6,
    "tag": 4,
    "search": 6,
    "feed": 10,
    "sitemap": 4,
    "missing": 4,
}
MISSING = [
    "/no-such-page/",
    "/news/no-such-article/",
    "/tags/no-such-tag/",
    "/feeds/section/999999/rss.xml",
    "/news/?page=999",
]
HEADLINE = re.compile(rb'<h1 class="article__headline">(.*?)</h1>', re.S)


# The catalogue of pages the readers ask for, worked out from the database.
_CATALOGUE = """
import json
from urllib.parse import urlencode
from django.urls import reverse
from taggit.models import Tag
from news.models import ArticlePage, NewsIndexPage
from news.listings import section_articles
from people.models import AuthorPage, PeopleIndexPage
sections, pages, section_pks = [], [], []
for section in NewsIndexPage.objects.live():
    sections.append(section.url)
    section_pks.append(section.pk)
    if section_articles(section).count() > 12:
        pages.append(section.url + "?page=2")
authors = list(AuthorPage.objects.live())
articles = list(ArticlePage.objects.live().order_by("-display_date"))
words = sorted({w.lower() for a in articles for w in a.title.split() if w.isalpha() and len(w) > 5})
tagged = ArticlePage.objects.live().values("pk")
tags = Tag.objects.filter(news_articlepagetag_items__content_object__in=tagged)
tags = tags.distinct().order_by("slug")
print(json.dumps({
    "home": ["/"],
    "section": sections + pages,
    "article": [a.url for a in articles],
    "author": [a.url for a in authors] + [p.url for p in PeopleIndexPage.objects.live()],
    "tag": [reverse("tag", args=[t.slug]) for t in tags[:20]],
    "search": ["/search/?" + urlencode({"q": w}) for w in words[:: max(1, len(words) // 12)]],
    "feed": [reverse("feed_rss"), reverse("feed_atom")]
    + [reverse(f"section_feed_{f}", args=[pk]) for pk in section_pks for f in ("rss", "atom")]
    + [reverse("author_feed_rss", args=[a.pk]) for a in authors],
    "sitemap": ["/sitemap.xml", "/sitemap-pages.xml", "/news-sitemap.xml", "/robots.txt"],
}))
"""


def build(env: dict, port: int, fresh: bool) -> None:
    db = ["-h", "127.0.0.1", "-U", "magazine"]
    pg = {**env, "PGPASSWORD": "magazine"}
    if fresh:
        subprocess.run(["dropdb", "--if-exists", *db, DATABASE], env=pg, check=True)
    # Fails harmlessly when it is there already (--keep).
    subprocess.run(["createdb", *db, DATABASE], env=pg, capture_output=True)
    manage(env, "collectstatic", "--no-input")
    manage(env, "migrate", "--no-input")
    manage(env, "local_site_address", "--port", str(port))
    manage(env, "load_demo")


def drop(env: dict) -> None:
    subprocess.run(
        ["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "magazine", DATABASE],
        env={**env, "PGPASSWORD": "magazine"},
        check=True,
    )


def wsgi_application():
    """What gunicorn serves here (`load:wsgi_application()`): the project's application, with
    Django's request errors (the traceback of any 5xx) written to $LOAD_ERROR_LOG, which the
    production settings leave to the host's logging."""
    import logging

    from magazine.wsgi import application  # sets Django up, logging included: handler after

    handler = logging.FileHandler(os.environ["LOAD_ERROR_LOG"])
    handler.setLevel(logging.ERROR)
    handler.setFormatter(logging.Formatter("[%(asctime)s] [%(process)d] %(name)s: %(message)s"))
    logging.getLogger("django.request").addHandler(handler)
    return application


# --- Readers -------------------------------------------------------------------------------


class Readers:
    def __init__(self, port: int, catalogue: dict[str, list[str]], seed: int):
        self.port, self.catalogue = port, catalogue
        self.host = f"127.0.0.1:{port}"
        self.random = random.Random(seed)
        self.touched: list[str] = []  # articles the editor has published, changed or unpublished
        self.touched_set: set[str] = set()
        # (kind, path, status, started, ended, X-Cache, headline or None)
        self.records: list[tuple] = []
        self.lags: list[float] = []
        self.kinds, self.weights = list(MIX), list(MIX.values())

    async def fetch(self, path: str) -> tuple[int | str, str, bytes]:
        """(status or error name, X-Cache, body) of an anonymous GET."""
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        except OSError as error:
            return type(error).__name__, "", b""
        try:
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nUser-Agent: bench-load\r\n"
                "Accept: text/html,*/*\r\nConnection: close\r\n\r\n".encode()
            )
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head[9:12])
            # To the end: gunicorn's sync workers close every connection after one answer, and
            # closing first leaves the port waiting on the server's side, not on ours.
            body = await reader.read()
            # A hit in Varnish (X-Edge-Cache) or in the page cache behind it (X-Cache).
            caches = re.findall(rb"\r\nx-(?:edge-)?cache: *(\w+)", head.lower())
            cache = "hit" if b"hit" in caches else (caches[0].decode() if caches else "")
            return status, cache, body
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError) as e:
            return type(e).__name__, "", b""
        finally:
            writer.close()

    def pick(self) -> tuple[str, str]:
        kind = self.random.choices(self.kinds, self.weights)[0]
        if kind == "article" and self.touched and self.random.random() < 0.5:
            return kind, self.random.choice(self.touched)
        return kind, self.random.choice(self.catalogue[kind])

    async def reader(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            kind, path = self.pick()
            started = time.monotonic()
            try:
                status, cache, body = await asyncio.wait_for(self.fetch(path), TIMEOUT)
            except TimeoutError:
                status, cache, body = "timeout", "", b""
            ended = time.monotonic()
            headline = None
            if kind == "article" and status == 200:
                found = HEADLINE.search(body)
                headline = html.unescape(found[1].decode()) if found else ""
            self.records.append((kind, path, status, started, ended, cache, headline))

    async def lag(self, deadline: float) -> None:
        """How late the event loop wakes: the generator's own delay in noticing answers."""
        while time.monotonic() < deadline:
            asked = time.monotonic()
            await asyncio.sleep(0.05)
            self.lags.append((time.monotonic() - asked - 0.05) * 1000)

    def touch(self, path: str) -> None:
        if path not in self.touched_set:
            self.touched_set.add(path)
            self.touched.append(path)


async def warm_up(readers: Readers) -> list[str]:
    """Asks for every page once, four at a time; returns what did not answer as it should."""
    paths = [(kind, p) for kind, paths in readers.catalogue.items() for p in paths]
    problems, queue = [], asyncio.Queue()
    for item in paths:
        queue.put_nowait(item)

    async def worker():
        while not queue.empty():
            kind, path = queue.get_nowait()
            status, _, _ = await readers.fetch(path)
            if status != (404 if kind == "missing" else 200):
                problems.append(f"{path}: {status}")

    await asyncio.gather(*(worker() for _ in range(4)))
    return problems


# --- Running --------------------------------------------------------------------------------


async def run_load(options, port: int, env: dict, catalogue: dict, gunicorn, redis, worker):
    readers = Readers(port, catalogue, options.seed)
    problems = await warm_up(readers)
    if problems:
        print(f"Warm-up: {len(problems)} pages did not answer as expected (errors in the run too):")
        for problem in problems:
            print(f"  {problem}")
    editor = await asyncio.create_subprocess_exec(
        PYTHON,
        load_editor.__file__,
        "--port",
        str(port),
        "--seconds",
        str(options.seconds),
        "--interval",
        str(options.interval),
        "--seed",
        str(options.seed),
        cwd=ROOT,
        env=env,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=(WORK / "editor.log").open("w"),
    )
    line = await editor.stdout.readline()
    if b"ready" not in line:
        await editor.wait()
        raise SystemExit("The editor did not start:\n" + (WORK / "editor.log").read_text())
    changes, checks, done, skipped = {}, {}, {}, Counter()

    async def listen():
        async for line in editor.stdout:
            record = json.loads(line)
            if record["event"] == "changed":
                changes[record["n"]] = record
                readers.touch(record["url"])
            elif record["event"] == "checked":
                checks[record["n"]] = record
            elif record["event"] == "skipped":
                skipped[record["kind"]] += 1
            elif record["event"] == "done":
                done.update(record)

    cpu_before, ticks_before = cpu_ticks(), process_ticks(gunicorn, redis, worker)
    own_before = time.process_time()
    start = time.monotonic()
    deadline = start + options.seconds
    editor.stdin.write(f"go {start}\n".encode())
    await editor.stdin.drain()
    listening = asyncio.create_task(listen())
    await asyncio.gather(
        readers.lag(deadline), *(readers.reader(deadline) for _ in range(options.readers))
    )
    ended = time.monotonic()
    cpu_after, ticks_after = cpu_ticks(), process_ticks(gunicorn, redis, worker)
    own_after = time.process_time()
    await asyncio.wait_for(editor.wait(), 120)
    await listening
    if editor.returncode:
        raise SystemExit("The editor failed:\n" + (WORK / "editor.log").read_text())
    ticks = os.sysconf("SC_CLK_TCK")
    busy, interrupts, stolen, idle = (a - b for a, b in zip(cpu_after, cpu_before, strict=True))
    wall = ended - start
    return {
        "readers": readers,
        "changes": changes,
        "checks": checks,
        "skipped": skipped,
        "wall": wall,
        "cpu": {
            "gunicorn": (ticks_after["gunicorn"] - ticks_before["gunicorn"]) / ticks / wall,
            "PostgreSQL": (ticks_after["postgres"] - ticks_before["postgres"]) / ticks / wall,
            "Redis": (ticks_after["redis"] - ticks_before["redis"]) / ticks / wall,
            "task worker": (ticks_after["worker"] - ticks_before["worker"]) / ticks / wall,
            "readers (this process)": (own_after - own_before) / wall,
            "editor": done.get("cpu", 0) / wall,
            "busy": busy / ticks / wall,
            "interrupts": interrupts / ticks / wall,
            "stolen by the hypervisor": stolen / ticks / wall,
            "idle": idle / ticks / wall,
        },
    }


def drain_tasks(redis_port: int, limit: float = 900) -> float:
    """Waits until the worker has run every task queued so far (the build queues crops and
    related coverage for each article): work left over would compete with the readers."""
    import redis as redis_client

    queue = redis_client.Redis(port=redis_port)
    started = time.monotonic()
    while time.monotonic() - started < limit:
        running = queue.zcard("rq:wip:default") if queue.exists("rq:wip:default") else 0
        if not queue.llen("rq:queue:default") and not running:
            return time.monotonic() - started
        time.sleep(1)
    raise SystemExit("The worker did not finish the queued tasks.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=64)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between changes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", action="store_true", help="keep the database and reuse it")
    parser.add_argument("--varnish", action="store_true", help="with Varnish in front")
    options = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    port, redis_port = free_port(), free_port()
    log = WORK / "gunicorn.log"
    log.write_text("")
    env = {
        **environment(WORK, port, redis_port),
        "DATABASE_URL": f"postgres://magazine:magazine@127.0.0.1:5432/{DATABASE}",
        "LOAD_ERROR_LOG": str(log),
    }
    edge_port = free_port()
    if options.varnish:
        env["WAGTAILFRONTENDCACHE"] = json.dumps(
            {
                "edge": {
                    "BACKEND": "caching.edge.VarnishBackend",
                    "LOCATION": f"http://127.0.0.1:{edge_port}",
                }
            }
        )
    redis = start_redis(redis_port)
    gunicorn = varnish = worker = None
    try:
        started = time.monotonic()
        print(f"Building the demo magazine in {DATABASE}...", flush=True)
        build(env, port, fresh=not options.keep)
        catalogue = json.loads(manage(env, "shell", "-c", _CATALOGUE).strip().splitlines()[-1])
        catalogue["missing"] = MISSING
        print(
            f"Built in {time.monotonic() - started:.0f} s; the mix: "
            + ", ".join(f"{kind} {len(paths)}" for kind, paths in catalogue.items()),
            flush=True,
        )
        # bench/ after the project on the path: it has modules named like the project's apps.
        served = {**env, "PYTHONPATH": str(ROOT / "bench")}
        gunicorn = start_gunicorn(
            served, port, "--error-logfile", str(log), "load:wsgi_application()"
        )
        worker = start_task_worker(env, WORK / "worker.log")
        waited = drain_tasks(redis_port)
        print(f"The worker ran the tasks the build queued in {waited:.0f} s", flush=True)
        front = port
        if options.varnish:
            varnish = start_varnish(edge_port, port, WORK)
            front = edge_port
        result = asyncio.run(run_load(options, front, env, catalogue, gunicorn, redis, worker))
        passed = report(options, result, log)
    finally:
        stop(varnish, worker, gunicorn, redis)
        if not options.keep:
            drop(env)
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
