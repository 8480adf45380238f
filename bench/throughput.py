"""Requests per second of the production profile against the limit, a static file (a benchmark,
not a test).

    .venv/bin/python bench/throughput.py [--rounds 3] [--seconds 5] [--keep]

Builds the demo magazine in a PostgreSQL database of its own (`magazine_bench`, on the
machine's cluster, which must be running with the `magazine` role of .ci/run), starts a Redis of
its own and gunicorn with the production settings and 2 workers, then loads each target with
wrk (Debian's `wrk`) on loopback: the stylesheet (served by WhiteNoise: the limit), and the
article, section, home and search pages, each cached and uncached (a session cookie makes the
page cache step aside, as it does for editors). Targets are measured in turn, round after
round, so that the machine's drift falls on all of them alike; the figures are medians over the
rounds, and each page's requests/s is divided by the static file's of the same round.

Then the same through Varnish with the project's VCL (as `make prod` runs it): the static file
and the cached article, each against the static file through Varnish in the same round. And an
article with an embed (stored, as the background lookup leaves it), uncached, beside the one
without.

Targets (issue 15): through Varnish, cached article >= 0.9 x Varnish's static file; through
gunicorn alone, cached article >= 0.5 x the stylesheet, uncached article >= 0.03 x (with and
without an embed), uncached home >= 0.015 x.
Two more rows give the floors for scale: robots.txt with the session cookie (Django's cost of
any request that is not a cached page) and a missing article (Wagtail's routing and the smallest
page of the layout).
Also prints each worker's memory (RSS) before the run and after every round, with workers never
replaced (gunicorn's max_requests off), to show whether it levels off.
"""

import argparse
import os
import re
import secrets
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from common import free_port, manage, start_gunicorn, start_redis, start_varnish, stop

DATABASE = "magazine_bench"
CONNECTIONS = 16


def environment(work: Path, port: int, redis_port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "magazine.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"postgres://magazine:magazine@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "SERVE_MEDIA_FILES": "1",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback
        "WEB_CONCURRENCY": "2",
    }


def build(env: dict, port: int, fresh: bool) -> None:
    if fresh:
        subprocess.run(
            ["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "magazine", DATABASE],
            env={**env, "PGPASSWORD": "magazine"},
            check=True,
        )
    subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "magazine", DATABASE],
        env={**env, "PGPASSWORD": "magazine"},
        capture_output=True,  # fails harmlessly when it is there already
    )
    manage(env, "collectstatic", "--no-input")
    manage(env, "migrate", "--no-input")
    manage(env, "local_site_address", "--port", str(port))
    manage(env, "load_demo")


def targets(env: dict) -> dict[str, str]:
    script = """
from news.models import ArticlePage, NewsIndexPage
article = ArticlePage.objects.live().order_by("-display_date").first()
section = NewsIndexPage.objects.live().filter(depth=4).first()
print(article.url, section.url, article.title.split()[0].lower())
"""
    article, section, word = manage(env, "shell", "-c", script).split()[-3:]
    embed = manage(env, "shell", "-c", _EMBED_ARTICLE).strip().splitlines()[-1]
    static = manage(env, "shell", "-c", _STATIC_URL).strip().splitlines()[-1]
    return {
        "static file": static,
        "article, cached": article,
        "article, uncached": article,
        "article with embed, uncached": embed,
        "section, cached": section,
        "section, uncached": section,
        "home, cached": "/",
        "home, uncached": "/",
        "search": "/search/?" + urlencode({"q": word}),
        # The floors under any uncached page, for scale: Django's (a view with no database
        # and no template, through the whole middleware) and Wagtail's (routing an address to
        # no page, then the smallest page of the layout; never cached).
        "robots.txt, uncached": "/robots.txt",
        "missing page (404)": "/news/no-such-article/",
    }


# A copy of the newest article with a video embedded after its first paragraph, its lookup stored
# as the background task would have stored it (no network here).
_EMBED_ARTICLE = """
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from news.models import ArticlePage
url = "https://www.youtube.com/watch?v=benchmark"
Embed.objects.update_or_create(hash=get_embed_hash(url), defaults=dict(
    url=url, type="video", html='<iframe src="https://www.youtube.com/embed/benchmark"'
    ' width="640" height="360" title="Benchmark video"></iframe>', width=640, height=360))
source = ArticlePage.objects.live().order_by("-display_date").first()
article = ArticlePage.objects.filter(slug="benchmark-embed").first()
if article is None:
    article = source.copy(update_attrs={"slug": "benchmark-embed", "title": "With an embed"},
                          keep_live=True, copy_revisions=False, reset_translation_key=True)
    article.body.insert(1, ("embed", url))
    article.save_revision().publish()
print(article.url)
"""

_STATIC_URL = """
from django.templatetags.static import static
print(static("css/magazine.css"))
"""


