"""What bench/load.py measured, summed up: CPU clock ticks from /proc (the machine's and each
party's), and the report printed at the end (requests, errors, latency, the editor's changes and
checks, stale answers, CPU shares, gunicorn's log)."""

import os
import re
import statistics
import subprocess
from collections import Counter, defaultdict
from pathlib import Path

from common import percentile


def cpu_ticks() -> tuple[int, int, int, int]:
    """Clock ticks of the whole machine since boot: processes' (user and system), interrupts',
    stolen by the hypervisor, and idle."""
    user, nice, system, idle, iowait, irq, softirq, steal = (
        int(v) for v in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]
    )
    return user + nice + system, irq + softirq, steal, idle + iowait


def process_ticks(
    gunicorn: subprocess.Popen, redis: subprocess.Popen, worker: subprocess.Popen
) -> dict[str, int]:
    """CPU clock ticks used so far by gunicorn (its workers, those replaced included), the
    PostgreSQL cluster (every database's, the others' too), this run's Redis and the task
    worker (with the children it forked for jobs and its scheduler)."""
    groups = {"redis": {redis.pid}}
    for name, parent in (("gunicorn", gunicorn), ("worker", worker)):
        found = subprocess.run(["pgrep", "-P", str(parent.pid)], capture_output=True, text=True)
        groups[name] = {parent.pid, *map(int, found.stdout.split())}
    found = subprocess.run(["pgrep", "-x", "postgres"], capture_output=True, text=True)
    groups["postgres"] = set(map(int, found.stdout.split()))
    ticks = {}
    for name, pids in groups.items():
        ticks[name] = 0
        for pid in pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            # utime and stime, with cutime and cstime: the children a parent has reaped
            # (gunicorn's replaced workers, PostgreSQL's ended backends).
            ticks[name] += sum(int(v) for v in fields[11:15])
    return ticks


