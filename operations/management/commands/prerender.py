"""Make the picture crops of every live page now, rather than through the background worker
(`load_demo` runs this, so that the demo magazine is whole from its first request)."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page, Site

from news.renditions import prepare


class Command(BaseCommand):
    help = "Make the image crops of every live page of the default site."

    def handle(self, *args, **options):
        site = Site.objects.get(is_default_site=True)
        pages = Page.objects.live().descendant_of(site.root_page, inclusive=True).specific()
        failures = []
        for page in pages:
            try:
                prepare(page)
            except Exception as error:  # reported together below; one page stops no other
                failures.append(f"{page.url_path}: {error!r}")
        if failures:
            raise CommandError("Pages failed to render: " + ", ".join(failures))
        self.stdout.write(f"Rendered {len(pages)} pages; their image renditions are ready.")
