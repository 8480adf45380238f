"""A corpus of script-injection payloads, and checks that a page, a feed or JSON-LD carries none
of them in a form a browser or a feed reader would run."""

import json
import re
from xml.etree import ElementTree

from bs4 import BeautifulSoup

PAYLOADS = [
    "<script>alert('x1')</script>",
    '"><img src=x onerror="alert(2)">',
    "'><svg onload=alert(3)>",
    "javascript:alert(4)",
    "</title><script>alert(5)</script>",
    "</script><script>alert(6)</script>",  # out of a JSON-LD block
    '<a href="javascript:alert(7)">click</a>',
    "<svg><script>alert(8)</script></svg>",
    '" autofocus onfocus="alert(9)',
    "<iframe src=javascript:alert(10)></iframe>",
    "{{ request }}{% debug %}",
]
# One string that holds every payload, for fields that take a single line.
ALL = " ".join(PAYLOADS)

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data", "poster")
FEED_URL_ATTRIBUTES = ("href", "src", "url", "uri", "scheme")
ACTIVE_TAGS = ("iframe", "object", "embed", "base", "form", "meta[http-equiv]")


def executable_parts(html: str) -> list[str]:
    """What in `html` a browser would run: scripts other than the site's own files and JSON-LD,
    event-handler attributes, javascript: URLs and elements that load or submit elsewhere."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            found += _json_ld_problems(script.string or "")
        elif not (script.get("src", "").startswith("/static/") and not script.string):
            found.append(str(script))
    for element in soup.find_all(True):
        for name, value in element.attrs.items():
            if name.lower().startswith("on"):
                found.append(f"{element.name} {name}={value!r}")
            if name.lower() in URL_ATTRIBUTES and _is_script_url(value):
                found.append(f"{element.name} {name}={value!r}")
    for selector in ACTIVE_TAGS:
        found += [str(element) for element in soup.select(selector) if _foreign(element)]
    return found


def _foreign(element) -> bool:
    """Anything but the site's own search and newsletter forms and Wagtail's password form."""
    if element.name == "form":
        action = element.get("action", "")
        if re.fullmatch(r"/(en|es)/newsletters/", action):
            return False
        return not action.startswith(("/en/search/", "/_util/authenticate"))
    return True


def _is_script_url(value) -> bool:
    text = value if isinstance(value, str) else " ".join(value)
    squashed = "".join(text.split()).lower()
    return squashed.startswith(("javascript:", "vbscript:", "data:text/html"))


def _json_ld_problems(text: str) -> list[str]:
    try:
        json.loads(text)
    except ValueError:
        return [f"JSON-LD that is not JSON: {text[:200]}"]
    return [f"JSON-LD that could close its script: {text[:200]}"] if "</" in text else []


def feed_problems(xml: bytes) -> list[str]:
    """Feed readers show an RSS item's description and content, and Atom's elements of type
    "html", as HTML: each must be safe as HTML once the XML's own escaping is undone. (Titles,
    names and categories are text: Atom says so, and RSS readers treat them so.)"""
    found = []
    for element in ElementTree.fromstring(xml).iter():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag in ("description", "encoded") or element.get("type") in ("html", "xhtml"):
            found += [f"{tag}: {part}" for part in executable_parts(element.text or "")]
        for name, value in element.attrib.items():
            if name in FEED_URL_ATTRIBUTES and _is_script_url(value):
                found.append(f"{tag} {name}={value!r}")
    return found
