from django import template

from core.templatetags.markup import picture_html
from news import cards

register = template.Library()


@register.simple_tag
def card_picture(image, card_size: str | None) -> str:
    """The picture of a card of `card_size` (news/cards.py): the crops the listings loaded."""
    picture = cards.picture_of(card_size)
    if not image or picture is None:
        return ""
    return picture_html(image, picture.filters, picture.html_attrs)
