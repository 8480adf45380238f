"""Wagtail's "Translate" (simple_translation), as the newsroom's roles need it.

- Translators may translate a page they cannot edit (an English article): what they need is
  the right to add pages where its translation goes, checked here for each language chosen.
  (simple_translation asks for edit rights on the source, and then copies without checks.)
- A page whose parent has no translation yet gets a form error, not a server error.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.actions.copy_for_translation import ParentNotTranslatedError
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Page


class TranslatePageView(SubmitPageTranslationView):
    def get_object(self):
        page = get_object_or_404(Page, id=self.kwargs["page_id"]).specific
        if page.is_root():
            raise Http404
        return page

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid() and not all(map(self.may_add, form.cleaned_data["locales"])):
            raise PermissionDenied
        try:
            return super().post(request, **kwargs)
        except ParentNotTranslatedError:
            form.add_error(None, _("Translate the page above this one first."))
            context = self.get_context_data(**kwargs)
            context["form"] = form
            return self.render_to_response(context, status=400)

    def may_add(self, locale) -> bool:
        parent = self.object.get_parent()
        if parent.is_root():  # a home page: its translation sits beside it
            target = parent
        else:
            target = parent.specific.get_translation_or_none(locale)
            if target is None:
                return True  # refused below, as simple_translation does, with a form error
        return target.permissions_for_user(self.request.user).can_add_subpage()
