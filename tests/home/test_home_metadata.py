"""What the home page tells search engines: the site, its publisher and its search box."""

from urllib.parse import urlsplit

from home.models import MagazineSettings
from tests.metadata import PageMetadata


def test_the_home_page_is_a_website_with_a_search_action(client, magazine):
    settings = MagazineSettings.for_site(magazine.home.get_site())
    settings.name = "The Parallax"
    settings.tagline = "The world, from another angle."
    settings.save()
    meta = PageMetadata(client.get("/en/"))

    assert meta.title == "The Parallax: The world, from another angle."
    assert meta.description == "The world, from another angle."
    assert meta.canonical == magazine.home.full_url
    website = meta.of_type("WebSite")
    assert (website["name"], website["url"]) == ("The Parallax", magazine.home.full_url)
    assert website["publisher"]["name"] == "The Parallax"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["query-input"] == "required name=search_term_string"
    template = action["target"]["urlTemplate"]
    assert template == "http://localhost/en/search/?q={search_term_string}"
    # The template leads to the search page once the search engine fills it in.
    parts = urlsplit(template.replace("{search_term_string}", "river"))
    response = client.get(parts.path, {"q": "river"})
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
