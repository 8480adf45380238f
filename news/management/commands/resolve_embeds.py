"""Look up embeds in the background again: those whose lookup failed and is due (run each
minute by the scheduler), or with --all every embed of every live article (after a restore)."""

from django.core.management.base import BaseCommand

from news import embeds
from news.models import ArticlePage


class Command(BaseCommand):
    help = "Queue the lookup of embeds that failed (or, with --all, of every live article's)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="every live article's embeds")

    def handle(self, *args, all: bool = False, **options):
        if all:
            urls = {
                value.url
                for article in ArticlePage.objects.live().only("body")
                for value in embeds.embed_values(article.body)
            }
        else:
            urls = set(embeds.failed_urls())
        if urls:
            embeds.resolve_page_embeds.enqueue(sorted(urls), retry=True)
        if options["verbosity"]:
            self.stdout.write(f"Queued the lookup of {len(urls)} embeds.")
