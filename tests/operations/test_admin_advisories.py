"""Wagtail's security advisories of 2023-2026, by class: what a Writer cannot see or do here.

Each test takes one class of advisory and shows the Writer refused (and told nothing) where an
Editor (or, for settings and users, an Admin) gets through with the same request, so that a
wrong permission would fail it. A Writer adds articles under News and edits only their own;
"a colleague's draft" is an article in News they can see listed but may not edit.

Stored XSS, a low-privilege user's markup run in a higher one's admin session:
- CVE-2023-28836 / GHSA-5286-f2rf-35c2: ModelAdmin views (our "Articles" desk and "Authors").
- CVE-2026-28222 / GHSA-p5cm-246w-84jm: TableBlock class attributes (no TableBlock here).
- CVE-2026-28223 / GHSA-p4v8-rw59-93cq: page titles in admin messages (copy confirmation).
Previews, revisions and history of a page the user may not edit:
- CVE-2026-44197 / GHSA-c6wj-9vcj-75pj: the revisions compare view.
- CVE-2026-44198 / GHSA-c4mr-889m-vgf6: the page history view.
- CVE-2026-55468 / GHSA-3vrh-m9w7-v94f: the pages admin API beyond the user's explorable tree.
Page copy:
- CVE-2026-44200 / GHSA-67rv-mg8q-5pf3: copying a page one may not edit (source unchecked).
Other permission bypasses:
- CVE-2023-45809 / GHSA-fc75-58r8-rm3h: user bulk actions disclosed user names.
- CVE-2024-35228 / GHSA-xxfm-vmcf-g33f: wagtail.contrib.settings edit view unchecked.
Not applicable here (no such feature, or no boundary to cross): CVE-2026-44199 (form
submissions), CVE-2026-54262 and GHSA-jm5p-837g-rv8g (simple_translation), GHSA-x5cx-w6p2-mxf2
(snippet copy), CVE-2026-44201 and GHSA-c2xx-cjmh-9q8f (public images/documents API, not
routed), CVE-2026-54259 and CVE-2026-54261 (image chooser/preview: Writers may choose every
image, all in one collection). Not permission classes: CVE-2023-28837, CVE-2024-39317 and
CVE-2026-54260 (denial of service), GHSA-92hv-j533-69wc (document hash probing).
"""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from wagtail.models import Collection, Page, Site, Workflow
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import MagazineSettings
from news.models import ArticlePage
from tests import builders
from tests.conftest import member_of

PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'
RAW = ("<script>alert(1)", "<img src=x onerror", "javascript:alert(1)")
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
SECRET = "Embargoed: the figure is 41 per cent."


def refused(response, *secrets: str) -> None:
    """Wagtail refuses with a 403/404 or a redirect to the dashboard, which says so; either way
    nothing of what was asked for shows."""
    assert response.status_code in (302, 403, 404), response
    if response.status_code == 302:
        assert response["Location"] == "/admin/", response["Location"]
        response = response.client.get("/admin/")
        assert "Sorry, you do not have permission" in response.content.decode()
    body = response.content.decode()
    assert not [secret for secret in secrets if secret in body]


def shown(response, *texts: str) -> str:
    assert response.status_code == 200, response
    body = response.content.decode()
    assert all(text in body for text in texts), texts
    return body


@pytest.fixture
def draft(magazine, editor):
    """A colleague's draft with two revisions, the second holding the secret."""
    page = builders.article(
        magazine.americas, "Port deal", [magazine.ben], live=False, owner=editor
    )
    page.standfirst = SECRET
    page.save_revision(user=editor)
    return page


def test_a_writer_cannot_preview_a_colleagues_draft(client, magazine, writer, editor, draft):
    Workflow.objects.get(name="Editorial review").start(draft, editor)
    task = draft.current_workflow_task_state.task
    latest = draft.get_latest_revision()
    views = [
        f"/admin/pages/{draft.pk}/view_draft/",
        f"/admin/pages/{draft.pk}/revisions/{latest.pk}/view/",
        f"/admin/pages/workflow/preview/{draft.pk}/{task.pk}/",
    ]
    preview = f"/admin/pages/{draft.pk}/edit/preview/"
    data = builders.article_form_data(draft, hero=builders.image())

    client.force_login(writer)
    for url in views:
        refused(client.get(url), SECRET)
    refused(client.post(preview, data), "is_valid")
    refused(client.get(preview), data["standfirst"])

    client.force_login(editor)
    for url in views:
        shown(client.get(url), SECRET)
    assert client.post(preview, data).json()["is_valid"]
    shown(client.get(preview), data["standfirst"])


