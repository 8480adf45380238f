"""Time and memory to send a newsletter issue to 10,000 and 100,000 subscribers (a benchmark).

    .venv/bin/python bench/newsletter.py [--sizes 10000,100000] [--runs 2] [--kill]
        [--history 0]

Builds the demo magazine (`load_demo --skip-renditions`) with the production settings in a
PostgreSQL database of its own (`magazine_bench_newsletter`, on the machine's cluster with
.ci/run's `magazine` role; dropped at the end), starts a Redis of its own and an SMTP sink
(aiosmtpd in a process of its own, on loopback: it counts each recipient's messages and
discards them), and points Django's SMTP backend at the sink (EMAIL_URL). Subscribers are made
in bulk: N confirmed readers of the English daily (a third of them also take a weekly), and
beside them, out of the audience, N/10 who take only a weekly and N/20 who left the daily. Each
issue sent is a copy of the draft of the daily load_demo makes (an intro and the five newest
stories, printed with their hero pictures and the email's size); the heroes' crops are made
before the clock starts, as publishing makes them.

How the issue is sent: as production sends it. The task worker `make prod` runs (`manage.py
rqworker --job-class django_tasks_rq.Job --worker-class magazine.task_worker.DjangoSimpleWorker
default`: jobs run in the worker's own process; without `--with-scheduler`, whose process only
moves delayed jobs) takes `send_issue` from Redis; `sending.start()` queues it, as the admin's
"Send" does. Each task sends for TASK_SECONDS and queues the rest as a new job, which the same
worker picks up. (Calling `send_issue.call()` with the immediate backend would not mirror this:
there the re-queue runs the next task inside the current one, a frame deeper each minute, each
keeping its own SMTP connection open until the whole send ends.) The worker first sends an
issue of a newsletter nobody takes, so that imports and templates are warm, as in a long-lived
worker. The time is the issue's own record: from `started_at` (set by `start()`) to
`finished_at` (set by the worker when no recipient is left).

The floor, measured in the same run just before each send: the same number of messages, each
with the same rendered HTML and text, its reader's own links (signed the same way) and the same
headers, built with the standard library's MIME classes (which Django's wrap; bodies encoded as
Django encodes them) and sent through one smtplib connection to the same sink by a plain Python
process: no Django, no database. The project's time is printed as a ratio to it ("x floor").
The deliveries of earlier runs are deleted before each send so that every run starts alike.
--history K first records K past issues of the daily as delivered to every reader, as the
delivery table stands after K days of a daily (nothing deletes deliveries), and keeps them.

Memory: the sender's (the worker's, or the floor's) resident set (VmRSS from /proc) sampled
every 0.1 s, printed at 10%, 50% and 90% of the send and its peak, beside the idle worker's
before the send: flat means 10% ~ 90%. CPU: seconds used during the send by the sender, the
PostgreSQL cluster (all its processes) and the sink, which share the machine's cores.
"A commit": the milliseconds one small insert takes to commit in the bench's database, measured
just before each send. The worker commits once per message (its delivery's row, with the
last message's outcome), each waiting for the WAL to reach the disk, so where the CPU seconds
add up to much less than the wall time the send is waiting on the disk, whose speed varies on a
virtual machine. Every run checks the sink's counts: each reader of the audience exactly one
copy, nobody else.

Each size is measured --runs times (floor, then project, alternating), and the difference
between runs is printed as the noise. Target (the issue): 100,000 in under 10 minutes on
2 cores, memory flat.

--kill instead checks the claim of newsletters/sending.py, "no one gets a second copy; at most
one message per kill is in doubt", at each size (default 10,000), --runs times: it SIGKILLs the
worker half-way through the send (0-20 ms after the N/2-th delivery row, so anywhere in a
message's round), starts a new one, queues the issue at once (the new worker
must do nothing: the dead worker's lease is still fresh), then makes the lease stale (its
heartbeat STALE_AFTER older, as time would) and runs `send_due()` as the scheduler does each
minute. It prints how many readers got 0, 1 and 2 or more copies, the deliveries left
"sending" (in doubt) and whether their message arrived. Exits 1 if the claim fails.
"""

import argparse
import functools
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from common import PYTHON, ROOT, TASK_WORKER, free_port, start_redis, stop
from throughput import environment

