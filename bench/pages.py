"""Page weight and Lighthouse scores of each page type of the demo magazine (a benchmark, not a
test).

    .venv/bin/python bench/pages.py [--no-lighthouse] [--runs 3]

Builds the demo magazine in a throw-away folder, serves it with the production settings
(compressed static files from WhiteNoise, DEBUG off) and loads each page type in Debian's
Chromium with Playwright, counting what the first load fetches: HTML, CSS and JavaScript bytes
(as sent and unpacked), the number of requests and the total bytes transferred. Then runs
Lighthouse 12.2.3 (npm, installed into bench/lighthouse/) on each page with its mobile
settings and prints the median of `--runs` scores per category.

Search results are `noindex` on purpose, which Lighthouse's SEO score counts against them.
HTML is sent as Django makes it: in production the proxy in front compresses it.

The budget from the issue: an article under 60 KB of HTML+CSS+JS, no JavaScript required to
read, Lighthouse performance >= 0.95 and 1.0 for accessibility, best practices and SEO.
"""

import argparse
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import PYTHON, ROOT, free_port, manage

CHROMIUM = "/usr/bin/chromium"
LIGHTHOUSE_DIR = ROOT / "bench" / "lighthouse"
ARTICLE_BUDGET = 60 * 1024


def environment(work: Path, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
        "MEDIA_ROOT": str(work / "media"),
        "BENCH_STATIC_ROOT": str(work / "static"),
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "REDIS_URL": "redis://unused",  # bench/settings.py keeps its caches in memory
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }


def build(env: dict, port: int) -> None:
    started = time.perf_counter()
    # Before load_demo renders every page: the pages need the static files' manifest, and
    # the site's address must be a host production allows.
    manage(env, "collectstatic", "--no-input")
    manage(env, "migrate", "--no-input")
    manage(env, "local_site_address", "--port", str(port))
    manage(env, "load_demo")
    print(f"Demo magazine built in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def serve(env: dict, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("The server did not start.")


def page_urls(env: dict) -> dict[str, str]:
    """One address of each page type, picked from the demo magazine by the shell."""
    script = """
import json
from news.models import ArticlePage, NewsIndexPage
from people.models import AuthorPage, PeopleIndexPage
article = ArticlePage.objects.live().exclude(dateline="").order_by("-display_date").first()
section = NewsIndexPage.objects.live().filter(depth=4).first()
tag = article.tags.first()
print(json.dumps({
    "home": "/",
    "section": section.url,
    "article": article.url,
    "author": article.article_authors.first().author.url,
    "people": PeopleIndexPage.objects.get().url,
    "tag": f"/tags/{tag.slug}/",
    "search": "/search/?q=" + article.title.split()[0],
    "not found": "/no-such-page/",
}))
"""
    output = manage(env, "shell", "-c", script)
    return json.loads(output.strip().splitlines()[-1])


def weigh(base: str, urls: dict[str, str]) -> dict[str, dict]:
    """What the first load of each page fetches, in a fresh browser each time."""
    from playwright.sync_api import sync_playwright

    figures = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        for name, path in urls.items():
            context = browser.new_context()
            page = context.new_page()
            requests = []
            page.on("requestfinished", lambda request, into=requests: into.append(request))
            page.goto(base + path, wait_until="networkidle")
            weights = {"html": [0, 0], "css": [0, 0], "js": [0, 0], "other": [0, 0]}
            transferred = 0
            for request in requests:
                sizes = request.sizes()
                sent = sizes["responseBodySize"]
                transferred += sent + sizes["responseHeadersSize"]
                response = request.response()
                body = len(response.body()) if response else 0
                kind = {"document": "html", "stylesheet": "css", "script": "js"}.get(
                    request.resource_type, "other"
                )
                weights[kind][0] += sent
                weights[kind][1] += body
            figures[name] = {
                "requests": len(requests),
                "transferred": transferred,
                **{f"{kind}_sent": sent for kind, (sent, _) in weights.items()},
                **{f"{kind}_bytes": body for kind, (_, body) in weights.items()},
            }
            context.close()
        browser.close()
    return figures


def lighthouse(url: str, runs: int) -> dict[str, float]:
    """Median score of each category over `runs` runs of Lighthouse's mobile audit."""
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=LIGHTHOUSE_DIR,
            check=True,
            capture_output=True,
        )
    scores: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        for _ in range(runs):
            # Headless Chromium on a busy two-core machine now and then fails to start: retry.
            for attempt in range(3):
                result = subprocess.run(
                    [
                        str(binary),
                        url,
                        "--quiet",
                        "--output=json",
                        f"--output-path={report}",
                        "--only-categories=performance,accessibility,best-practices,seo",
                        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                    ],
                    env={**os.environ, "CHROME_PATH": CHROMIUM},
                    capture_output=True,
                    text=True,
                )
                if result.returncode == 0:
                    break
                print(f"Lighthouse failed on {url} (attempt {attempt + 1}):", file=sys.stderr)
                print(result.stderr[-2000:], file=sys.stderr)
            else:
                raise SystemExit(f"Lighthouse failed three times on {url}.")
            categories = json.loads(report.read_text())["categories"]
            for name, category in categories.items():
                if category["score"] is not None:  # None: Lighthouse could not score it
                    scores.setdefault(name, []).append(category["score"])
    return {name: statistics.median(values) for name, values in scores.items()}


