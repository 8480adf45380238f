"""Wagtail's chooser widgets (a page, an image, a snippet) show a form's posted value again
by looking it up by id. A posted value that is no id at all ("abc") raised a 500 where the
form should have said "Select a valid choice": such a value shows as nothing chosen, and the
form's own error says why. Every chooser in the admin is the same widget class."""

from django.core.exceptions import ValidationError
from wagtail.admin.widgets.chooser import BaseChooser


def readable_id(model, value) -> bool:
    try:
        model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return True


def tolerate_values_that_are_no_id() -> None:
    looked_up = BaseChooser.get_instance

    def get_instance(self, value):
        if value is None or isinstance(value, self.model_class):
            return looked_up(self, value)
        return looked_up(self, value) if readable_id(self.model_class, value) else None

    BaseChooser.get_instance = get_instance
