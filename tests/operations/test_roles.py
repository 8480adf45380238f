"""Writers, Editors and Admins: what each may do in the admin, allowed and refused."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowPage

from home import site_tree
from home.models import MagazineSettings
from news.models import ArticlePage
from operations import newsroom
from tests import builders
from tests.conftest import member_of

ALLOWED, DENIED = "allowed", "denied"


def outcome(response) -> str:
    """Wagtail answers a refusal with a redirect to the dashboard and a message."""
    if response.status_code == 200:
        return ALLOWED
    assert response.status_code == 302 and response["Location"] == "/admin/", response
    return DENIED


@pytest.fixture
def others_article(magazine):
    return builders.article(
        magazine.americas, "Someone else's story", [magazine.ana], hero_image=builders.image()
    )


VIEWS = {
    "add": lambda m, a, site: f"/admin/pages/add/news/articlepage/{m.americas.pk}/",
    "edit": lambda m, a, site: f"/admin/pages/{a.pk}/edit/",
    "unpublish": lambda m, a, site: f"/admin/pages/{a.pk}/unpublish/",
    "delete": lambda m, a, site: f"/admin/pages/{a.pk}/delete/",
    "move": lambda m, a, site: f"/admin/pages/{a.pk}/move/",
    "settings": lambda m, a, site: f"/admin/settings/home/magazinesettings/{site.pk}/",
    "users": lambda m, a, site: "/admin/users/",
    "search promotions": lambda m, a, site: "/admin/searchpicks/",
    "redirects": lambda m, a, site: "/admin/redirects/",
    "add section": lambda m, a, site: f"/admin/pages/add/news/newsindexpage/{m.news.pk}/",
    "edit author": lambda m, a, site: f"/admin/pages/{m.ana.pk}/edit/",
}
MATRIX = {
    "Writers": {"add": ALLOWED},
    "Editors": dict.fromkeys(VIEWS, ALLOWED) | {"settings": DENIED, "users": DENIED},
    "Admins": dict.fromkeys(VIEWS, ALLOWED),
}


@pytest.mark.parametrize("group", MATRIX)
def test_permission_matrix(client, magazine, others_article, group):
    client.force_login(member_of(group))
    site = magazine.home.get_site()
    MagazineSettings.for_site(site)
    found = {
        name: outcome(client.get(url(magazine, others_article, site)))
        for name, url in VIEWS.items()
    }
    expected = {name: MATRIX[group].get(name, DENIED) for name in VIEWS}
    assert found == expected


def test_a_writer_edits_their_own_articles_but_cannot_publish_them(client, magazine, writer):
    client.force_login(writer)
    draft = builders.article(
        magazine.americas, "My draft", [magazine.ana], live=False, owner=writer
    )
    assert outcome(client.get(f"/admin/pages/{draft.pk}/edit/")) == ALLOWED
    data = builders.article_form_data(draft, hero=builders.image())
    client.post(f"/admin/pages/{draft.pk}/edit/", {**data, "action-publish": "publish"})
    draft.refresh_from_db()
    assert not draft.live  # a writer's "publish" goes no further than a saved draft
    assert draft.get_latest_revision().content["standfirst"] == data["standfirst"]


def test_writers_cannot_unpublish_delete_or_move_others_articles(
    client, magazine, writer, others_article
):
    client.force_login(writer)
    for action in ("unpublish", "delete", "move"):
        client.post(f"/admin/pages/{others_article.pk}/{action}/")
    others_article.refresh_from_db()
    assert others_article.live and others_article.get_parent().pk == magazine.americas.pk


def test_editors_unpublish_and_delete(client, magazine, editor, others_article):
    client.force_login(editor)
    client.post(f"/admin/pages/{others_article.pk}/unpublish/")
    others_article.refresh_from_db()
    assert not others_article.live
    client.post(f"/admin/pages/{others_article.pk}/delete/")
    assert not ArticlePage.objects.filter(pk=others_article.pk).exists()


def test_the_set_up_is_safe_to_run_again(magazine):
    def state():
        return (
            sorted(Group.objects.values_list("name", flat=True)),
            sorted(
                GroupPagePermission.objects.values_list(
                    "group__name", "page__slug", "permission__codename"
                )
            ),
            sorted(
                Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
            ),
            Page.objects.count(),
            sorted(WorkflowPage.objects.values_list("workflow__name", "page__slug")),
        )

    before = state()
    site_tree.create_index_pages(apps)
    newsroom.set_up_roles(apps)
    newsroom.set_up_workflow(apps)
    newsroom.set_up_translation(apps)
    assert state() == before
    assert before[0] == ["Admins", "Editors", "Translators", "Writers"]
    assert before[4] == [("Editorial review", "home-es"), ("Editorial review", "news")]
    assert (
        Workflow.objects.get(name="Editorial review").tasks.get().specific.groups.get().name
        == "Editors"
    )
