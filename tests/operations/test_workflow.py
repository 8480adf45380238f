"""Editorial review: a writer submits, an editor approves or sends it back with a comment."""

import pytest
from wagtail.models import TaskState, WorkflowState

from news.models import ArticlePage
from tests import builders


@pytest.fixture
def submitted(client, magazine, writer):
    """An article the writer has written and submitted for review."""
    client.force_login(writer)
    draft = ArticlePage(title="Port strike ends", slug="port-strike-ends")
    data = builders.article_form_data(draft, magazine.ana, hero=builders.image())
    response = client.post(
        f"/admin/pages/add/news/articlepage/{magazine.americas.pk}/", {**data, "action-submit": "1"}
    )
    assert response.status_code == 302
    return ArticlePage.objects.get(slug="port-strike-ends")


def locked_for(article, user) -> bool:
    lock = article.get_lock()
    return lock is not None and lock.for_user(user)


def task_state(article) -> TaskState:
    return article.current_workflow_task_state


def act(client, article, action: str, **data):
    url = f"/admin/pages/workflow/action/{article.pk}/{action}/{task_state(article).pk}/"
    return client.post(url, data)


def test_a_submission_goes_to_the_editors_and_is_not_live(submitted, editor, writer):
    state = submitted.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Editorial review"
    task = task_state(submitted).task.specific
    assert list(task.groups.values_list("name", flat=True)) == ["Editors"]
    assert task.user_can_access_editor(submitted, editor)
    assert not submitted.live


def test_while_in_review_the_writer_cannot_change_it(client, submitted, writer):
    assert locked_for(submitted, writer)
    data = builders.article_form_data(
        submitted, hero=builders.image(), title="Changed behind the editor"
    )
    client.post(f"/admin/pages/{submitted.pk}/edit/", data)
    assert submitted.get_latest_revision().content["title"] == "Port strike ends"


def test_an_editor_approves_and_it_goes_live(client, submitted, editor):
    client.force_login(editor)
    response = act(client, submitted, "approve", comment="Good to go.")
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    assert submitted.current_workflow_state is None
    assert client.get(submitted.url).status_code == 200


def test_an_editor_requests_changes_and_the_writer_reads_the_comment(
    client, submitted, editor, writer
):
    client.force_login(editor)
    act(client, submitted, "reject", comment="Please name the port authority's spokesperson.")
    submitted.refresh_from_db()
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not submitted.live

    client.force_login(writer)
    state = submitted.current_workflow_state
    detail = f"/admin/pages/{submitted.pk}/workflow_history/detail/{state.pk}/"
    comment = "Please name the port authority&#x27;s spokesperson."
    assert comment in client.get(detail).content.decode()
    # The writer can edit again and resubmit.
    assert not locked_for(submitted, writer)
    data = builders.article_form_data(submitted, hero=builders.image())
    client.post(f"/admin/pages/{submitted.pk}/edit/", {**data, "action-submit": "1"})
    submitted.refresh_from_db()
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_writers_cannot_approve(client, submitted, writer):
    client.force_login(writer)
    response = act(client, submitted, "approve")
    assert response.status_code in (302, 403)
    submitted.refresh_from_db()
    assert not submitted.live


def test_an_editors_lock_stops_others_saving(client, magazine, editor, writer):
    article = builders.article(
        magazine.americas,
        "Locked story",
        [magazine.ana],
        owner=writer,
        hero_image=builders.image(),
        live=False,
    )
    client.force_login(editor)
    client.post(f"/admin/pages/{article.pk}/lock/")
    article.refresh_from_db()
    assert article.locked and locked_for(article, writer)
    client.force_login(writer)
    data = builders.article_form_data(article, hero=builders.image(), title="Overwritten")
    client.post(f"/admin/pages/{article.pk}/edit/", data)
    assert article.get_latest_revision().content["title"] == "Locked story"
