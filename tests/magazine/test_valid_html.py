"""Every kind of page is valid HTML, as the Nu Html Checker (the W3C validator) reads it.

The checker runs offline from npm's vnu-jar, which `make test` installs; it needs Java.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from news.models import ArticleNote
from tests import builders

VNU = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_html_checker(pages: dict[str, bytes], folder: Path) -> list[str]:
    """The checker's errors and warnings for each page, as "name: line: message"."""
    if not VNU.exists() or not shutil.which("java"):
        pytest.fail("The HTML check needs Java and npm's vnu-jar: run `make test`.")
    files = []
    for name, html in pages.items():
        path = folder / f"{name}.html"
        path.write_bytes(html)
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", "--exit-zero-always", *files],
        capture_output=True,
        check=True,
        text=True,
        timeout=300,
    )
    return [
        f"{Path(message['url']).stem}: {message.get('lastLine')}: {message['message']}"
        for message in json.loads(result.stdout)["messages"]
    ]


def test_every_kind_of_page_is_valid_html(client, magazine, tmp_path):
    figure = builders.image("Cranes", caption="Cranes over the river.")
    hero = builders.image("Quay", size=(1600, 1000))
    story = builders.article(
        magazine.andes,
        "Cargo returns to the river port",
        [magazine.ana, magazine.ben],
        dateline="WASHINGTON, D.C.",
        hero_image=hero,
        body=builders.body_with_every_block(figure),
        tags=("Colombia",),
    )
    ArticleNote.objects.create(page=story, date=timezone.now(), text="<p>Update: more.</p>")
    for day in range(1, 14):
        builders.article(magazine.politics, f"Vote {day}", [magazine.ben], days_ago=day)
    live = builders.live_page(magazine.politics, "Live: the count", [magazine.ben], hero_image=hero)
    builders.live_update(live, magazine.ana, "Counting starts.", minutes_ago=20, pinned=True)
    builders.live_update(
        live,
        magazine.ben,
        "First results.",
        title="Results",
        correction="A figure was wrong.",
        corrected_at=timezone.now(),
    )
    urls = {
        "home": "/en/",
        "live": live.url,
        "section": magazine.americas.url,
        "section-page-2": magazine.politics.url + "?page=2",
        "article": story.url,
        "author": magazine.ana.url,
        "people": magazine.people.url,
        "tag": "/en/tags/colombia/",
        "search": "/en/search/?q=river",
        "search-nothing-found": "/en/search/?q=zeppelin",
        "search-empty": "/en/search/",
        "not-found": "/en/no-such-page/",
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == (404 if name == "not-found" else 200), url
        pages[name] = response.content
    problems = nu_html_checker(pages, tmp_path)
    assert not problems, "\n".join(problems)
