"""The demo magazine's live coverage (demo/content/live/*.json): pages with their key points
and updates by several reporters, one still live and one ended, dated relative to now so that
the demo's live page is always this evening's."""

import json
from datetime import timedelta
from html import escape
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision

from news.models import LivePage, LiveUpdate

LIVE_DIR = Path(__file__).resolve().parent / "content" / "live"


class LiveCoverage:
    """Loads each file once: a page already there, edited or not, is left as it is."""

    def __init__(self, loader):
        self.loader = loader  # load_demo's command: it makes pages and draws pictures

    def load(self, sections: dict, authors: dict) -> list[LivePage]:
        pages = []
        for path in sorted(LIVE_DIR.glob("*.json")):
            with transaction.atomic():
                pages.append(self._page(json.loads(path.read_text()), sections, authors))
        return pages

    def _page(self, data: dict, sections: dict, authors: dict) -> LivePage:
        section, palette = sections[data["section"]]
        existing = LivePage.objects.child_of(section).filter(slug=data["slug"]).first()
        if existing:
            return existing
        fields = self.loader._article_fields(
            data, self.loader._hero_image(data, palette), [], authors, {**data, "days_ago": 0}
        )
        key_points = "".join(f"<li>{escape(point)}</li>" for point in data["key_points"])
        page = self.loader._child(
            section,
            LivePage,
            data,
            **fields,
            key_points=f"<ul>{key_points}</ul>",
            status=data["status"],
        )
        started = timezone.now() - timedelta(hours=data["started_hours_ago"])
        self._updates(page, data, started, authors, palette)
        ended = None
        if data["status"] == LivePage.ENDED:
            ended = timezone.now() - timedelta(hours=data["ended_hours_ago"])
        LivePage.objects.filter(pk=page.pk).update(
            first_published_at=started,
            last_published_at=started,
            latest_revision_created_at=started,
            display_date=started,
            ended_at=ended,
        )
        Revision.page_revisions.filter(object_id=str(page.pk)).update(created_at=started)
        return page

    def _updates(self, page: LivePage, data: dict, started, authors: dict, palette: str) -> None:
        for number, update in enumerate(data["updates"]):
            slug = f"{data['slug']}-update-{number}"
            posted = started + timedelta(minutes=update["minutes_after_start"])
            body = [
                self.loader._block(slug, index, block, palette)
                for index, block in enumerate(update["body"])
            ]
            LiveUpdate.objects.create(
                page=page,
                author=authors[update["author"]],
                title=update["title"],
                body=json.dumps(body),
                pinned=update["pinned"],
                posted_at=posted,
                correction=update["correction"],
                corrected_at=posted + timedelta(minutes=12) if update["correction"] else None,
            )
