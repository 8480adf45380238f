"""Articles are found under the current names of their authors and sections."""

from bs4 import BeautifulSoup

from tests import builders


def found(client, query: str) -> list[str]:
    soup = BeautifulSoup(client.get("/en/search/", {"q": query}).content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".result-list .card__headline")]


def test_renaming_an_author_reindexes_their_articles(client, magazine):
    builders.article(magazine.politics, "Budget vote", [magazine.ana])
    magazine.ana.title = "Ana Lima Quispe"
    magazine.ana.save_revision().publish()
    assert found(client, "quispe") == ["Budget vote"]


def test_renaming_a_section_reindexes_its_articles(client, magazine):
    builders.article(magazine.andes, "Glacier retreat", [magazine.ana])
    magazine.andes.title = "Andes and Altiplano"
    magazine.andes.save_revision().publish()
    assert found(client, "altiplano") == ["Glacier retreat"]
