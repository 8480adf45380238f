"""Two app servers, one PostgreSQL, one Redis: the page cache is shared, and a change made on one
node is fresh on the other's very next request (a check that prints what it saw, not a test).

    .venv/bin/python bench/two_nodes.py [--keep]

Uses bench/throughput.py's database (`magazine_bench`, rebuilt unless --keep) and starts a Redis
and two gunicorn servers (one worker each) on different ports. An editor logs in on node A and
unpublishes an article through the admin; node B is asked for the article and its section
straight after.
"""

import argparse
import re
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from common import free_port, manage, start_gunicorn, start_redis, stop
from throughput import build, environment


class Browser:
    """Just enough of a browser for the admin: cookies kept by hand (the production cookies
    are Secure, which urllib's cookie jar will not send over plain http)."""

    def __init__(self, base: str, host: str):
        # Both nodes are asked for the same host, as behind a load balancer.
        self.base, self.host, self.cookies = base, host, {}

    def request(self, path: str, data: dict | None = None) -> tuple[int, dict, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Host": self.host})
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";")[0].split("=", 1)
            self.cookies[name] = value
        return response.status, dict(response.headers), response.read().decode()

    def csrf(self, html: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", action="store_true", help="reuse the database of a last run")
    options = parser.parse_args()
    work = Path(tempfile.gettempdir()) / "bench-throughput"
    work.mkdir(exist_ok=True)
    port_a, port_b, redis_port = free_port(), free_port(), free_port()
    env = {**environment(work, port_a, redis_port), "WEB_CONCURRENCY": "1"}
    env["ALLOWED_HOSTS"] = "127.0.0.1,localhost"
    redis = start_redis(redis_port)
    servers = []
    try:
        build(env, port_a, fresh=not options.keep)
        script = (
            "from django.contrib.auth.models import User;"
            "User.objects.filter(username='desk').delete();"
            "User.objects.create_superuser('desk', password='two nodes, one cache');"
            "from news.models import ArticlePage;"
            "a = ArticlePage.objects.live().order_by('-display_date').first();"
            "print(a.pk, a.url, a.get_parent().url)"
        )
        pk, article, section = manage(env, "shell", "-c", script).split()[-3:]
        for port in (port_a, port_b):
            servers.append(start_gunicorn(env, port))
        host = f"127.0.0.1:{port_a}"  # the site's address, which the demo build set
        node_a = Browser(f"http://127.0.0.1:{port_a}", host)
        node_b = Browser(f"http://127.0.0.1:{port_b}", host)
        reader_a, reader_b = Browser(node_a.base, host), Browser(node_b.base, host)

        seen = []
        status, headers, _ = reader_a.request(section)
        seen.append(("A: section", status, headers.get("X-Cache")))
        status, headers, _ = reader_b.request(section)
        seen.append(("B: section (filled by A)", status, headers.get("X-Cache")))
        reader_b.request(article)
        status, headers, _ = reader_b.request(article)
        seen.append(("B: article", status, headers.get("X-Cache")))

        _, _, html = node_a.request("/admin/login/")
        node_a.request(
            "/admin/login/",
            {
                "username": "desk",
                "password": "two nodes, one cache",
                "csrfmiddlewaretoken": node_a.csrf(html),
            },
        )
        _, _, html = node_a.request(f"/admin/pages/{pk}/unpublish/")
        status, _, _ = node_a.request(
            f"/admin/pages/{pk}/unpublish/", {"csrfmiddlewaretoken": node_a.csrf(html)}
        )
        seen.append(("A: editor unpublishes the article", status, ""))

        status, headers, _ = reader_b.request(article)
        seen.append(("B: article, next request", status, headers.get("X-Cache")))
        status, headers, body = reader_b.request(section)
        listed = f'href="{article}"' in body
        seen.append((f"B: section, lists the article: {listed}", status, headers.get("X-Cache")))

        for what, status, cache in seen:
            print(f"{what:<45} {status} {cache or ''}")
        fresh = seen[-2][1] == 404 and not listed and seen[1][2] == "hit"
        print("\nShared cache and immediate freshness across nodes:", "yes" if fresh else "NO")
        sys.exit(0 if fresh else 1)
    finally:
        stop(*servers, redis)


if __name__ == "__main__":
    main()