def test_a_writer_cannot_compare_view_or_revert_a_colleagues_revisions(
    client, writer, editor, draft
):
    first, second = draft.revisions.order_by("pk")
    compare = [
        f"/admin/pages/{draft.pk}/revisions/compare/{first.pk}...{second.pk}/",
        f"/admin/pages/{draft.pk}/revisions/compare/earliest...latest/",
    ]
    revert = f"/admin/pages/{draft.pk}/revisions/{first.pk}/revert/"
    data = builders.article_form_data(draft, hero=builders.image(), title="Reverted")

    client.force_login(writer)
    for url in [*compare, revert]:
        refused(client.get(url), SECRET)
    refused(client.post(f"/admin/pages/{draft.pk}/edit/", {**data, "revision": first.pk}))
    assert draft.revisions.count() == 2

    client.force_login(editor)
    for url in compare:
        shown(client.get(url), SECRET, "The standfirst of Port deal.")
    assert client.get(revert).context["form"].initial["standfirst"] == (
        "The standfirst of Port deal."
    )


def test_a_writer_cannot_read_a_colleagues_page_history(client, writer, editor, draft):
    User.objects.filter(pk=editor.pk).update(first_name="Edwina", last_name="Rusk")
    history = f"/admin/pages/{draft.pk}/history/"
    client.force_login(writer)
    for url in (history, f"{history}results/", f"/admin/pages/{draft.pk}/workflow_history/"):
        refused(client.get(url), "Edwina Rusk")
    assert client.get(f"/admin/pages/{draft.pk}/revisions/")["Location"] == history
    client.force_login(editor)
    shown(client.get(history), "Edwina Rusk")


def test_site_history_shows_a_writer_only_the_news_tree(client, magazine, writer, editor):
    builders.author(magazine.people, "Cara Quist").save_revision(user=editor)
    mine = builders.article(magazine.americas, "My own story", [magazine.ana], owner=writer)
    mine.save_revision(user=writer)
    client.force_login(writer)
    body = shown(client.get("/admin/reports/site-history/"), "My own story")
    assert "Cara Quist" not in body  # People is not theirs to explore
    client.force_login(editor)
    shown(client.get("/admin/reports/site-history/"), "Cara Quist", "My own story")


def test_the_admin_api_hides_pages_outside_a_writers_tree(client, magazine, writer, editor):
    author = f"/admin/api/main/pages/{magazine.ana.pk}/"
    listing = f"/admin/api/main/pages/?child_of={magazine.people.pk}"
    client.force_login(writer)
    refused(client.get(author), "Ana Lima")
    assert client.get(listing).status_code in (400, 404)
    client.force_login(editor)
    assert client.get(author).json()["title"] == "Ana Lima"
    assert client.get(listing).json()["meta"]["total_count"] == 2


def copy(client, page, parent, slug, **extra):
    data = {"new_title": f"Copy of {page.title}", "new_slug": slug, "new_parent_page": parent.pk}
    return client.post(f"/admin/pages/{page.pk}/copy/", {**data, **extra})


def test_a_writer_cannot_copy_a_colleagues_article(client, magazine, writer, editor, draft):
    client.force_login(writer)
    refused(client.get(f"/admin/pages/{draft.pk}/copy/"), SECRET)
    refused(copy(client, draft, magazine.politics, "stolen"))
    assert not Page.objects.filter(slug="stolen").exists()
    client.force_login(editor)
    assert copy(client, draft, magazine.politics, "copied").status_code == 302
    copied = ArticlePage.objects.get(slug="copied")
    assert copied.get_latest_revision_as_object().standfirst == SECRET


def test_a_writer_copies_their_own_article_but_cannot_publish_or_place_the_copy(
    client, magazine, writer, editor
):
    mine = builders.article(magazine.americas, "Live story", [magazine.ana], owner=writer)
    client.force_login(writer)
    assert copy(client, mine, magazine.politics, "mine-2", publish_copies="on").status_code == 302
    assert not Page.objects.get(slug="mine-2").live
    response = copy(client, mine, magazine.people, "in-people")
    assert response.status_code == 200 and response.context["form"].errors["new_parent_page"]
    assert not Page.objects.filter(slug="in-people").exists()

    client.force_login(editor)
    copy(client, mine, magazine.politics, "mine-3", publish_copies="on")
    assert Page.objects.get(slug="mine-3").live