DATABASE = "magazine_bench_newsletter"
WORK = Path(tempfile.gettempdir()) / "bench-newsletter"
PG = ["-h", "127.0.0.1", "-U", "magazine"]
WORKER = [*TASK_WORKER, "default"]  # without its scheduler: nothing here is delayed
SAMPLE_SECONDS = 0.1


def address(n: int) -> str:
    return f"reader{n:06d}@example.org"


# --- The sink and the floor (processes of their own) ---------------------------------------


def run_sink(port: int) -> None:
    """An SMTP server on 127.0.0.1:`port` that counts messages, bytes and each recipient's
    copies and keeps nothing else. Reads commands on stdin: `report PATH` writes what it
    counted since the last report to PATH as JSON, starts counting afresh and answers `ok`."""
    from aiosmtpd.controller import Controller

    class Sink:
        def __init__(self):
            self.lock = threading.Lock()
            self.messages, self.bytes, self.copies = 0, 0, Counter()

        async def handle_DATA(self, server, session, envelope):
            with self.lock:
                self.messages += 1
                self.bytes += len(envelope.content)
                self.copies.update(envelope.rcpt_tos)
            return "250 Message accepted"

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    for line in sys.stdin:
        command, _, path = line.strip().partition(" ")
        if command == "report":
            with sink.lock:
                counted = {"messages": sink.messages, "bytes": sink.bytes, "copies": sink.copies}
                sink.messages, sink.bytes, sink.copies = 0, 0, Counter()
            Path(path).write_text(json.dumps(counted))
            print("ok", flush=True)
    controller.stop()


def run_floor(spec_path: str) -> None:
    """The floor: `count` messages built with the standard library's MIME classes (which
    Django's wrap), the bodies encoded as Django encodes them, each with the rendered issue,
    its reader's own signed links and the project's headers, and sent through one smtplib
    connection. Waits for `go` on stdin, then prints the seconds it took as JSON."""
    import base64
    import hashlib
    import hmac
    import secrets
    import smtplib
    from email import charset
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText
    from email.policy import compat32
    from email.utils import formatdate, make_msgid

    smtp_lines = compat32.clone(linesep="\r\n")  # as Django flattens a message for SMTP
    spec = json.loads(Path(spec_path).read_text())
    root, secret = spec["root"], spec["secret"].encode()
    base = f"{root}/{spec['language']}/newsletters"
    encodings = {}
    for subtype in ("plain", "html"):
        # As Django: UTF-8 as 8bit, quoted-printable when a line is too long for SMTP.
        encodings[subtype] = charset.Charset("utf-8")
        long_lines = any(len(line.encode()) > 998 for line in spec[subtype].splitlines())
        encodings[subtype].body_encoding = charset.QP if long_lines else None
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.perf_counter()
    smtp = smtplib.SMTP("127.0.0.1", spec["port"])
    for n in range(spec["count"]):
        key = secrets.token_hex(16)
        signature = hmac.new(secret, key.encode(), hashlib.sha256).digest()
        token = f"{key}.{base64.urlsafe_b64encode(signature).decode().rstrip('=')}"
        unsubscribe = f"{base}/unsubscribe/{token}/{spec['newsletter']}/"
        manage = f"{base}/subscription/{token}/"
        message = MIMEMultipart("alternative")
        message["Subject"] = spec["subject"]
        message["From"] = spec["from"]
        message["To"] = address(n)
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(domain=spec["list_id"][1:-1])
        message["List-Unsubscribe"] = f"<{unsubscribe}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message["List-Id"] = spec["list_id"]
        for subtype, encoding in encodings.items():
            body = spec[subtype].replace(spec["unsubscribe"], unsubscribe)
            message.attach(MIMEText(body.replace(spec["manage"], manage), subtype, encoding))
        smtp.sendmail(spec["from"], [address(n)], message.as_bytes(policy=smtp_lines))
    smtp.quit()
    print(json.dumps({"seconds": time.perf_counter() - started}), flush=True)
    sys.stdin.readline()  # alive until its CPU time is read


# --- Measuring processes ---------------------------------------------------------------------