def wrk(url: str, seconds: int, uncached: bool, missing: bool) -> tuple[float, float, float]:
    """(requests/s, p50 ms, p99 ms) of `url` under wrk; `missing`: it answers 404."""
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", url]
    if uncached:
        command[1:1] = ["-H", "Cookie: sessionid=benchmark"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    if "Non-2xx" in output and not missing:
        raise SystemExit(f"{url} answered with errors:\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    return rate, _latency(output, "50%"), _latency(output, "99%")


def _latency(output: str, percentile: str) -> float:
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", output).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def worker_memory(gunicorn: subprocess.Popen) -> str:
    """Each of gunicorn's workers' memory in MB: RSS (the target's measure, which counts the
    pages a worker shares with the preloaded master and the other workers in full), PSS (shared
    pages divided among those that share them) and its own (private) pages."""
    found = subprocess.run(["pgrep", "-P", str(gunicorn.pid)], capture_output=True, text=True)
    sizes = []
    for pid in found.stdout.split():
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        mb = {
            field: int(value) // 1024
            for field, value in re.findall(r"^(\w+):\s+(\d+) kB", rollup, re.M)
        }
        own = mb["Private_Clean"] + mb["Private_Dirty"]
        sizes.append(f"RSS {mb['Rss']} (PSS {mb['Pss']}, own {own})")
    return ", ".join(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5, help="length of each wrk run")
    parser.add_argument("--keep", action="store_true", help="reuse the database of a last run")
    parser.add_argument(
        "--only", default="", help="only the targets whose names contain this (and the limit)"
    )
    options = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("Needs wrk: apt-get install wrk")

    work = Path(tempfile.gettempdir()) / "bench-throughput"
    work.mkdir(exist_ok=True)
    port, redis_port, edge_port = free_port(), free_port(), free_port()
    env = environment(work, port, redis_port)
    env["WAGTAILFRONTENDCACHE"] = (
        '{"edge": {"BACKEND": "caching.edge.VarnishBackend", "LOCATION": '
        f'"http://127.0.0.1:{edge_port}"}}}}'
    )
    redis = start_redis(redis_port)
    gunicorn = varnish = None
    try:
        build(env, port, fresh=not options.keep)
        urls = {
            name: path
            for name, path in targets(env).items()
            if options.only in name or name == "static file"
        }
        # Workers are never replaced here (production replaces them every 10,000 requests or
        # so): the memory printed after each round is then one worker's over the whole run.
        gunicorn = start_gunicorn(env, port, "--max-requests", "0")
        varnish = start_varnish(edge_port, port, work)
        base = f"http://127.0.0.1:{port}"
        edge = f"http://127.0.0.1:{edge_port}"
        for name in ("static file", "article, cached"):
            if name in urls:
                urls[f"{name}, via Varnish"] = urls[name]
        print(f"Workers' memory before, MB: {worker_memory(gunicorn)}")
        results: dict[str, list[tuple[float, float, float]]] = {name: [] for name in urls}
        served = 0
        for round_number in range(1, options.rounds + 1):
            for name, path in urls.items():
                kind = ("uncached" in name, "404" in name)
                url = (edge if "Varnish" in name else base) + path
                wrk(url, 1, *kind)  # warm up (and fill the cache)
                results[name].append(wrk(url, options.seconds, *kind))
                served += results[name][-1][0] * options.seconds
            # Whether memory levels off: each worker's size after every round.
            print(
                f"Round {round_number}: about {served:,.0f} requests, workers' memory, MB:"
                f" {worker_memory(gunicorn)}",
                flush=True,
            )

        static_rates = [rate for rate, _, _ in results["static file"]]
        edge_rates = [rate for rate, _, _ in results["static file, via Varnish"]]
        print(
            f"\nwrk, {CONNECTIONS} connections, {options.rounds} rounds of {options.seconds} s,"
            " gunicorn with 2 workers (medians)"
        )
        print("(x static: against the static file of the same round, through Varnish for the")
        print(" rows via Varnish; spread: the lowest and highest ratio of the rounds)")
        print(f"{'target':<30} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'x static':>9} spread")
        for name, runs in results.items():
            limits = edge_rates if "Varnish" in name else static_rates
            ratios = [rate / static for (rate, _, _), static in zip(runs, limits, strict=True)]
            print(
                f"{name:<30} {statistics.median(r for r, _, _ in runs):>8.0f}"
                f" {statistics.median(p for _, p, _ in runs):>8.1f}"
                f" {statistics.median(p for _, _, p in runs):>8.1f}"
                f" {statistics.median(ratios):>9.3f} {min(ratios):.3f}-{max(ratios):.3f}"
            )
        print(f"\nWorkers' memory after, MB: {worker_memory(gunicorn)}")
    finally:
        stop(varnish, gunicorn, redis)


if __name__ == "__main__":
    main()
