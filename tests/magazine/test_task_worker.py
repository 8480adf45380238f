"""The task worker `make prod` runs: jobs in the worker's own process, with the database
connection looked at around each one as Django does around a request."""

import os

import pytest

pytestmark = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL")

ran_in: list[int] = []


def note_process() -> None:
    ran_in.append(os.getpid())


def test_jobs_run_in_the_worker_with_connections_checked_around_each(monkeypatch):
    import redis
    from rq import Queue

    from magazine import task_worker

    checks: list[str] = []
    monkeypatch.setattr(task_worker, "close_old_connections", lambda: checks.append("checked"))
    server = redis.Redis.from_url(os.environ["REDIS_URL"])
    queue = Queue(f"test-worker-{os.getpid()}", connection=server)
    try:
        queue.enqueue(note_process)
        queue.enqueue(note_process)
        task_worker.DjangoSimpleWorker([queue], connection=server).work(burst=True)
    finally:
        queue.delete(delete_jobs=True)
    assert ran_in == [os.getpid()] * 2  # no child forked per job
    assert checks == ["checked"] * 4  # before and after each of the two jobs