def test_a_writer_cannot_bulk_publish_or_delete(client, magazine, writer, editor, draft):
    mine = builders.article(magazine.americas, "Mine", [magazine.ana], live=False, owner=writer)
    ids = f"?id={draft.pk}&id={mine.pk}"
    client.force_login(writer)
    client.post(f"/admin/bulk/wagtailcore/page/publish/{ids}")
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}")
    assert not ArticlePage.objects.filter(pk__in=[draft.pk, mine.pk], live=True).exists()
    assert ArticlePage.objects.filter(pk=draft.pk).exists()

    client.force_login(editor)
    client.post(f"/admin/bulk/wagtailcore/page/publish/{ids}")
    assert ArticlePage.objects.filter(pk__in=[draft.pk, mine.pk], live=True).count() == 2
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}")
    assert not ArticlePage.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("group", ["Writers", "Editors"])
def test_only_admins_see_users_even_through_bulk_actions(client, db, group):
    hidden = User.objects.create_user("ana.secret-login", password="x")
    urls = [
        "/admin/users/",
        reverse("wagtailusers_users:edit", args=[hidden.pk]),
        f"/admin/bulk/auth/user/delete/?id={hidden.pk}",
    ]
    client.force_login(member_of(group))
    for url in urls:
        refused(client.get(url), "ana.secret-login")
    client.post(urls[2])
    assert User.objects.filter(pk=hidden.pk).exists()

    client.force_login(member_of("Admins"))
    shown(client.get(urls[2]), "ana.secret-login")


@pytest.mark.parametrize("group", ["Writers", "Editors"])
def test_only_admins_change_the_magazine_settings(client, magazine, group):
    site = magazine.home.get_site()
    MagazineSettings.for_site(site)
    url = f"/admin/settings/home/magazinesettings/{site.pk}/"
    data = {"name": "Hijacked", "tagline": "", "footer_note": ""}
    client.force_login(member_of(group))
    refused(client.post(url, data))
    assert MagazineSettings.for_site(site).name == "Magazine"

    client.force_login(member_of("Admins"))
    assert client.post(url, data).status_code == 302
    assert MagazineSettings.for_site(site).name == "Hijacked"


@pytest.fixture
def planted(client, magazine, writer):
    """Markup wherever a Writer (or a careless Admin) can type it, submitted for review."""
    writer.first_name, writer.last_name = PAYLOAD[:25], PAYLOAD[25:]
    writer.save()
    Site.objects.update(site_name=PAYLOAD)
    collection = Collection.get_first_root_node().add_child(name=PAYLOAD)
    picture = builders.image(title=PAYLOAD)
    picture.collection, picture.uploaded_by_user = collection, writer
    picture.save()
    section = builders.section(magazine.news, PAYLOAD)
    author = builders.author(magazine.people, PAYLOAD)
    client.force_login(writer)
    page = ArticlePage(title=PAYLOAD, slug="payload")
    data = builders.article_form_data(page, author, hero=picture, tags=f'"{PAYLOAD}"')
    link = rich_text('<p><a href="javascript:alert(1)">Read more</a></p>')
    data.update(nested_form_data({"body": streamfield([("paragraph", link)])}))
    add = f"/admin/pages/add/news/articlepage/{section.pk}/"
    assert client.post(add, {**data, "action-submit": "1"}).status_code == 302
    page = ArticlePage.objects.get(slug="payload")
    assert "Read more" in str(page.body)  # the link's text is kept, its javascript: URL is not
    return page


def test_markup_in_titles_and_names_is_shown_escaped_to_an_editor(
    client, magazine, editor, planted
):
    page = planted
    page.standfirst = PAYLOAD
    page.save_revision(user=editor)
    section = page.get_parent()
    listings = [
        "/admin/",
        f"/admin/pages/{magazine.news.pk}/",
        f"/admin/pages/{section.pk}/",
        "/admin/news/articlepage/",
        "/admin/people/authorpage/",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/site-history/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/workflow_history/",
        f"/admin/pages/{page.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{page.pk}/edit/",
        "/admin/images/",
    ]
    client.force_login(editor)
    for url in listings:
        body = shown(client.get(url), ESCAPED)
        assert not [raw for raw in RAW if raw in body], url
    # The confirmation message after a copy names the page (CVE-2026-28223's class).
    response = copy(client, page, section, "payload-copy")
    body = shown(client.get(response["Location"]), "copied.", ESCAPED)
    assert not [raw for raw in RAW if raw in body]


def test_markup_in_titles_is_escaped_in_the_admin_page_search(client, editor, planted):
    client.force_login(editor)
    body = shown(client.get("/admin/pages/search/", {"q": "alert"}), ESCAPED)
    assert not [raw for raw in RAW if raw in body]
