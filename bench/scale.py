"""Page latency at 1,000 and 100,000 articles, and the time to publish one (a benchmark, not a
test).

    .venv/bin/python bench/scale.py [--sizes 1000 100000] [--requests 100] [--rounds 2]
        [--publishes 20]

Builds the demo magazine in a PostgreSQL database of its own (`magazine_scale`, on the
machine's cluster with .ci/run's `magazine` role; DATABASE_URL overrides it), then grows it with
`make_corpus` to each size. At each size it renders, through Django's test client with the page
cache stepped aside (as for an editor), the largest section's first and a deep page, random
articles, the authors' pages and varied searches, and prints p50/p95 of each; then publishes
--publishes new revisions of the newest articles, each with the invalidation it causes (surrogate
keys' tokens, fragments, purges queued), and prints p50/p95 of the time each took. Each size is
measured --rounds times in a row, so that the noise shows beside the growth.
Targets: no page's p95 more than 2x from the first size to the last; search p95 under 100 ms;
publishing one article under 250 ms p95.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time

from common import ROOT, percentile

DATABASE = os.environ.get(
    "DATABASE_URL", "postgres://magazine:magazine@127.0.0.1:5432/magazine_scale"
)
os.environ["DATABASE_URL"] = DATABASE
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "magazine.settings.dev")
sys.path.insert(0, str(ROOT))


def recreate_database() -> None:
    name = DATABASE.rsplit("/", 1)[1]
    env = {**os.environ, "PGPASSWORD": "magazine"}
    connection = ["-h", "127.0.0.1", "-U", "magazine"]
    subprocess.run(["dropdb", "--if-exists", *connection, name], env=env, check=True)
    subprocess.run(["createdb", *connection, name], env=env, check=True)


def timed(client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 100000])
    parser.add_argument("--requests", type=int, default=100, help="per page kind")
    parser.add_argument("--rounds", type=int, default=2, help="measurements of each size")
    parser.add_argument("--publishes", type=int, default=20, help="per round")
    options = parser.parse_args()

    if DATABASE.endswith("/magazine_scale"):
        recreate_database()
    import django

    django.setup()
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from core.text import keywords
    from news.models import ArticlePage, NewsIndexPage
    from people.models import AuthorPage

    settings.DEBUG = False  # measure as production runs
    call_command("migrate", verbosity=0)
    # With its renditions, as `make run` and `make prod` load it: no reader request makes one.
    call_command("load_demo", stdout=StringIO())
    client = Client(HTTP_HOST="localhost")
    client.cookies["sessionid"] = "benchmark"  # the page cache steps aside, as for editors
    rng = random.Random(5)

    header = f"{'articles':>9} {'page':<17} {'p50 ms':>7} {'p95 ms':>7}"
    print(f"Database: {settings.DATABASES['default']['ENGINE']}\n{header}")
    first_p95: dict[str, float] = {}
    for size in options.sizes:
        missing = size - ArticlePage.objects.count()
        if missing > 0:
            call_command("make_corpus", "--articles", str(missing), stdout=StringIO())
        count = ArticlePage.objects.count()
        sections = NewsIndexPage.objects.filter(depth__gte=4)
        largest = max(sections, key=lambda s: ArticlePage.objects.descendant_of(s).count())
        deep = min(20, ArticlePage.objects.descendant_of(largest).count() // 12)
        article_urls = [a.url for a in ArticlePage.objects.live().order_by("?")[: options.requests]]
        authors = [a.url for a in AuthorPage.objects.live()]
        titles = list(ArticlePage.objects.order_by("?").values_list("title", flat=True)[:200])
        words = [word for title in titles for word in keywords(title)]
        kinds = {
            "section": [largest.url] * options.requests,
            "deep section page": [f"{largest.url}?page={deep}"] * options.requests,
            "article": article_urls,
            "author": [rng.choice(authors) for _ in range(options.requests)],
            "search": [f"/search/?q={rng.choice(words)}" for _ in range(options.requests)],
        }
        for round_ in range(1, options.rounds + 1):
            for kind, urls in kinds.items():
                timed(client, urls[:10])  # warm up
                times = timed(client, urls)
                p95 = percentile(times, 0.95)
                first_p95.setdefault(kind, p95)
                growth = p95 / first_p95[kind]
                print(
                    f"{count:>9} {kind:<17} {statistics.median(times):>7.1f} {p95:>7.1f}"
                    f"   x{growth:.2f} of the first size's first round (round {round_})",
                    flush=True,
                )
            times = publish(ArticlePage, options.publishes)
            print(
                f"{count:>9} {'publish one':<17} {statistics.median(times):>7.1f}"
                f" {percentile(times, 0.95):>7.1f}   (round {round_})",
                flush=True,
            )


def publish(model, count: int) -> list[float]:
    """Milliseconds each of `count` publications took: a new revision of one of the newest
    articles, in turn, committed (the page cache's invalidation runs on commit, inside this)."""
    from django.db import transaction

    times = []
    newest = list(model.objects.live().order_by("-display_date")[:count])
    for article in newest:
        started = time.perf_counter()
        with transaction.atomic():
            article.title = article.title.rstrip() + " "
            article.save_revision().publish()
        times.append((time.perf_counter() - started) * 1000)
    return times


if __name__ == "__main__":
    main()
