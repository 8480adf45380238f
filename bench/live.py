"""Readers polling a live page while updates are posted: polls served, the share from the
caches, latency, and how soon readers see each update (a benchmark, not a test).

    .venv/bin/python bench/live.py [--runs 2] [--seconds 120] [--readers 200] [--interval 30]

Builds the demo magazine with the production settings in a PostgreSQL database of its own
(`magazine_bench_live`, on the machine's cluster with .ci/run's `magazine` role; dropped at
the end), starts a Redis of its own, gunicorn (2 workers), the RQ task worker (with its
scheduler, as `make prod` runs it: it makes the edge's second purge, caching/edge.py) and
Varnish with the project's VCL in front. The site's address is Varnish's, and
WAGTAILFRONTENDCACHE points the site's purges by surrogate key at it. The tasks the build
queued are run before the clock starts.

Readers (--readers, in this process on asyncio) poll the updates' endpoint of the demo's live
page (latvia-snap-election-count-live: `<page>/updates/`) through Varnish as static/js/live.js
does: one GET with `Accept: application/json` (and gzip), then the next --interval seconds
after the answer; their first polls are spread evenly over one interval. Each poll records
when it was sent and answered (from connecting to the last byte, a new connection each time),
its status, X-Edge-Cache (Varnish: hit or miss) and X-Cache (the page cache at the origin:
hit, miss, or none when the render overlapped a change and no cache may keep it; a Varnish
hit repeats what the origin said when it was stored), and the ids in "shown".

A poster (a thread of this process, Django set up with the same settings and environment)
creates a LiveUpdate on the page every POST_EVERY seconds (one paragraph, by the page's
authors in turn) in `transaction.atomic()`, as the admin does: the post_save handler forgets
the page's surrogate key on commit (page cache touch, then a PURGE with xkey to Varnish). The
commit time is taken by an on_commit callback registered before the update is created, so it
runs first, just after COMMIT.

Each run has two phases of --seconds with the same readers: a baseline (no updates), then the
loaded phase (an update every POST_EVERY seconds, the first POST_EVERY seconds in). A poll
belongs to the phase in which it was sent. Per phase: polls answered per second (a reader
waits --interval after each answer, so readers x 1/interval is what they ask for: a lower
figure means slower answers), errors (anything but 200, timeouts after TIMEOUT s, broken
connections; target 0), the share answered by Varnish from its cache, the share of the rest
answered from the page cache, p50 and p99 latency. Loaded phase also: for each update, the
delay from its commit to the first answer to any reader that lists it (median and max over
the updates; target: max under TARGET s), and to the last of the readers to see it (only for
updates posted at least --interval + TIMEOUT s before the end, which every reader has polled
after); origin renders (polls Varnish passed on that the page cache missed too) against the
updates posted: one per update is the design (docs/live.md), and Varnish's misses beside them
(the second purge SECOND_PASS later makes one more, answered by the page cache). The loaded
polls/s and p99 are printed as ratios to the baseline of the same run. The bench's updates are
deleted before each run, so that every run starts alike. With --runs 2 or more, the spread
(highest minus lowest) of each run's figures is printed as the noise.

The readers and the poster share this process and the machine's cores with the servers:
a poster's commit holds the interpreter for some milliseconds (the page is indexed again with
its updates' words), which the readers' latency includes. Exits 1 if the target is missed.
"""

import argparse
import asyncio
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

from common import (
    ROOT,
    free_port,
    manage,
    percentile,
    start_gunicorn,
    start_redis,
    start_task_worker,
    start_varnish,
    stop,
)
from load import drain_tasks
from throughput import environment

DATABASE = "magazine_bench_live"
WORK = Path(tempfile.gettempdir()) / "bench-live"
PG = ["-h", "127.0.0.1", "-U", "magazine"]
SLUG = "latvia-snap-election-count-live"
POST_EVERY = 10  # seconds between updates in the loaded phase
TIMEOUT = 10  # seconds a poll may take before it counts as an error
TARGET = 35  # seconds from an update's commit to the first reader seeing it


class Poll(NamedTuple):
    reader: int
    sent: float
    answered: float
    status: int | str
    edge: str
    page: str
    shown: frozenset


# --- The magazine ----------------------------------------------------------------------------


def postgres(env: dict, *command: str) -> None:
    quiet = "-c client_min_messages=warning"  # not dropdb's notice that there was none
    pg = {**env, "PGPASSWORD": "magazine", "PGOPTIONS": quiet}
    subprocess.run([*command, *PG, DATABASE], env=pg, check=True)