def rss_mb(pid: int) -> float:
    found = re.search(r"^VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text(), re.M)
    return int(found[1]) / 1024


def cpu_seconds(*pids: int) -> float:
    """CPU time used so far by these processes (and the children they reaped)."""
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += sum(int(v) for v in fields[11:15])
    return ticks / os.sysconf("SC_CLK_TCK")


def postgres_pids() -> list[int]:
    found = subprocess.run(["pgrep", "-x", "postgres"], capture_output=True, text=True)
    return [int(pid) for pid in found.stdout.split()]


class Sampler:
    """The resident set of `pid`, every SAMPLE_SECONDS in a thread, until stopped."""

    def __init__(self, pid: int):
        self.pid, self.samples = pid, []  # (monotonic time, MB)
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        while not self.done.is_set():
            try:
                self.samples.append((time.monotonic(), rss_mb(self.pid)))
            except (FileNotFoundError, ProcessLookupError, TypeError):
                return
            self.done.wait(SAMPLE_SECONDS)

    def stop(self) -> dict[str, float]:
        """RSS at 10%, 50% and 90% of the sampled time, and the peak."""
        self.done.set()
        self.thread.join()
        first, last = self.samples[0][0], self.samples[-1][0]

        def at(share: float) -> float:
            moment = first + share * (last - first)
            return min(self.samples, key=lambda s: abs(s[0] - moment))[1]

        return {
            "10%": at(0.1),
            "50%": at(0.5),
            "90%": at(0.9),
            "peak": max(mb for _, mb in self.samples),
        }


class SinkProcess:
    def __init__(self, port: int):
        self.port = port
        self.process = subprocess.Popen(
            [PYTHON, __file__, "--sink", str(port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=(WORK / "sink.log").open("w"),
            text=True,
        )
        if self.process.stdout.readline().strip() != "ready":
            raise SystemExit("The SMTP sink did not start:\n" + (WORK / "sink.log").read_text())

    def report(self) -> dict:
        """What the sink counted since the last report."""
        path = WORK / "sink.json"
        self.process.stdin.write(f"report {path}\n")
        self.process.stdin.flush()
        if self.process.stdout.readline().strip() != "ok":
            raise SystemExit("The SMTP sink stopped:\n" + (WORK / "sink.log").read_text())
        return json.loads(path.read_text())


# --- The magazine ----------------------------------------------------------------------------


def recreate_database() -> None:
    pg = {**os.environ, "PGPASSWORD": "magazine"}
    subprocess.run(["dropdb", "--if-exists", "--force", *PG, DATABASE], env=pg, check=True)
    subprocess.run(["createdb", *PG, DATABASE], env=pg, check=True)


def drop_database() -> None:
    pg = {**os.environ, "PGPASSWORD": "magazine"}
    subprocess.run(["dropdb", "--if-exists", "--force", *PG, DATABASE], env=pg, check=True)


def build_magazine() -> None:
    from io import StringIO

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("local_site_address", port=8000)
    call_command("load_demo", skip_renditions=True, stdout=StringIO())


def newsletters():
    """(the English daily, a weekly some readers take, a weekly nobody takes)."""
    from wagtail.models import Locale

    from newsletters import catalogue
    from newsletters.models import Newsletter

    catalogue.set_up()  # made on first need: load_demo has
    daily = catalogue.daily(Locale.objects.get(language_code="en"))
    weekly, empty = Newsletter.objects.filter(kind=Newsletter.WEEKLY, locale=daily.locale).order_by(
        "pk"
    )[:2]
    return daily, weekly, empty


@functools.cache
def demo_draft():
    """The draft issue of the English daily load_demo makes (an intro and the newest stories):
    the first issue of the daily, made before any of this script's."""
    from newsletters.models import Newsletter, NewsletterIssue

    draft = (
        NewsletterIssue.objects.filter(
            newsletter__kind=Newsletter.DAILY, newsletter__locale__language_code="en"
        )
        .order_by("pk")
        .first()
    )
    if draft is None:
        raise SystemExit("load_demo made no draft issue of the daily.")
    return draft


def new_issue(newsletter):
    """A copy of the demo's draft issue (subject, intro, articles) for `newsletter`."""
    from newsletters.models import NewsletterIssue

    draft = demo_draft()
    return NewsletterIssue.objects.create(
        newsletter=newsletter,
        subject=draft.subject,
        intro=draft.intro,
        articles=[("article", block.value) for block in draft.articles],
    )


def grow_audience(size: int, daily, weekly) -> None:
    """Readers of the daily up to `size` (a third of them also take the weekly), and beside
    them, for each ten new readers, one who takes only the weekly and every twentieth one who
    left the daily."""
    from django.db import connection
    from django.utils import timezone

    from newsletters.models import Subscriber, Subscription, new_key

    have = Subscriber.objects.filter(email__startswith="reader").count()
    now = timezone.now()
    chunk = 5000
    for start in range(have, size, chunk):
        numbers = range(start, min(size, start + chunk))
        readers, others, gone = [], [], []
        for n in numbers:
            readers.append(address(n))
            if n % 10 == 0:
                others.append(f"weekly{n:06d}@example.org")
            if n % 20 == 0:
                gone.append(f"gone{n:06d}@example.org")
        made = Subscriber.objects.bulk_create(
            Subscriber(email=email, key=new_key(), requested_at=now, confirmed_at=now)
            for email in readers + others + gone
        )
        ids = {subscriber.email: subscriber.pk for subscriber in made}
        subscriptions = []
        for n in numbers:
            pk = ids[address(n)]
            subscriptions.append(
                Subscription(subscriber_id=pk, newsletter=daily, subscribed_at=now)
            )
            if n % 3 == 0:
                subscriptions.append(
                    Subscription(subscriber_id=pk, newsletter=weekly, subscribed_at=now)
                )
        subscriptions += [
            Subscription(subscriber_id=ids[email], newsletter=weekly, subscribed_at=now)
            for email in others
        ]
        subscriptions += [
            Subscription(
                subscriber_id=ids[email], newsletter=daily, subscribed_at=now, unsubscribed_at=now
            )
            for email in gone
        ]
        Subscription.objects.bulk_create(subscriptions)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as autovacuum would after a bulk load


def past_issues(count: int, daily) -> list[int]:
    """Issues of the daily sent before (their deliveries: `add_history`)."""
    from newsletters.models import NewsletterIssue

    return [
        NewsletterIssue.objects.create(
            newsletter=daily, subject=f"Past issue {n}", status=NewsletterIssue.SENT
        ).pk
        for n in range(count)
    ]


def add_history(past: list[int], daily) -> int:
    """Each past issue delivered to every reader of the daily (those added since too), as the
    table holds them after months of sending: nothing deletes deliveries. Returns the rows."""
    from django.db import connection

    with connection.cursor() as cursor:
        for issue_id in past:
            cursor.execute(
                "INSERT INTO newsletters_delivery (issue_id, subscriber_id, status, attempted_at,"
                " error) SELECT %s, subscriber_id, 'sent', now(), '' FROM newsletters_subscription"
                " WHERE newsletter_id = %s AND unsubscribed_at IS NULL"
                " ON CONFLICT (issue_id, subscriber_id) DO NOTHING",
                [issue_id, daily.pk],
            )
        cursor.execute("VACUUM ANALYZE newsletters_delivery")
        cursor.execute("SELECT count(*) FROM newsletters_delivery")
        return cursor.fetchone()[0]


def commit_latency(count: int = 200) -> float:
    """Milliseconds to commit one small insert, on a table of its own in the bench's database:
    the wait for the WAL to reach the disk, which the machine's disk sets (it varies here)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_commit (id serial PRIMARY KEY)")
        started = time.perf_counter()
        for _ in range(count):
            cursor.execute("INSERT INTO bench_commit DEFAULT VALUES")  # autocommit: a commit
        elapsed = time.perf_counter() - started
        cursor.execute("TRUNCATE bench_commit")
    return elapsed / count * 1000


def forget_deliveries(past: list[int]) -> None:
    """Deletes the deliveries of earlier runs, keeping the past issues'."""
    from django.db import connection

    with connection.cursor() as cursor:
        if past:
            cursor.execute(
                "DELETE FROM newsletters_delivery WHERE NOT (issue_id = ANY(%s))", [past]
            )
            cursor.execute("VACUUM ANALYZE newsletters_delivery")
        else:
            cursor.execute("TRUNCATE newsletters_delivery")


# --- The worker --------------------------------------------------------------------------------


def start_worker(env: dict) -> subprocess.Popen:
    """The task worker as production runs it, once it is registered with Redis."""
    import django_rq
    from rq import Worker

    worker = subprocess.Popen(
        WORKER,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(WORK / "worker.log").open("a"),
    )
    connection = django_rq.get_connection("default")
    deadline = time.monotonic() + 60
    while not any(w.pid == worker.pid for w in Worker.all(connection=connection)):
        if worker.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("The worker did not start:\n" + tail("worker.log"))
        time.sleep(0.2)
    return worker


def drain(worker: subprocess.Popen, limit: float = 600) -> None:
    """Waits until the worker has run every job queued so far."""
    import django_rq

    queue = django_rq.get_queue("default")
    deadline = time.monotonic() + limit
    # (A job of a worker that was killed stays in the started registry: --kill drains none.)
    while queue.count or queue.started_job_registry.count:
        if worker.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("The worker did not run the queued jobs:\n" + tail("worker.log"))
        time.sleep(0.2)


def finished(result, worker: subprocess.Popen, limit: float = 120) -> None:
    """Waits until the worker has run this task (queued with `enqueue`)."""
    deadline = time.monotonic() + limit
    while not result.is_finished:
        if worker.poll() is not None or time.monotonic() > deadline:
            raise SystemExit("The worker did not run the task:\n" + tail("worker.log"))
        time.sleep(0.1)
        result.refresh()


def tail(name: str, lines: int = 40) -> str:
    return "\n".join((WORK / name).read_text().splitlines()[-lines:])


def wait_until_sent(issue, worker: subprocess.Popen, limit: float) -> None:
    from newsletters.models import NewsletterIssue

    deadline = time.monotonic() + limit
    while True:
        status = NewsletterIssue.objects.filter(pk=issue.pk).values_list("status", flat=True)[0]
        if status == NewsletterIssue.SENT:
            return
        if worker.poll() is not None:
            raise SystemExit("The worker stopped:\n" + tail("worker.log"))
        if time.monotonic() > deadline:
            raise SystemExit(f"Issue {issue.pk} not sent after {limit:.0f} s ({status}).")
        time.sleep(SAMPLE_SECONDS)


def warm(worker: subprocess.Popen, empty_newsletter) -> None:
    """An issue of a newsletter nobody takes: the worker imports and renders once."""
    from newsletters import sending

    issue = new_issue(empty_newsletter)
    sending.start(issue)
    wait_until_sent(issue, worker, 120)


# --- Runs --------------------------------------------------------------------------------------


def check_copies(counted: dict, audience: set[str]) -> tuple[Counter, int]:
    """(readers of the audience by copies received, messages to anyone outside it)."""
    copies = counted["copies"]
    by_copies = Counter(copies.get(email, 0) for email in audience)
    outside = sum(n for email, n in copies.items() if email not in audience)
    return by_copies, outside


def audience_emails(issue) -> set[str]:
    from newsletters.sending import audience

    return set(audience(issue).values_list("email", flat=True))


def floor_run(size: int, sink: SinkProcess, spec: dict) -> dict:
    path = WORK / "floor.json"
    path.write_text(json.dumps({**spec, "count": size}))
    floor = subprocess.Popen(
        [PYTHON, __file__, "--floor", str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    if floor.stdout.readline().strip() != "ready":
        raise SystemExit("The floor's sender did not start.")
    pids, sampler = postgres_pids(), Sampler(floor.pid)
    cpu = cpu_seconds(floor.pid), cpu_seconds(*pids), cpu_seconds(sink.process.pid)
    floor.stdin.write("go\n")
    floor.stdin.flush()
    line = floor.stdout.readline()
    cpu_after = cpu_seconds(floor.pid), cpu_seconds(*pids), cpu_seconds(sink.process.pid)
    memory = sampler.stop()
    floor.communicate("bye\n")
    if floor.returncode or not line:
        raise SystemExit("The floor's sender failed.")
    seconds = json.loads(line)["seconds"]
    counted = sink.report()
    by_copies, outside = check_copies(counted, {address(n) for n in range(size)})
    return {
        "seconds": seconds,
        "memory": memory,
        "cpu": [after - before for after, before in zip(cpu_after, cpu, strict=True)],
        "bytes": counted["bytes"] / max(1, counted["messages"]),
        "ok": by_copies == Counter({1: size}) and not outside,
        "copies": by_copies,
    }


def project_run(
    size: int, sink: SinkProcess, worker: subprocess.Popen, daily, past: list[int]
) -> dict:
    from newsletters import sending

    forget_deliveries(past)
    commit = commit_latency()
    issue = new_issue(daily)
    audience = audience_emails(issue)
    pids = postgres_pids()
    idle = rss_mb(worker.pid)
    sampler = Sampler(worker.pid)
    cpu = cpu_seconds(worker.pid), cpu_seconds(*pids), cpu_seconds(sink.process.pid)
    sending.start(issue)
    wait_until_sent(issue, worker, max(1800, size / 20))
    cpu_after = cpu_seconds(worker.pid), cpu_seconds(*pids), cpu_seconds(sink.process.pid)
    memory = sampler.stop()
    issue.refresh_from_db()
    counted = sink.report()
    by_copies, outside = check_copies(counted, audience)
    return {
        "seconds": (issue.finished_at - issue.started_at).total_seconds(),
        "commit": commit,
        "memory": {"idle": idle, **memory},
        "cpu": [after - before for after, before in zip(cpu_after, cpu, strict=True)],
        "bytes": counted["bytes"] / max(1, counted["messages"]),
        "ok": by_copies == Counter({1: size}) and not outside and len(audience) == size,
        "copies": by_copies,
    }


def floor_spec(issue, sink: SinkProcess) -> dict:
    """What the floor's sender needs: the issue rendered once, as the worker renders it."""
    from django.conf import settings
    from django.utils.translation import override

    from newsletters import email, messages

    rendered, root = email.render_issue(issue), email.site_root()
    with override(issue.newsletter.locale.language_code):
        articles = email.issue_articles(issue.article_ids())
    print(
        f"The issue: {len(articles)} articles"
        f" ({sum(1 for a in articles if a.hero_image_id)} with a hero picture),"
        f" HTML {len(rendered.html) / 1024:.1f} KB, text {len(rendered.text) / 1024:.1f} KB",
        flush=True,
    )
    return {
        "port": sink.port,
        "root": root,
        "secret": settings.SECRET_KEY,
        "language": issue.newsletter.locale.language_code,
        "newsletter": issue.newsletter.pk,
        "subject": rendered.subject,
        "from": settings.NEWSLETTER_FROM_EMAIL,
        "list_id": messages.list_id(issue.newsletter, root),
        "html": rendered.html,
        "plain": rendered.text,
        "unsubscribe": email.UNSUBSCRIBE,
        "manage": email.MANAGE,
    }


def describe(name: str, size: int, result: dict) -> str:
    memory = result["memory"]
    idle = f"idle {memory['idle']:.0f}, " if "idle" in memory else ""
    own, postgres, sink = result["cpu"]
    return (
        f"  {name:<8} {result['seconds']:8.1f} s {size / result['seconds']:7.0f} msg/s"
        f" | RSS MB {idle}10% {memory['10%']:.0f}, 50% {memory['50%']:.0f},"
        f" 90% {memory['90%']:.0f}, peak {memory['peak']:.0f}"
        f" | CPU s: sender {own:.1f}, PostgreSQL {postgres:.1f}, sink {sink:.1f}"
        f" | {result['bytes'] / 1024:.1f} KB/msg"
        + (f" | a commit {result['commit']:.2f} ms" if "commit" in result else "")
        + ("" if result["ok"] else f" | COPIES WRONG: {dict(result['copies'])}")
    )


def noise(values: list[float], unit: str, digits: int = 1, relative: bool = True) -> str:
    runs = ", ".join(f"{v:.{digits}f}" for v in values)
    if len(values) < 2 or not relative:
        return f"{runs} {unit}"
    spread = max(values) - min(values)
    return (
        f"{runs} {unit} (difference {spread:.{digits}f},"
        f" {100 * spread / statistics.mean(values):.0f}% of the mean)"
    )


def timings(options, sink: SinkProcess, env: dict) -> bool:
    daily, weekly, empty = newsletters()
    sample = new_issue(daily)
    spec = floor_spec(sample, sink)  # also makes the heroes' crops, as publishing does
    worker = start_worker(env)
    passed = True
    try:
        drain(worker)  # what the demo's build queued
        warm(worker, empty)
        sink.report()
        past = past_issues(options.history, daily)
        for size in options.sizes:
            prepare(size, daily, weekly, past)
            drain(worker)  # the reference index of the issues just made
            results = {"floor": [], "project": []}
            for run in range(1, options.runs + 1):
                print(f" run {run}", flush=True)
                results["floor"].append(floor_run(size, sink, spec))
                print(describe("floor", size, results["floor"][-1]), flush=True)
                results["project"].append(project_run(size, sink, worker, daily, past))
                print(describe("project", size, results["project"][-1]), flush=True)
            passed &= all(r["ok"] for rs in results.values() for r in rs)
            summarize(size, results)
    finally:
        stop(worker)
    return passed


def prepare(size: int, daily, weekly, past: list[int]) -> None:
    """The audience grown to `size`, and the past issues delivered to it."""
    started = time.monotonic()
    grow_audience(size, daily, weekly)
    rows = add_history(past, daily) if past else 0
    history = f"; {len(past)} past issues, {rows:,} deliveries" if past else ""
    print(
        f"\n{size:,} subscribers (made in {time.monotonic() - started:.0f} s{history})",
        flush=True,
    )


def summarize(size: int, results: dict) -> None:
    floor = [r["seconds"] for r in results["floor"]]
    project = [r["seconds"] for r in results["project"]]
    ratios = [p / f for p, f in zip(project, floor, strict=True)]
    peaks = [r["memory"]["peak"] for r in results["project"]]
    growth = [r["memory"]["90%"] - r["memory"]["10%"] for r in results["project"]]
    rate = statistics.mean(size / s for s in project)
    print(f" {size:,}: summary over {len(project)} run(s)")
    print(f"  floor:    {noise(floor, 's', 2)}")
    print(f"  project:  {noise(project, 's', 2)}")
    print(f"  x floor:  {noise(ratios, 'x', 2)}")
    print(f"  msg/s:    {noise([size / s for s in project], 'msg/s', 0)}")
    print(
        "  per message, ms: project "
        + ", ".join(f"{s / size * 1000:.2f}" for s in project)
        + "; floor "
        + ", ".join(f"{s / size * 1000:.2f}" for s in floor)
        + "; a commit (the row of each delivery) "
        + ", ".join(f"{r['commit']:.2f}" for r in results["project"])
    )
    growth_text = noise(growth, "MB", 1, relative=False)
    print(f"  worker RSS peak {noise(peaks, 'MB', 0)}; from 10% to 90% of the send: {growth_text}")
    copies = "each reader exactly one" if all(r["ok"] for r in results["project"]) else "WRONG"
    print(
        f"  100,000 at this rate: {100_000 / rate / 60:.1f} min (target under 10 min);"
        f" copies: {copies}",
        flush=True,
    )


# --- --kill ------------------------------------------------------------------------------------


def kill_run(size: int, sink: SinkProcess, env: dict, daily, past: list[int]) -> bool:
    from datetime import timedelta

    from django.db.models import Count, F

    from newsletters import sending
    from newsletters.models import Delivery, NewsletterIssue

    forget_deliveries(past)
    issue = new_issue(daily)
    audience = audience_emails(issue)
    worker = start_worker(env)
    restarted = None
    try:
        started = time.monotonic()
        sending.start(issue)
        deliveries = Delivery.objects.filter(issue=issue)
        while deliveries.count() < size // 2:
            if worker.poll() is not None:
                raise SystemExit("The worker stopped:\n" + tail("worker.log"))
            time.sleep(0.01)
        # Anywhere in a message's round (its row, the SMTP exchange, the row's update).
        time.sleep(random.uniform(0, 0.02))
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
        at_kill = dict(deliveries.values_list("status").annotate(n=Count("pk")))
        print(f"  killed the worker at {sum(at_kill.values()):,} deliveries: {at_kill}")

        # A new worker while the dead one's lease is fresh: it must send nothing.
        restarted = start_worker(env)
        finished(sending.send_issue.enqueue(issue.pk), restarted)
        before = sum(at_kill.values())
        early = deliveries.count() - before
        print(f"  issue queued again at once: {early} more deliveries (expected 0)")

        # As time would: the lease is stale, and the scheduler's send_due() queues the issue.
        older = sending.STALE_AFTER + timedelta(seconds=1)
        NewsletterIssue.objects.filter(pk=issue.pk).update(
            heartbeat_at=F("heartbeat_at") - older, started_at=F("started_at") - older
        )
        queued = sending.send_due()
        wait_until_sent(issue, restarted, max(1800, size / 20))
        wall = time.monotonic() - started
    finally:
        stop(restarted)
        if worker.poll() is None:
            stop(worker)
    counted = sink.report()
    by_copies, outside = check_copies(counted, audience)
    in_doubt = set(
        deliveries.filter(status=Delivery.SENDING).values_list("subscriber__email", flat=True)
    )
    arrived = sum(1 for email in in_doubt if counted["copies"].get(email))
    missing = {email for email in audience if not counted["copies"].get(email)}
    statuses = dict(deliveries.values_list("status").annotate(n=Count("pk")))
    print(f"  send_due() queued {queued}; sent in {wall:.1f} s overall; deliveries {statuses}")
    print(
        f"  readers by copies received: 0: {by_copies[0]:,}, 1: {by_copies[1]:,},"
        f" 2 or more: {sum(n for copies, n in by_copies.items() if copies > 1):,};"
        f" messages to anyone outside the audience: {outside}"
    )
    print(
        f"  in doubt (left 'sending'): {len(in_doubt)}, of which arrived: {arrived};"
        f" readers with no copy and no delivery in doubt: {len(missing - in_doubt)}"
    )
    passed = (
        not outside
        and early == 0
        and issue.pk in queued
        and all(copies <= 1 for copies in by_copies)
        and len(in_doubt) <= 1
        and missing <= in_doubt
    )
    print(
        "  claim "
        + ("holds" if passed else "FAILS")
        + ": no one got a second copy, at most one message per kill in doubt",
        flush=True,
    )
    return passed


def kills(options, sink: SinkProcess, env: dict) -> bool:
    daily, weekly, empty = newsletters()
    floor_spec(new_issue(daily), sink)  # the heroes' crops, as publishing makes them
    worker = start_worker(env)
    try:
        drain(worker)
        warm(worker, empty)
    finally:
        stop(worker)
    sink.report()
    passed = True
    past = past_issues(options.history, daily)
    for size in options.sizes:
        prepare(size, daily, weekly, past)
        for run in range(1, options.runs + 1):
            print(f" kill {run}", flush=True)
            passed &= kill_run(size, sink, env, daily, past)
    return passed


# --- Main ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes", help="subscribers, comma-separated (default 10000,100000; --kill: 10000)"
    )
    parser.add_argument("--runs", type=int, default=2, help="measurements of each size")
    parser.add_argument("--kill", action="store_true", help="kill the worker half-way instead")
    parser.add_argument(
        "--history",
        type=int,
        default=0,
        help="past issues of the daily already delivered to every reader (default 0)",
    )
    parser.add_argument("--sink", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--floor", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.sink:
        return run_sink(options.sink)
    if options.floor:
        return run_floor(options.floor)
    sizes = options.sizes or ("10000" if options.kill else "10000,100000")
    options.sizes = sorted(int(size.replace("_", "")) for size in sizes.split(","))

    WORK.mkdir(exist_ok=True)
    (WORK / "worker.log").write_text("")
    redis_port = free_port()
    sink = SinkProcess(free_port())
    env = {
        **environment(WORK, 8000, redis_port),
        "DATABASE_URL": f"postgres://magazine:magazine@127.0.0.1:5432/{DATABASE}",
        "EMAIL_URL": f"smtp://127.0.0.1:{sink.port}",
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    redis = start_redis(redis_port)
    passed = False
    try:
        recreate_database()
        import django

        django.setup()
        from django.conf import settings

        started = time.monotonic()
        build_magazine()
        print(
            f"Demo magazine built in {DATABASE} in {time.monotonic() - started:.0f} s;"
            f" NEWSLETTER_BATCH {settings.NEWSLETTER_BATCH}, {os.cpu_count()} CPUs",
            flush=True,
        )
        passed = (kills if options.kill else timings)(options, sink, env)
    finally:
        if "django.db" in sys.modules:
            sys.modules["django.db"].connections.close_all()
        stop(redis, sink.process)
        drop_database()
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
