"""How long an editor waits for "Publish": picture crops made in the request, against queued
for the background worker (what the magazine does).

    .venv/bin/python bench/publish.py [--rounds 3]

Builds a throw-away SQLite magazine (migrations, two sections, an author) in a temporary
folder, then publishes articles through the admin's page editor (Django's test client, as a
browser posts the form), each with a new 1600x1067 hero and two pictures in its body, so that
every crop is new. "in the request": the task backend runs the crops as they are queued, on
commit, inside the request (as Wagtail's default and this magazine before did). "queued": the
database queue `make run` uses. Prints each publish's time, the median of each, and the ratio,
alternating the two so that the machine's noise falls on both.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="magazine-bench-publish-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="magazine.settings.dev",
    DATABASE_URL=f"sqlite:///{WORK / 'db.sqlite3'}",
    MEDIA_ROOT=str(WORK / "media"),
)

import django  # noqa: E402

django.setup()

from io import BytesIO  # noqa: E402

from django.contrib.auth.models import User  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield  # noqa: E402

from demo.content.pictures import illustration  # noqa: E402
from news.models import ArticlePage  # noqa: E402
from tests import builders  # noqa: E402

IN_REQUEST = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
QUEUED = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def picture(seed: str):
    image = get_image_model()(
        title=seed,
        description=f"A picture: {seed}",
        credit="Illustration",
        file=ImageFile(BytesIO(illustration("river", "jade", seed)), name=f"{seed}.jpg"),
    )
    image.save()
    return image


def publish_once(client, magazine, n: int) -> float:
    draft = ArticlePage(title=f"Story {n}", slug=f"story-{n}")
    data = builders.article_form_data(draft, magazine.ana, hero=picture(f"hero-{n}"))
    body = [
        ("paragraph", rich_text("<p>The quay at dawn.</p>")),
        ("image", {"image": picture(f"body-{n}-a").pk, "width": "inline"}),
        ("image", {"image": picture(f"body-{n}-b").pk, "width": "wide"}),
    ]
    data.update(nested_form_data({"body": streamfield(body)}))
    url = f"/admin/pages/add/news/articlepage/{magazine.andes.pk}/"
    started = time.perf_counter()
    response = client.post(url, {**data, "action-publish": "1"})
    elapsed = time.perf_counter() - started
    assert response.status_code == 302, response.status_code
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    setup_test_environment()
    call_command("migrate", verbosity=0)
    magazine = builders.Magazine()
    client = Client()
    client.force_login(User.objects.create_superuser("bench", password="bench"))
    times = {"in the request": [], "queued": []}
    n = 0
    for _ in range(rounds):
        for name, tasks in (("in the request", IN_REQUEST), ("queued", QUEUED)):
            with override_settings(TASKS=tasks):  # django-tasks reads it again
                n += 1
                times[name].append(publish_once(client, magazine, n))
                print(f"{name:>15}: {times[name][-1] * 1000:7.0f} ms", flush=True)
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        spread = max(times[name]) - min(times[name])
        print(f"median {name:>15}: {value * 1000:7.0f} ms (spread {spread * 1000:.0f} ms)")
    print(f"queued / in the request: {medians['queued'] / medians['in the request']:.3f}")
    print(f"(work folder {WORK})")


if __name__ == "__main__":
    main()