def build(env: dict, edge_port: int) -> None:
    postgres(env, "dropdb", "--if-exists", "--force")
    postgres(env, "createdb")
    manage(env, "collectstatic", "--no-input")
    manage(env, "migrate", "--no-input")
    manage(env, "local_site_address", "--port", str(edge_port))  # pages' URLs: Varnish's
    manage(env, "load_demo")


def the_page(demo_last: int) -> tuple[int, str]:
    """(id, path of the updates' endpoint) of the demo's live page, after deleting the
    updates earlier runs posted, those after `demo_last` (each deletion forgets the page, as
    posting does)."""
    from news.models import LivePage

    page = LivePage.objects.live().get(slug=SLUG, status=LivePage.LIVE)
    earlier = page.updates.filter(pk__gt=demo_last)
    if earlier.exists():
        earlier.delete()
        time.sleep(5)  # the edge's second purge (SECOND_PASS) lands before the clock starts
    return page.pk, page.updates_path()


def post_updates(page_id: int, first: float, last: float, posted: list[dict]) -> None:
    """In a thread: an update every POST_EVERY seconds from `first` until `last` (monotonic)."""
    from django.db import connection, transaction

    from news.models import LivePage, LiveUpdate

    page = LivePage.objects.get(pk=page_id)
    authors = [link.author for link in page.article_authors.select_related("author")]
    try:
        at = first
        while at < last:
            time.sleep(max(0.0, at - time.monotonic()))
            number = len(posted) + 1
            text = f"<p>Update {number}: the count goes on; turnout is being checked.</p>"
            committed: list[float] = []
            with transaction.atomic():
                transaction.on_commit(lambda marks=committed: marks.append(time.monotonic()))
                update = LiveUpdate.objects.create(
                    page=page,
                    author=authors[number % len(authors)],
                    body=json.dumps([{"type": "paragraph", "value": text}]),
                )
            posted.append({"id": update.pk, "committed": committed[0], "done": time.monotonic()})
            at += POST_EVERY
    finally:
        connection.close()


# --- Readers ---------------------------------------------------------------------------------

# What static/js/live.js's fetch() sends, as a browser that takes gzip.
REQUEST = (
    "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: bench-live\r\n"
    "Accept: application/json\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
)


def dechunk(body: bytes) -> bytes:
    parts = []
    while True:
        size, _, body = body.partition(b"\r\n")
        length = int(size.split(b";")[0], 16)
        if not length:
            return b"".join(parts)
        parts.append(body[:length])
        body = body[length + 2 :]


async def get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(REQUEST.format(path=path, port=port).encode())
        head = await reader.readuntil(b"\r\n\r\n")
        body = await reader.read()
    finally:
        writer.close()
    lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding") == "chunked":
        body = dechunk(body)
    if headers.get("content-encoding") == "gzip":
        body = gzip.decompress(body)
    return int(lines[0].split()[1]), headers, body


async def poll(reader: int, port: int, path: str) -> Poll:
    sent = time.monotonic()
    try:
        status, headers, body = await asyncio.wait_for(get(port, path), TIMEOUT)
        shown = frozenset(json.loads(body)["shown"]) if status == 200 else frozenset()
        edge, page = headers.get("x-edge-cache", "none"), headers.get("x-cache", "none")
    except (OSError, TimeoutError, asyncio.IncompleteReadError, ValueError, KeyError) as error:
        status, edge, page, shown = type(error).__name__, "", "", frozenset()
    return Poll(reader, sent, time.monotonic(), status, edge, page, shown)


async def read(options, number: int, port: int, path: str, start: float, polls: list) -> None:
    """One reader: first poll at its place in the spread, then --interval after each answer."""
    end = start + 2 * options.seconds
    await asyncio.sleep(
        max(0.0, start + number * options.interval / options.readers - time.monotonic())
    )
    while time.monotonic() < end:
        polls.append(await poll(number, port, path))
        await asyncio.sleep(min(options.interval, max(0.0, end - time.monotonic())))


