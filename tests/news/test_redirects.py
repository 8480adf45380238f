"""A renamed article keeps its old address working, with a permanent redirect."""

from tests import builders


def test_renaming_an_articles_slug_redirects_the_old_address(
    admin_client, client, magazine, django_capture_on_commit_callbacks
):
    story = builders.article(magazine.andes, "Cargo returns", [magazine.ana])
    old_url = story.url
    data = builders.article_form_data(story, hero=builders.image(), slug="cargo-returns-to-port")
    # Wagtail makes the redirect once the rename is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/pages/{story.pk}/edit/", {**data, "action-publish": "1"}
        )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.url != old_url

    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(story.url)
    assert client.get(story.url).status_code == 200


def test_moving_a_section_redirects_its_articles(admin_client, client, magazine):
    story = builders.article(magazine.andes, "Cargo returns", [magazine.ana])
    old_url = story.url
    response = admin_client.post(
        f"/admin/pages/{magazine.andes.pk}/move/{magazine.politics.pk}/confirm/"
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.url.startswith("/en/news/politics/andes/")
    assert client.get(old_url).status_code == 301
