"""Share links for an article: plain links to each network, no third-party scripts."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext


def share_links(url: str, title: str) -> list[tuple[str, str]]:
    """(label, href) for email and each network, in the order they are shown."""
    email = urlencode({"subject": title, "body": url}, quote_via=quote)
    return [
        # Translators: the share link that opens the reader's email with the article's link.
        (gettext("Email"), f"mailto:?{email}"),
        ("X", f"https://x.com/intent/post?{urlencode({'url': url, 'text': title})}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?{urlencode({'u': url})}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?{urlencode({'url': url})}"),
        ("WhatsApp", f"https://wa.me/?{urlencode({'text': f'{title} {url}'})}"),
    ]