def score(scores: dict, category: str) -> str:
    return f"{scores[category]:.2f}" if category in scores else "n/a"


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page")
    parser.add_argument(
        "--keep", type=Path, help="build into this folder once and reuse it on later runs"
    )
    options = parser.parse_args()

    work = options.keep or Path(tempfile.mkdtemp(prefix="bench-pages-"))
    work.mkdir(parents=True, exist_ok=True)
    port = 8931 if options.keep else free_port()  # the built site knows its address
    env = environment(work, port)
    server = None
    try:
        if not (work / "db.sqlite3").exists():
            build(env, port)
        else:  # a kept build: bring its static files up to date
            manage(env, "collectstatic", "--no-input")
        urls = page_urls(env)
        server = serve(env, port)
        base = f"http://127.0.0.1:{port}"
        figures = weigh(base, urls)

        print("\nFirst load in Chromium (KB; 'sent' is compressed, as transferred)")
        header = (
            f"{'page':<10} {'HTML':>6} {'sent':>6} {'CSS':>6} {'sent':>6} {'JS':>5}"
            f" {'requests':>8} {'transferred':>11}"
        )
        print(header)
        for name, row in figures.items():
            print(
                f"{name:<10} {kb(row['html_bytes']):>6} {kb(row['html_sent']):>6}"
                f" {kb(row['css_bytes']):>6} {kb(row['css_sent']):>6} {kb(row['js_bytes']):>5}"
                f" {row['requests']:>8} {kb(row['transferred']):>11}"
            )
        article = figures["article"]
        total = article["html_bytes"] + article["css_bytes"] + article["js_bytes"]
        print(
            f"\nArticle HTML+CSS+JS: {kb(total)} KB unpacked, {total / ARTICLE_BUDGET:.2f} of the"
            f" 60 KB budget ({kb(article['html_sent'] + article['css_sent'] + article['js_sent'])}"
            " KB as sent)"
        )

        if not options.no_lighthouse:
            print(f"\nLighthouse 12.2.3, mobile, median of {options.runs} runs")
            print(f"{'page':<10} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
            # Lighthouse stops at an error status, so the 404 page is left to the axe tests.
            for name, path in urls.items():
                if name == "not found":
                    continue
                scores = lighthouse(base + path, options.runs)
                columns = ("performance", "accessibility", "best-practices", "seo")
                print(f"{name:<10} " + " ".join(f"{score(scores, c):>5}" for c in columns))
    finally:
        if server is not None:
            server.terminate()
            server.wait()
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
