"""The set-up commands `make run` calls besides load_demo."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page

from tests import builders


@pytest.mark.django_db
def test_prerender_renders_every_live_page(magazine):
    builders.article(magazine.americas, "Story", [magazine.ana], hero_image=builders.image())
    out = StringIO()
    call_command("prerender", stdout=out)
    live = Page.objects.live().descendant_of(magazine.home, inclusive=True).count()
    assert f"Rendered {live} pages" in out.getvalue()
    assert get_image_model().get_rendition_model().objects.exists()


@pytest.mark.django_db
def test_ensure_admin_makes_one_account_with_a_fresh_random_password():
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(password) and len(password) >= 16

    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert "already exists" in again.getvalue()
    assert get_user_model().objects.count() == 1
