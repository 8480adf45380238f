"""What an author page and the people page tell search engines and social networks."""

from home.models import MagazineSettings
from people.models import AuthorLink
from tests import builders
from tests.metadata import PageMetadata


def test_an_author_page_is_a_profile_page_of_a_person(client, magazine):
    ana = magazine.ana
    ana.photo = builders.image("Portrait of Ana", size=(1500, 1500))
    ana.links = [AuthorLink(label="Website", url="https://ana.example")]
    with builders.committed():  # the crops are made once the change commits
        ana.save_revision().publish()
    meta = PageMetadata(client.get(ana.url))

    profile = meta.of_type("ProfilePage")
    assert profile["url"] == ana.full_url
    person = profile["mainEntity"]
    assert person["@type"] == "Person"
    assert (person["name"], person["url"]) == ("Ana Lima", ana.full_url)
    assert person["jobTitle"] == "Correspondent in Bogotá"
    assert person["description"] == "Ana Lima writes."
    assert person["sameAs"] == ["https://ana.example"]
    assert (person["image"]["width"], person["image"]["height"]) == (1200, 1200)

    assert meta.description == "Ana Lima writes."
    assert meta.canonical == ana.full_url
    assert meta.tag("og:type") == "profile"
    assert meta.tag("og:image:alt") == "Alt text for Portrait of Ana"
    assert meta.tag("twitter:card") == "summary_large_image"


def test_later_pages_of_an_author_are_canonical_to_themselves(client, magazine):
    for number in range(13):
        builders.article(magazine.andes, f"Story {number}", [magazine.ana], days_ago=number)
    meta = PageMetadata(client.get(magazine.ana.url + "?page=2"))
    assert meta.canonical == magazine.ana.full_url + "?page=2"


def test_the_people_page_has_its_intro_as_description(client, magazine):
    people = magazine.people
    people.intro = "<p>The writers and editors of the magazine.</p>"
    people.save_revision().publish()
    name = MagazineSettings.for_site(magazine.home.get_site()).name
    meta = PageMetadata(client.get(people.url))
    assert meta.title == f"{people.title} | {name}"
    assert meta.description == "The writers and editors of the magazine."
    assert meta.canonical == people.full_url
