"""The pictures of article cards, in one vocabulary: templates/includes/card.html shows them
({% card_picture %}), the listings load exactly their crops with the articles, and
news/renditions.py makes them. A size named here is the only place it is written."""

from dataclasses import dataclass, field
from functools import cached_property

from wagtail.images.models import Filter

FORMATS = ("avif", "jpeg")  # AVIF first: browsers take the first <source> they read
LAZY = {"loading": "lazy", "decoding": "async"}


@dataclass(frozen=True)
class CardPicture:
    fills: tuple[str, ...]  # crop sizes, smallest first
    sizes: str  # how wide the picture shows, for the browser's choice of crop
    attrs: dict = field(default_factory=dict)

    @cached_property
    def specs(self) -> list[str]:
        # Format first, then size: the order Wagtail's {% picture %} expands its braces in.
        return [f"format-{fmt}|fill-{fill}" for fmt in FORMATS for fill in self.fills]

    @cached_property
    def filters(self) -> list[Filter]:
        # Made once: a Filter works out its operations on first use (~1 ms for six specs).
        return [Filter(spec=spec) for spec in self.specs]

    @property
    def html_attrs(self) -> dict:
        return {"sizes": self.sizes, **self.attrs}


PICTURES = {
    "lead": CardPicture(
        ("640x427", "960x640", "1280x853"),
        "(min-width: 64em) 58vw, 100vw",
        {"fetchpriority": "high"},
    ),
    "standard": CardPicture(
        ("400x267", "800x533"), "(min-width: 64em) 22vw, (min-width: 40em) 45vw, 100vw", LAZY
    ),
    "small": CardPicture(("200x133", "400x267"), "12rem", LAZY),
}

# The sizes of card the templates name, and the picture each shows ("compact" shows none).
PICTURE_OF_CARD = {
    "lead": "lead",
    "large": "standard",
    "standard": "standard",
    "result": "small",
    "related": "small",
}


def picture_of(card_size: str | None) -> CardPicture | None:
    """The picture a card of `card_size` shows (a card without a size is a standard one)."""
    kind = PICTURE_OF_CARD.get(card_size or "standard")
    return PICTURES[kind] if kind else None
