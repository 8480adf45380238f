"""Read a page's metadata as search engines and social networks do: JSON-LD with extruct, and
the Open Graph and Twitter <meta> tags."""

import extruct
from bs4 import BeautifulSoup


class PageMetadata:
    def __init__(self, response):
        assert response.status_code == 200
        html = response.content.decode()
        self.soup = BeautifulSoup(html, "html.parser")
        data = extruct.extract(html, base_url="http://localhost/", syntaxes=["json-ld"])
        self.json_ld = data["json-ld"]

    def of_type(self, schema_type: str) -> dict:
        (found,) = [item for item in self.json_ld if item.get("@type") == schema_type]
        assert found["@context"] == "https://schema.org"
        return found

    def tag(self, name: str) -> str:
        return self.tags(name)[0]

    def tags(self, name: str) -> list[str]:
        tags = self.soup.find_all("meta", property=name) or self.soup.find_all(
            "meta", attrs={"name": name}
        )
        return [tag["content"] for tag in tags]

    @property
    def title(self) -> str:
        return self.soup.title.string

    @property
    def description(self) -> str:
        return self.soup.find("meta", attrs={"name": "description"})["content"]

    @property
    def canonical(self) -> str:
        return self.soup.find("link", rel="canonical")["href"]
