from django.urls import path
from wagtail import hooks

from .translate_view import TranslatePageView


@hooks.register("register_admin_urls")
def translate_page_url():
    # The address of simple_translation's own view, registered first (editions comes before
    # wagtail.contrib.simple_translation in INSTALLED_APPS), so that its button opens ours.
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            TranslatePageView.as_view(),
            name="editions_translate_page",
        )
    ]
