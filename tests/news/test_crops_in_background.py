"""Picture crops are made by a background task, never inside the editor's publish request
and never by a reader's request; a page shown before its crops exist is kept by no cache."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from wagtail.images import get_image_model
from wagtail.images.rect import Rect

from news.models import ArticlePage
from tests import builders


def crops() -> int:
    return get_image_model().get_rendition_model().objects.count()


@pytest.fixture
def queued_tasks(settings, monkeypatch):
    """The database queue `make run` uses, with its worker run by hand. (The worker closes
    connections between tasks, which here would end the test's transaction.)"""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


@pytest.fixture
def unprepared(magazine, queued_tasks, django_capture_on_commit_callbacks):
    """An article published through the admin, its crops queued and not made yet."""
    hero = builders.image("Harbour at dawn", size=(1600, 1000))
    draft = ArticlePage(title="Port reopens", slug="port-reopens")
    data = builders.article_form_data(draft, magazine.ana, hero=hero)
    return magazine, hero, data


def test_publishing_queues_the_crops_instead_of_making_them(
    admin_client, unprepared, django_capture_on_commit_callbacks
):
    magazine, hero, data = unprepared
    add_url = f"/admin/pages/add/news/articlepage/{magazine.andes.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(add_url, {**data, "action-publish": "1"})
    assert response.status_code == 302
    assert hero.renditions.count() == 0  # the editor's request made none
    article = ArticlePage.objects.get(slug="port-reopens")
    queued = DBTaskResult.objects.filter(task_path="news.renditions.prepare_pictures")
    assert [result.args_kwargs["args"] for result in queued] == [[article.pk]]

    call_command("db_worker", batch=True, verbosity=0)  # the worker `make run` starts
    assert hero.renditions.count() > 12  # each size the pages show, in AVIF and JPEG


def test_a_reader_before_the_task_gets_the_page_without_the_picture_and_no_cache_keeps_it(
    client, admin_client, unprepared, page_cache, django_capture_on_commit_callbacks
):
    magazine, hero, data = unprepared
    add_url = f"/admin/pages/add/news/articlepage/{magazine.andes.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(add_url, {**data, "action-publish": "1"})
    article = ArticlePage.objects.get(slug="port-reopens")
    for url in (article.url, magazine.andes.url, "/en/", "/en/feeds/rss.xml"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "no-store" in response["Cache-Control"], url
            assert response.get("X-Cache") != "hit", url
    assert b"<picture" not in client.get(article.url).content
    assert crops() == 0  # readers made none

    call_command("db_worker", batch=True, verbosity=0)
    response = client.get(article.url)
    assert b"<picture" in response.content
    assert "no-store" not in response["Cache-Control"]
    assert client.get(article.url)["X-Cache"] == "hit"


def test_a_changed_picture_has_its_crops_made_for_the_pages_that_show_it(
    magazine, django_capture_on_commit_callbacks
):
    hero = builders.image("Quay", size=(1600, 1000))
    article = builders.article(magazine.andes, "Quay", [magazine.ana], hero_image=hero)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()  # the reference index knows the page uses it
    focal_points_before = set(hero.renditions.values_list("focal_point_key", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        hero.set_focal_point(Rect(0, 0, hero.width // 2, hero.height // 2))
        hero.save()
    made = set(hero.renditions.values_list("focal_point_key", flat=True)) - focal_points_before
    assert made  # crops with the new focal point, made before any reader asks
