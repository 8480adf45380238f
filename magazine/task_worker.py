"""The task worker `make prod` runs: RQ's SimpleWorker, which runs each job in the worker's
own process instead of a child forked for it.

Each change an editor makes queues several jobs (reference index, search index, crops, related
coverage, purges). Under bench/load.py on two cores the forking worker took 48% of the machine
and this one 17%, and readers' p99 halved (bench/README.md). A job then shares the worker's
database connection, so the connection is looked at before and after each job the way Django
does around each request: closed when broken or older than CONN_MAX_AGE.
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
