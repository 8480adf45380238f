"""An editor compares two versions of an article and brings back the earlier one."""

from news.models import ArticlePage
from tests import builders


def test_compare_and_roll_back_a_revision(client, magazine, editor):
    client.force_login(editor)
    article = builders.article(
        magazine.americas, "First headline", [magazine.ana], hero_image=builders.image()
    )
    first = article.get_latest_revision()
    edit = f"/admin/pages/{article.pk}/edit/"
    data = builders.article_form_data(article, hero=article.hero_image, title="Second headline")
    assert client.post(edit, {**data, "action-publish": "1"}).status_code == 302
    article.refresh_from_db()
    second = article.get_latest_revision()
    assert article.title == "Second headline" and second != first

    compare = client.get(f"/admin/pages/{article.pk}/revisions/compare/{first.pk}...{second.pk}/")
    assert compare.status_code == 200
    html = compare.content.decode()
    assert "First headline" in html and "Second headline" in html

    # "Revert" opens the editor on the old version; publishing it makes it live again.
    reverted = client.get(f"/admin/pages/{article.pk}/revisions/{first.pk}/revert/")
    assert reverted.status_code == 200
    assert reverted.context["form"].initial["title"] == "First headline"
    data = builders.article_form_data(article, hero=article.hero_image, title="First headline")
    client.post(edit, {**data, "action-publish": "1", "revision": first.pk})
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.title == "First headline"
    assert client.get(article.url).context["page"].title == "First headline"
    assert article.revisions.count() == 3
