"""Every body block explains itself in the admin's block picker and previews in the site's style."""

import pytest
from django.urls import reverse

from news.models import ArticlePage
from tests import builders

BODY_BLOCKS = ArticlePage.body.field.stream_block.child_blocks


@pytest.mark.parametrize("name", BODY_BLOCKS.keys())
def test_block_has_icon_description_and_a_rendered_preview(admin_client, magazine, name):
    builders.image("Preview picture", caption="A caption from the image.")
    block = BODY_BLOCKS[name]
    assert block.meta.icon != "placeholder" and block.get_description()
    assert block.is_previewable
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "css/magazine.css" in html
    assert f'class="w-block-{name} block-{name}"' in html


def test_image_block_preview_shows_a_real_picture_with_its_caption(admin_client, magazine):
    builders.image("Preview picture", caption="A caption from the image.")
    block = BODY_BLOCKS["image"]
    html = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    ).content.decode()
    assert "<picture>" in html and "A caption from the image." in html
