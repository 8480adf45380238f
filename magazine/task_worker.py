"""The task worker `make prod` runs: RQ's SimpleWorker, which runs each job in its own process.

RQ's default worker forks a child for every job. Each change an editor makes queues several
jobs (reference index, search index, crops, related coverage, purges), and on two cores the
forks alone took about a quarter of a core under bench/load.py; running the jobs in the worker
itself halved the readers' latency (bench/README.md). A job then shares the worker's database
connection, so the connection is looked at before and after each job the way Django does around
each request: closed when broken or older than CONN_MAX_AGE.
"""

from django.db import close_old_connections
from rq.worker import SimpleWorker


class DjangoSimpleWorker(SimpleWorker):
    def perform_job(self, job, queue, *args, **kwargs):
        close_old_connections()
        try:
            return super().perform_job(job, queue, *args, **kwargs)
        finally:
            close_old_connections()
