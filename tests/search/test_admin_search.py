"""The admin's page search, on whichever database the suite runs."""

from tests import builders


def test_the_admins_page_search_finds_pages_as_you_type(client, magazine, editor):
    """The admin searches pages with Wagtail's autocomplete, which our ranked backends leave to
    Wagtail; counting its results failed with a server error."""
    builders.article(magazine.americas, "Lithium triangle", [magazine.ana])
    client.force_login(editor)
    response = client.get("/admin/pages/search/", {"q": "lithi"})
    assert response.status_code == 200
    assert "Lithium triangle" in response.content.decode()
