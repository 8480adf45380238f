"""Start the newsletter issues scheduled for now, take up those whose worker died, and forget
sign-ups nobody confirmed in time. `make run`'s scheduler runs it every minute; in production
run it from cron or a systemd timer each minute (docs/newsletters.md)."""

from django.core.management.base import BaseCommand

from newsletters import sending


class Command(BaseCommand):
    help = "Start scheduled newsletter issues, resume interrupted ones, drop stale sign-ups."

    def handle(self, *args, **options):
        queued = sending.send_due()
        forgotten = sending.forget_unconfirmed()
        if options["verbosity"] > 1 or queued:
            self.stdout.write(
                f"Queued issues: {queued or 'none'}; stale sign-ups deleted: {forgotten}"
            )
