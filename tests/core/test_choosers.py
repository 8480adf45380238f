"""A chooser's posted value that is no id (a page, an image, an author, a live page) is a
form error, not a server error: every chooser in the admin is Wagtail's one widget class."""

import pytest
from django.urls import reverse

from tests import builders

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["abc", "1.5", "١٢", str(2**70)])
def test_an_article_s_hero_that_is_no_id_is_a_form_error(admin_client, magazine, value):
    add = reverse("wagtailadmin_pages:add", args=["news", "articlepage", magazine.politics.pk])
    page = builders.ArticlePage(title="The vote", slug="the-vote")
    data = builders.article_form_data(page, magazine.ana)
    data["hero_image"] = value
    response = admin_client.post(add, data)
    assert response.status_code == 200
    assert b"The page could not be created due to validation errors" in response.content


@pytest.mark.parametrize("field", ["page", "author"])
def test_a_live_update_s_choice_that_is_no_id_is_a_form_error(admin_client, magazine, field):
    live = builders.live_page(magazine.politics, "Live: the count", [magazine.ben])
    data = builders.live_update_form_data(live, magazine.ben, "Counting starts.")
    data[field] = "not a number"
    response = admin_client.post(reverse("wagtailsnippets_news_liveupdate:add"), data)
    assert response.status_code == 200
    assert not live.updates.exists()
