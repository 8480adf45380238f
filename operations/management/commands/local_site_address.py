"""Point the default site at the local server, so that full URLs (canonical links, feeds,
sitemaps, social images) work on the machine `make run` serves from."""

from django.core.management.base import BaseCommand
from wagtail.models import Site

LOCAL_HOSTS = {"localhost", "127.0.0.1"}


class Command(BaseCommand):
    help = "Set the default site to 127.0.0.1:PORT, unless it already has a real host name."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, port: int, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or site.hostname not in LOCAL_HOSTS:
            return
        if (site.hostname, site.port) != ("127.0.0.1", port):
            site.hostname, site.port = "127.0.0.1", port
            site.save()
            self.stdout.write(f"The site's address is now {site.root_url}")
