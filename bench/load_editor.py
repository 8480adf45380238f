"""The editor of bench/load.py, in a process of its own: Django with the run's settings, making
one change every --interval seconds through Wagtail's API, as the admin does (publish, new
headline, publish, new headline, unpublish, in turn), and checking each straight after it returns
with one anonymous request for the article, its section and the home page. Between changes it
has the pages the next one will show on stored in the page cache (asked for in this process,
through the same application: a request to gunicorn would wait behind the readers' for longer
than the interval), so that a stale copy is there to be served by mistake.

    python bench/load_editor.py --port PORT --seconds S --interval I --seed N

Started by bench/load.py (from the project's directory, with the run's environment); it writes
a JSON line on stdout when ready, waits for `go <monotonic time>` on stdin, then writes one for
each change as it returns, one when it has been checked, and one when done.
"""

import argparse
import json
import random
import re
import secrets
import sys
import time

from common import ROOT

TIMEOUT = 60  # seconds; gunicorn's own is 30
# The editor's changes, in turn: new articles gather, so readers have some to read.
CYCLE = ("publish", "update", "publish", "update", "unpublish")


def run_editor(port: int, seconds: float, interval: float, seed: int) -> None:
    """Changes articles once every `interval` seconds, from the `go` line on stdin on, and
    writes a JSON line for each change as it returns and another when it has been checked."""
    import threading
    from concurrent.futures import ThreadPoolExecutor
    from http.client import HTTPConnection

    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client, RequestFactory
    from django.utils.html import escape

    from caching import page_cache
    from news.models import ArticleAuthor, ArticlePage, NewsIndexPage
    from people.models import AuthorPage

    rng = random.Random(seed)
    user, _ = get_user_model().objects.get_or_create(
        username="load-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    sections = list(NewsIndexPage.objects.live().filter(depth__gte=4).order_by("path"))
    authors = list(AuthorPage.objects.live())
    heroes = list(
        ArticlePage.objects.live().exclude(hero_image=None).values_list("hero_image", flat=True)
    )
    run = secrets.token_hex(3)
    reader = Client(raise_request_exception=False)  # anonymous: no session, so cached pages
    output = threading.Lock()
    in_flight: set[int] = set()  # articles whose check has not been answered yet
    own: list[int] = []  # articles published in this run

    def emit(**record) -> None:
        with output:
            print(json.dumps(record), flush=True)

    def get(path: str) -> dict:
        started = time.monotonic()
        connection = HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        try:
            connection.request("GET", path, headers={"User-Agent": "bench-load editor"})
            response = connection.getresponse()
            body = response.read().decode()
            status, cache = response.status, response.getheader("X-Cache", "")
        except OSError as error:
            body, status, cache = "", type(error).__name__, ""
        finally:
            connection.close()
        ended = time.monotonic()
        return {
            "status": status,
            "cache": cache,
            "ms": (ended - started) * 1000,
            "started": started,
            "ended": ended,
            "body": body,
        }

    def check(change: dict) -> None:
        """Asks for the article, its section and the home page once each, at once, straight
        after the change returned, and writes down what any of them got wrong."""
        url, kind, title = change["url"], change["kind"], change["title"]
        pages = pages_of(change)
        with ThreadPoolExecutor(len(pages)) as pool:
            seen = dict(zip(pages, pool.map(get, pages.values()), strict=True))
        headline = f'<h1 class="article__headline">{escape(title)}</h1>'
        card = f'<a href="{url}">{escape(title)}</a>'
        problems = []
        article = seen.pop("article")
        if kind == "unpublish":
            if article["status"] != 404:
                problems.append(f"the article answered {article['status']}, not 404")
        elif article["status"] != 200:
            problems.append(f"the article answered {article['status']}, not 200")
        elif headline not in article["body"]:
            shown = re.search(r'<h1 class="article__headline">(.*?)</h1>', article["body"])
            problems.append(f"the article shows {shown[1] if shown else 'no headline'!r}")
        # Articles published after this one may have pushed it off a listing by now: one of
        # them there shows the listing is newer than this change.
        ours = re.compile(rf'href="[^"]*/load-test-story-{run}-(\d+)/"')
        for name, listing in seen.items():
            linked = f'href="{url}"' in listing["body"]
            if listing["status"] != 200:
                problems.append(f"the {name} answered {listing['status']}")
            elif kind == "unpublish" and linked:
                problems.append(f"the {name} still links to the article")
            elif kind == "publish" and not linked:
                if not any(int(m) > change["n"] for m in ours.findall(listing["body"])):
                    problems.append(f"the {name} does not link to the new article")
            elif kind != "unpublish" and linked and card not in listing["body"]:
                problems.append(f"the {name} links to the article without its new headline")
        seen["article"] = article
        for response in seen.values():
            del response["body"]
        emit(event="checked", n=change["n"], seen=seen, problems=problems)
        in_flight.discard(change["pk"])

    def pages_of(change: dict) -> dict[str, str]:
        """The pages a change shows on: the article (none yet before a publish), its section
        and the home page, which list the newest articles."""
        pages = {"article": change["url"], "section": change["section"], "home": "/"}
        return {name: path for name, path in pages.items() if path}

    def in_cache(path: str) -> bool:
        """Whether the page cache holds `path` for an anonymous reader, now: looked up as
        caching.page_cache's middleware would."""
        request = RequestFactory().get(path, HTTP_HOST=f"127.0.0.1:{port}")
        key = page_cache.cache_key(request)
        return key is not None and page_cache.is_cached(key)

    def newest_live() -> list:
        candidates = ArticlePage.objects.live().exclude(pk__in=list(in_flight))
        return list(candidates.order_by("-display_date", "-pk")[:12])

    def plan(n: int) -> dict | None:
        """The n-th change, chosen. Updates change one of the twelve newest articles (on the
        home page and atop their sections); unpublishing takes one the editor published in
        this run, so that the demo's tags, sections' pages and authors keep their articles."""
        kind = CYCLE[(n - 1) % len(CYCLE)]
        if kind == "publish":
            section = sections[n % len(sections)]
            return {"n": n, "kind": kind, "parent": section, "section": section.url, "url": None}
        if kind == "update":
            targets = newest_live()
        else:
            targets = list(ArticlePage.objects.live().filter(pk__in=set(own) - in_flight))
        if not targets:
            return None
        page = rng.choice(targets)
        in_flight.add(page.pk)  # left alone until this change's check is answered
        return {
            "n": n,
            "kind": kind,
            "page": page,
            "section": page.get_parent().url,
            "url": page.url,
        }

    def warm(plan: dict | None) -> None:
        """Has the pages a change will show on stored in the page cache before it, as a reader's
        request would, so that every change has a stale copy to leave behind: asked for in this
        process, through the same application and middleware as gunicorn's (a request sent to
        gunicorn waits behind the readers' for longer than the interval between changes)."""
        if plan is not None:
            for path in pages_of(plan).values():
                reader.get(path, HTTP_HOST=f"127.0.0.1:{port}")

    def act(plan: dict) -> dict:
        """Makes the change as the admin does; returns what the report and check need."""
        n, kind = plan["n"], plan["kind"]
        if kind == "publish":
            title = f"Load test story {run}-{n} (revision 1)"
            page = ArticlePage(
                title=title,
                slug=f"load-test-story-{run}-{n}",
                standfirst=f"A story the load test published, number {n}.",
                body=json.dumps(
                    [{"type": "paragraph", "value": f"<p>{title}.</p>", "id": secrets.token_hex(8)}]
                ),
                hero_image_id=rng.choice(heroes) if heroes else None,
                live=False,  # the admin creates a draft, then publishes its revision
                owner=user,
                article_authors=[ArticleAuthor(author=rng.choice(authors), sort_order=0)],
            )
            started = time.monotonic()
            plan["parent"].add_child(instance=page)
            page.save_revision(user=user, log_action=True).publish(user=user)
            own.append(page.pk)
            old = ""
        elif kind == "update":
            page = plan["page"].get_latest_revision_as_object()
            old = page.title
            title = re.sub(r" \(revision \d+\)$", "", old) + f" (revision {n})"
            started = time.monotonic()
            page.title = title
            page.save_revision(user=user, log_action=True).publish(user=user)
        else:
            page = plan["page"]
            title = old = page.title
            started = time.monotonic()
            page.unpublish(user=user, log_action=True)
        returned = time.monotonic()
        in_flight.add(page.pk)
        return {
            "n": n,
            "kind": kind,
            "pk": page.pk,
            "url": plan["url"] or page.url,
            "section": plan["section"],
            "title": title,
            "old_title": old,
            "started": started,
            "returned": returned,
        }

    print(json.dumps({"event": "ready"}), flush=True)
    start = float(sys.stdin.readline().split()[1])  # "go <monotonic time>"
    cpu = time.process_time()
    checks = ThreadPoolExecutor(8)
    pending = []
    n = 1
    upcoming = plan(n)
    warm(upcoming)
    while start + n * interval <= start + seconds - interval:
        due = start + n * interval
        time.sleep(max(0.0, due - time.monotonic()))
        if upcoming is None:
            emit(event="skipped", n=n, kind=CYCLE[(n - 1) % len(CYCLE)])
        else:
            # A copy from before the change, for a stale answer to come from?
            cached = {name: in_cache(path) for name, path in pages_of(upcoming).items()}
            change = act(upcoming)
            change.update(cached=cached, late=change["started"] - due)
            pending.append(checks.submit(check, change))
            emit(event="changed", **change)
        n += 1
        # Straight after the change: the next one is chosen and its pages stored.
        upcoming = plan(n)
        warm(upcoming)
    for future in pending:
        future.result()
    emit(event="done", cpu=time.process_time() - cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--interval", type=float, required=True)
    parser.add_argument("--seed", type=int, required=True)
    options = parser.parse_args()
    run_editor(options.port, options.seconds, options.interval, options.seed)


if __name__ == "__main__":
    main()
