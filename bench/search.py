"""Search latency at 1,000 and 10,000 articles on this machine (a benchmark, not a test).

    .venv/bin/python bench/search.py [--sizes 1000 10000] [--queries 200]

Builds a throw-away SQLite magazine (the demo, then generated articles up to each size), and
sends the same varied queries through the search page with Django's test client: words
common and rare, pairs, phrases, filters, newest-first and second pages. Prints p50 and p95
per size, the time to build the search index, and the ratio of search p95 to the p95 of the
search page without a query (latest articles), measured in the same run. Runs with the dev
settings, but DEBUG off, as production would.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, percentile

WORK = Path(tempfile.mkdtemp(prefix="bench-search-"))
os.environ["DATABASE_URL"] = f"sqlite:///{WORK / 'db.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(WORK / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magazine.settings.dev")
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# Measure as production runs: no debug cursor wrappers, no debug template engine.
settings.DEBUG = False

from io import StringIO  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from core.text import keywords  # noqa: E402
from news.models import ArticlePage, NewsIndexPage  # noqa: E402
from people.models import AuthorPage  # noqa: E402


def varied_queries(count: int, rng: random.Random) -> list[dict]:
    titles = list(ArticlePage.objects.values_list("title", flat=True)[:2000])
    words = [word for title in titles for word in keywords(title)]
    frequent = [
        w for w, _ in sorted(((w, words.count(w)) for w in set(words)), key=lambda x: -x[1])
    ]
    common, rare = frequent[:40], frequent[-400:]
    sections = list(NewsIndexPage.objects.filter(depth__gte=4).values_list("pk", flat=True))
    authors = list(AuthorPage.objects.values_list("pk", flat=True))
    queries = []
    for index in range(count):
        kind = index % 10
        if kind in (0, 1, 2):
            params = {"q": rng.choice(common)}
        elif kind in (3, 4):
            params = {"q": rng.choice(rare)}
        elif kind == 5:
            params = {"q": f"{rng.choice(common)} {rng.choice(common)}"}
        elif kind == 6:
            title_words = rng.choice(titles).split()
            start = rng.randrange(max(1, len(title_words) - 2))
            params = {"q": '"' + " ".join(title_words[start : start + 2]) + '"'}
        elif kind == 7:
            params = {"q": rng.choice(common), "section": rng.choice(sections)}
        elif kind == 8:
            params = {"q": rng.choice(common), "author": rng.choice(authors), "order": "newest"}
        else:
            params = {"q": rng.choice(common), "page": 2}
        queries.append(params)
    return queries


def measure(client: Client, requests: list[dict]) -> list[float]:
    times = []
    for params in requests:
        started = time.perf_counter()
        response = client.get("/search/", params)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code not in (200, 404):
            raise SystemExit(f"{params}: HTTP {response.status_code}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--queries", type=int, default=200)
    options = parser.parse_args()

    quiet = StringIO()
    print(f"Throw-away database in {WORK}; database: {settings.DATABASES['default']['ENGINE']}")
    call_command("migrate", verbosity=0)
    call_command("load_demo", "--skip-renditions", stdout=quiet)
    client = Client(HTTP_HOST="localhost")
    rng = random.Random(7)
    columns = {"articles": 9, "index s": 8, "p50 ms": 7, "p95 ms": 7, "no-query p95": 13}
    print(" ".join(f"{title:>{width}}" for title, width in columns.items()), " ratio")
    for size in options.sizes:
        missing = size - ArticlePage.objects.count()
        started = time.perf_counter()
        if missing > 0:
            out = StringIO()
            call_command("make_corpus", "--articles", str(missing), stdout=out)
            index_seconds = float(out.getvalue().split("indexed them in ")[1].split(" s")[0])
        else:
            index_seconds = 0.0
        build = time.perf_counter() - started
        queries = varied_queries(options.queries, rng)
        measure(client, queries)  # warm up: caches, connections, the results' image renditions
        searched = measure(client, queries)
        baseline = measure(client, [{}] * 50)
        p95 = percentile(searched, 0.95)
        base95 = percentile(baseline, 0.95)
        print(
            f"{ArticlePage.objects.count():>9} {index_seconds:>8.1f} "
            f"{statistics.median(searched):>7.1f} {p95:>7.1f} {base95:>13.1f} {p95 / base95:>6.2f}"
            f"   (built in {build:.0f} s)"
        )


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
