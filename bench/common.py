"""What the benchmark scripts share: a free port, manage.py in a given environment, a Redis
server of their own, and the percentiles of what they measured."""

import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def percentile(values: list[float], share: float) -> float:
    """The value `share` (0 to 1) of the way through `values` sorted: the nearest rank, not
    interpolated (round() on the index, so a tie goes to the even one); 0.0 when there are none."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def start_redis(port: int) -> subprocess.Popen:
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    return redis


def wait_for(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            if server.poll() is not None:
                raise SystemExit(f"The server stopped (exit {server.returncode}).") from None
            time.sleep(0.2)
    server.kill()
    raise SystemExit(f"The server did not answer {url}.")


def start_gunicorn(env: dict, port: int, *flags: str) -> subprocess.Popen:
    """gunicorn with the project's config (and `flags`) on 127.0.0.1:`port`, once it answers."""
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "-c", "python:magazine.gunicorn"]
        + ["--bind", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", *flags],
        cwd=ROOT,
        env=env,
    )
    wait_for(f"http://127.0.0.1:{port}/robots.txt", server)
    return server


# The task worker as `make prod` runs it (jobs in the worker's own process).
TASK_WORKER = [PYTHON, "manage.py", "rqworker", "--job-class", "django_tasks_rq.Job"] + [
    "--worker-class",
    "magazine.task_worker.DjangoSimpleWorker",
]


def start_task_worker(env: dict, log: Path) -> subprocess.Popen:
    """The task worker with its scheduler, as `make prod` runs it, its complaints in `log`."""
    return subprocess.Popen(
        [*TASK_WORKER, "--with-scheduler", "default"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )


def stop(*processes: subprocess.Popen | None) -> None:
    """Ends each process that was started (None: not started yet) and waits for it."""
    for process in processes:
        if process is not None:
            process.terminate()
            process.wait()


def start_varnish(port: int, backend_port: int, work: Path) -> subprocess.Popen:
    """Varnish with the project's VCL (as `make prod` runs it) on 127.0.0.1:`port`, in front of
    the server on `backend_port`, once it answers."""
    vcl = (ROOT / "magazine" / "varnish" / "magazine.vcl").read_text()
    vcl = vcl.replace("BACKEND_HOST", "127.0.0.1").replace("BACKEND_PORT", str(backend_port))
    (work / "varnish.vcl").write_text(vcl)
    server = subprocess.Popen(
        ["varnishd", "-F", "-j", "none", "-a", f"127.0.0.1:{port}"]
        + ["-f", str(work / "varnish.vcl"), "-s", "malloc,256m", "-p", "http_gzip_support=off"]
        + ["-n", str(work / "varnish")],
        stdout=subprocess.DEVNULL,
    )
    wait_for(f"http://127.0.0.1:{port}/robots.txt", server)
    return server