def report(options, result: dict, log: Path) -> bool:
    readers, changes, checks = result["readers"], result["changes"], result["checks"]
    records, wall = readers.records, result["wall"]
    # When each touched article began to be unpublished, and each URL's changes in order.
    timeline = defaultdict(list)
    for change in sorted(changes.values(), key=lambda c: c["started"]):
        timeline[change["url"]].append(change)
    unpublished = {
        url: min(c["started"] for c in cs if c["kind"] == "unpublish")
        for url, cs in timeline.items()
        if any(c["kind"] == "unpublish" for c in cs)
    }
    statuses, errors, expected = Counter(), Counter(), Counter()
    error_paths = Counter()
    for kind, path, status, _, ended, _, _ in records:
        statuses[status] += 1
        if isinstance(status, int) and status < 400:
            continue
        if status == 404 and kind == "missing":
            expected["addresses that do not exist"] += 1
        elif status == 404 and path in unpublished and ended >= unpublished[path]:
            expected["articles the editor had begun to unpublish"] += 1
        else:
            errors[status] += 1
            error_paths[f"{status} {path}"] += 1

    # Every reader's answer for a touched article, sent after a change to it had returned and
    # answered before the next change to it began, must show that change.
    after, stale = 0, []
    for _, path, status, started, ended, _, headline in records:
        for i, change in enumerate(timeline.get(path, ())):
            following = timeline[path][i + 1]["started"] if i + 1 < len(timeline[path]) else 1e18
            if not (change["returned"] <= started and ended <= following):
                continue
            after += 1
            if change["kind"] == "unpublish":
                if status != 404:
                    stale.append(f"{path} answered {status} after it was unpublished")
            elif status != 200 or headline != change["title"]:
                stale.append(f"{path} answered {status} {headline!r}, not {change['title']!r}")

    # Was a copy from before each change in the page cache, for a stale answer to come from?
    cached_before, could_be = Counter(), Counter()
    for change in changes.values():
        for name, cached in change["cached"].items():
            could_be[name] += 1
            cached_before[name] += cached

    latencies = [(e - s) * 1000 for _, _, _, s, e, _, _ in records]
    ok = [r for r in records if r[2] == 200]
    hits = sum(1 for r in ok if r[5] == "hit")
    error_count = sum(errors.values())
    print(
        f"\nLoad with an editor at work: {options.seconds:g} s (the last answers came"
        f" {wall - options.seconds:.1f} s later), {options.readers} readers, one change every"
        f" {options.interval:g} s, gunicorn with 2 workers (production settings)\n"
    )
    print(f"Requests served       {len(records):,} ({len(records) / wall:,.1f} requests/s)")
    print(
        "Statuses              "
        + ", ".join(f"{s}: {n:,}" for s, n in sorted(statuses.items(), key=lambda i: str(i[0])))
    )
    print(
        f"Expected 404s         {sum(expected.values()):,}"
        + "".join(f"\n  {what:<40}{n:>7,}" for what, n in expected.items())
    )
    print(
        f"Errors                {error_count}  (non-2xx/3xx apart from expected 404s, timeouts,"
        " broken connections; target 0)"
    )
    for what, n in error_paths.most_common(12):
        print(f"  {n:>7,} x {what}")
    if len(error_paths) > 12:
        print(f"  ... and {len(error_paths) - 12} more addresses")
    print(
        f"Latency ms            p50 {percentile(latencies, 0.5):.0f}, p95"
        f" {percentile(latencies, 0.95):.0f}, p99 {percentile(latencies, 0.99):.0f}, max"
        f" {max(latencies, default=0):.0f}"
    )
    print(
        f"From a cache          {hits / max(1, len(ok)):.0%} of the 200s"
        " (X-Cache or X-Edge-Cache: hit)\n"
    )
    print(f"{'kind':<10}{'requests':>10}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'cached':>8}")
    for kind in readers.kinds:  # the mix's kinds, in its order
        mine = [r for r in records if r[0] == kind]
        times = [(r[4] - r[3]) * 1000 for r in mine]
        good = [r for r in mine if r[2] == 200]
        cached = sum(1 for r in good if r[5] == "hit") / len(good) if good else 0
        print(
            f"{kind:<10}{len(mine):>10,}{percentile(times, 0.5):>9.0f}"
            f"{percentile(times, 0.95):>9.0f}{percentile(times, 0.99):>9.0f}{cached:>8.0%}"
        )

    starts = [c["started"] for c in changes.values()] or [0.0]
    print(f"\nEditor: {len(changes)} changes in {max(starts) - min(starts):.1f} s")
    for kind in ("publish", "update", "unpublish"):
        took = [
            (c["returned"] - c["started"]) * 1000 for c in changes.values() if c["kind"] == kind
        ]
        if took:
            print(
                f"  {kind:<10}{len(took):>4}   the call took p50 {statistics.median(took):.0f} ms,"
                f" max {max(took):.0f} ms"
            )
    for kind, n in result["skipped"].items():
        print(f"  {kind:<10}{n:>4}   skipped: every article it could take awaited its check")
    late = [c["late"] * 1000 for c in changes.values()]
    if late:
        print(
            f"  the editor's own delay: changes began p50 {statistics.median(late):.0f} ms, max"
            f" {max(late):.0f} ms after their time"
        )
    failures = {n: c for n, c in checks.items() if c["problems"]}
    unchecked = sorted(set(changes) - set(checks))
    check_ms = [seen["ms"] for c in checks.values() for seen in c["seen"].values()]
    visible = len(checks) - len(failures)
    print(
        f"Visible within one request: {visible} of {len(changes)}  (the editor's one request for"
        " the article, its section and the home page straight after each change; they took p50"
        f" {percentile(check_ms, 0.5):.0f} ms, max {max(check_ms, default=0):.0f} ms)"
    )
    for n, check in sorted(failures.items()):
        change = changes[n]
        seen = ", ".join(
            f"{name} {s['status']} {s['cache'] or '-'} {s['ms']:.0f} ms"
            for name, s in check["seen"].items()
        )
        print(
            f"  FAILED #{n} {change['kind']} {change['url']} {change['title']!r}:"
            f" {'; '.join(check['problems'])} ({seen})"
        )
    for n in unchecked:
        print(f"  NOT CHECKED #{n} {changes[n]['kind']} {changes[n]['url']}")
    print(
        f"Readers after a change: {after:,} requests for a changed article, {len(stale)} stale"
        "  (sent after the change returned, answered before the next one to it began)"
    )
    for line in stale[:20]:
        print(f"  STALE {line}")
    print(
        "Old page in the cache when changed: "
        + ", ".join(f"{name} {cached_before[name]} of {n}" for name, n in could_be.items())
        + "  (looked up in Redis just before each change)"
    )

    cpu = result["cpu"]
    cores = os.cpu_count()
    others = {name: cpu.pop(name) for name in ("interrupts", "stolen by the hypervisor", "idle")}
    busy = cpu.pop("busy")
    cpu["other processes"] = max(0.0, busy - sum(cpu.values()))
    cpu.update(others)
    print(
        f"\nCPU over the run ({cores} cores = {cores * 100}%): "
        + ", ".join(f"{name} {share:.0%}" for name, share in cpu.items())
    )
    print(
        f"Event loop lag ms     p50 {percentile(readers.lags, 0.5):.1f}, p99"
        f" {percentile(readers.lags, 0.99):.1f}, max {max(readers.lags, default=0):.1f}"
    )
    print_log(log)
    return not (error_count or failures or unchecked or stale)


def print_log(log: Path) -> None:
    """gunicorn's complaints and Django's request errors, each kind once with its count."""
    routine = (
        "Starting gunicorn",
        "Listening at",
        "Using worker",
        "Booting worker",
        "Control",
        "Warmed up",
    )
    entries: list[list[str]] = []
    for line in log.read_text().splitlines():
        if re.match(r"\[\d{4}-", line) or not entries:
            entries.append([line])
        else:
            entries[-1].append(line)
    kinds: dict[str, list] = {}
    restarts = 0
    for entry in entries:
        if any(word in entry[0] for word in routine) or "Worker exiting" in entry[0]:
            continue
        if "Autorestarting worker" in entry[0]:
            restarts += 1
            continue
        # Alike when they end alike: the exception, or gunicorn's message without its stamp.
        key = entry[-1] if len(entry) > 1 else re.sub(r"^(\[[^]]*\] )+", "", entry[0])
        kinds.setdefault(key, []).append(entry)
    print(
        f"gunicorn: {restarts} workers replaced (max_requests); {len(kinds)} kinds of complaint"
        " or request error in its log"
    )
    for found in kinds.values():
        first = found[0]
        paths = Counter(m[1] for e in found if (m := re.search(r"Error: (\S+)", e[0])))
        where = ", ".join(f"{p} ({n})" for p, n in paths.most_common(4))
        print(f"  {len(found):,} x{f' on {where}' if where else ''}:")
        for line in first[:80]:
            print(f"  | {line}")