async def one_run(options, port: int, page_id: int, path: str) -> tuple[list, list, float]:
    """Both phases: (polls, updates posted, when the baseline began)."""
    warm = await poll(-1, port, path)  # the endpoint in both caches before the clock
    if warm.status != 200:
        raise SystemExit(f"{path} answered {warm.status} through Varnish.")
    polls: list[Poll] = []
    posted: list[dict] = []
    start = time.monotonic() + 0.5
    loaded = start + options.seconds
    await asyncio.gather(
        asyncio.to_thread(
            post_updates, page_id, loaded + POST_EVERY, loaded + options.seconds, posted
        ),
        *(read(options, n, port, path, start, polls) for n in range(options.readers)),
    )
    return polls, posted, start


# --- Figures ---------------------------------------------------------------------------------


def phase_figures(polls: list[Poll], seconds: float) -> dict:
    ok = [p for p in polls if p.status == 200]
    passed = [p for p in ok if p.edge != "hit"]
    latencies = [(p.answered - p.sent) * 1000 for p in polls]
    return {
        "polls": len(polls),
        "rate": len(ok) / seconds,
        "errors": len(polls) - len(ok),
        "edge hit": sum(p.edge == "hit" for p in ok) / max(1, len(ok)),
        "edge misses": len(passed),
        "page hit": sum(p.page == "hit" for p in passed) / max(1, len(passed)),
        "renders": sum(p.page == "miss" for p in passed),
        "uncached": sum(p.page == "none" for p in passed),
        "p50": percentile(latencies, 0.5),
        "p99": percentile(latencies, 0.99),
    }


def delays(polls: list[Poll], posted: list[dict], options, end: float) -> dict:
    """Each update's delay from commit to the first reader listing it, and to the last."""
    first, last, unseen, late = [], [], [], 0
    every_by = end - options.interval - TIMEOUT  # every reader polled after such updates
    for update in posted:
        seen: dict[int, float] = {}
        for p in polls:
            if update["id"] in p.shown and p.answered < seen.get(p.reader, float("inf")):
                seen[p.reader] = p.answered
        if not seen:
            unseen.append(update)
            continue
        first.append(min(seen.values()) - update["committed"])
        if update["committed"] <= every_by:
            if len(seen) == options.readers:
                last.append(max(seen.values()) - update["committed"])
            else:
                late += 1  # some reader never saw it (its polls failed)
    # An update nobody saw by the end misses the target if it had TARGET s to be seen.
    missed = sum(end - u["committed"] > TARGET for u in unseen)
    return {
        "first": first,
        "last": last,
        "unseen": len(unseen),
        "missed": missed,
        "not all": late,
        "posting": [(u["done"] - u["committed"]) * 1000 for u in posted],
    }


def report_run(number: int, options, polls: list[Poll], posted: list[dict], start: float) -> dict:
    seconds = options.seconds
    base = phase_figures([p for p in polls if p.sent < start + seconds], seconds)
    loaded = phase_figures([p for p in polls if p.sent >= start + seconds], seconds)
    seen = delays(polls, posted, options, start + 2 * seconds)
    print(
        f"\nRun {number}: {options.readers} readers polling every {options.interval:g} s"
        f" (asking {options.readers / options.interval:.1f} polls/s), {seconds:g} s a phase"
    )
    print(
        f"{'phase':<9} {'polls':>6} {'polls/s':>8} {'errors':>6} {'Varnish':>8}"
        f" {'page cache':>11} {'p50 ms':>7} {'p99 ms':>7}"
    )
    for name, f in (("baseline", base), ("loaded", loaded)):
        print(
            f"{name:<9} {f['polls']:>6} {f['rate']:>8.2f} {f['errors']:>6} {f['edge hit']:>8.1%}"
            f" {f['page hit']:>11.1%} {f['p50']:>7.1f} {f['p99']:>7.1f}"
        )
    print("(Varnish: answers from its cache; page cache: of the polls Varnish passed on)")
    rate_ratio = loaded["rate"] / base["rate"] if base["rate"] else 0.0
    p99_ratio = loaded["p99"] / base["p99"] if base["p99"] else 0.0
    print(f"Loaded / baseline: polls/s {rate_ratio:.3f}x, p99 {p99_ratio:.2f}x")
    first, last = seen["first"], seen["last"]
    print(
        f"Updates posted: {len(posted)}; posting (commit to purged and indexed) median"
        f" {statistics.median(seen['posting']) if posted else 0:.0f} ms"
    )
    if first:
        print(
            f"Commit to the first reader seeing it: median {statistics.median(first):.2f} s,"
            f" max {max(first):.2f} s ({len(first)} updates)"
        )
    if last:
        print(
            f"Commit to the last reader seeing it: median {statistics.median(last):.1f} s,"
            f" max {max(last):.1f} s ({len(last)} updates posted early enough for every reader)"
        )
    if seen["unseen"] or seen["not all"]:
        print(
            f"Seen by no reader by the end: {seen['unseen']} ({seen['missed']} of them posted"
            f" more than {TARGET} s before it); not seen by every reader: {seen['not all']}"
        )
    print(
        f"Origin renders (Varnish miss, page cache miss): {loaded['renders']} for {len(posted)}"
        f" updates; Varnish misses {loaded['edge misses']}, of them made while a change"
        f" committed (not cached): {loaded['uncached']}"
    )
    return {
        "polls/s ratio": rate_ratio,
        "p99 ratio": p99_ratio,
        "loaded polls/s": loaded["rate"],
        "loaded p99 ms": loaded["p99"],
        "Varnish share": loaded["edge hit"],
        "first delay max s": max(first, default=float("nan")),
        "first delay median s": statistics.median(first) if first else float("nan"),
        "renders / update": loaded["renders"] / len(posted) if posted else float("nan"),
        "errors": base["errors"] + loaded["errors"],
        "missed": seen["missed"] + (len(posted) == 0),
    }


