"""Render every live page once, so that image renditions exist before the first reader asks."""

from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from wagtail.models import Page, Site


class Command(BaseCommand):
    help = "Render every live page of the default site once, creating its image renditions."

    def handle(self, *args, **options):
        site = Site.objects.get(is_default_site=True)
        pages = Page.objects.live().descendant_of(site.root_page, inclusive=True).specific()
        client = Client(HTTP_HOST=site.hostname)
        failures = []
        for page in pages:
            response = client.get(page.get_url())
            if response.status_code != 200:
                failures.append(f"{page.url_path}: {response.status_code}")
        if failures:
            raise CommandError("Pages failed to render: " + ", ".join(failures))
        self.stdout.write(f"Rendered {len(pages)} pages; their image renditions are ready.")
