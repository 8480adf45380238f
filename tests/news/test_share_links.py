"""Share links: plain links to each network, no third-party script, and a copy-link button."""

from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from tests import builders


def test_an_article_offers_share_links_without_third_party_scripts(client, magazine):
    story = builders.article(magazine.andes, "Cargo & cranes", [magazine.ana])
    soup = BeautifulSoup(client.get(story.url).content, "html.parser")
    share = soup.find("nav", attrs={"aria-label": "Share this article"})
    links = {a.get_text(): a["href"] for a in share.find_all("a")}
    assert list(links) == ["Email", "X", "Facebook", "LinkedIn", "WhatsApp"]
    url = story.full_url

    def query(href):
        return {key: values[0] for key, values in parse_qs(urlsplit(href).query).items()}

    assert links["Email"].startswith("mailto:?")
    assert query(links["Email"]) == {"subject": "Cargo & cranes", "body": url}
    assert query(links["X"]) == {"url": url, "text": "Cargo & cranes"}
    assert query(links["Facebook"]) == {"u": url}
    assert query(links["LinkedIn"]) == {"url": url}
    assert query(links["WhatsApp"]) == {"text": f"Cargo & cranes {url}"}
    # The copy button waits for the script that makes it work; without it, nothing is broken.
    button = share.find("button")
    assert button["data-copy"] == url and button.has_attr("hidden")
    scripts = [script["src"] for script in soup.find_all("script", src=True)]
    assert all(src.startswith("/static/") for src in scripts)