def report_all(results: list[dict]) -> bool:
    if len(results) > 1:
        print(f"\nOver {len(results)} runs (noise: highest minus lowest)")
        for name in results[0]:
            if name in ("errors", "missed"):
                continue
            values = [r[name] for r in results]
            shown = " / ".join(f"{v:.3f}" for v in values)
            print(f"  {name:<22} {shown}   noise {max(values) - min(values):.3f}")
    worst = max(r["first delay max s"] for r in results)
    errors = sum(r["errors"] for r in results)
    passed = worst < TARGET and not errors and not any(r["missed"] for r in results)
    print(
        f"\nTarget (max delay to the first reader under {TARGET} s, 0 errors): max"
        f" {worst:.2f} s, {errors} errors: {'met' if passed else 'NOT met'}"
    )
    return passed


# --- Running ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=120, help="length of each phase")
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--interval", type=float, default=30, help="seconds between polls")
    options = parser.parse_args()
    WORK.mkdir(exist_ok=True)
    port, redis_port, edge_port = free_port(), free_port(), free_port()
    env = {
        **environment(WORK, port, redis_port),
        "DATABASE_URL": f"postgres://magazine:magazine@127.0.0.1:5432/{DATABASE}",
        "WAGTAILFRONTENDCACHE": json.dumps(
            {
                "edge": {
                    "BACKEND": "caching.edge.VarnishBackend",
                    "LOCATION": f"http://127.0.0.1:{edge_port}",
                }
            }
        ),
    }
    redis = start_redis(redis_port)
    gunicorn = worker = varnish = None
    passed = False
    try:
        started = time.monotonic()
        print(f"Building the demo magazine in {DATABASE}...", flush=True)
        build(env, edge_port)
        log = WORK / "gunicorn.log"
        log.write_text("")
        gunicorn = start_gunicorn(env, port, "--error-logfile", str(log), "--capture-output")
        worker = start_task_worker(env, WORK / "worker.log")
        drained = drain_tasks(redis_port)
        varnish = start_varnish(edge_port, port, WORK)
        print(
            f"Built in {time.monotonic() - started:.0f} s (the build's tasks run in"
            f" {drained:.0f} s); {os.cpu_count()} CPUs",
            flush=True,
        )
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.db import connection
        from django.db.models import Max

        from news.models import LiveUpdate

        demo_last = LiveUpdate.objects.aggregate(last=Max("pk"))["last"] or 0
        results = []
        for number in range(1, options.runs + 1):
            page_id, path = the_page(demo_last)
            connection.close()
            polls, posted, start = asyncio.run(one_run(options, edge_port, page_id, path))
            results.append(report_run(number, options, polls, posted, start))
        passed = report_all(results)
        # Django's request errors (with --capture-output) and gunicorn's complaints.
        errors = [line for line in log.read_text().splitlines() if "[INFO]" not in line]
        if errors:
            print(f"\ngunicorn's error log ({log}), last lines:\n" + "\n".join(errors[-20:]))
    finally:
        if "django.db" in sys.modules:
            sys.modules["django.db"].connections.close_all()
        stop(varnish, worker, gunicorn, redis)
        postgres(env, "dropdb", "--if-exists", "--force")
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
