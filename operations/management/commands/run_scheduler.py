"""Publish and unpublish scheduled pages every minute, for as long as it runs (`make run`), and
queue the lookups of embeds that failed and are due again, and start the newsletter issues
that are due (or resume those a dead worker left).

In production use cron or a systemd timer to run `manage.py publish_scheduled` each minute
instead (docs/operations.md); this loop is for a local site.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run publish_scheduled every --every seconds until stopped."

    def add_arguments(self, parser):
        parser.add_argument("--every", type=int, default=60, help="seconds between runs")

    def handle(self, *args, every: int, **options):
        try:
            while True:
                call_command("publish_scheduled", verbosity=0)
                call_command("resolve_embeds", verbosity=0)  # failed lookups, when due
                call_command("send_due_newsletters", verbosity=0)  # scheduled or interrupted
                time.sleep(every)
        except KeyboardInterrupt:
            pass
