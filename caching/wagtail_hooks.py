from wagtail import hooks

from . import surrogate_keys


@hooks.register("before_serve_page")
def note_the_page_served(page, request, serve_args, serve_kwargs):
    surrogate_keys.note(surrogate_keys.page(page.pk))
