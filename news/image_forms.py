"""The image form in the admin (WAGTAILIMAGES_IMAGE_FORM_BASE). A module of its own: Wagtail's
image forms need the models loaded, and news.models needs news.forms while they load."""

from wagtail.images.forms import BaseImageForm


class MagazineImageForm(BaseImageForm):
    """Every picture is described for readers who cannot see it, unless it is decorative."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].label = "Alt text"
            self.fields["description"].help_text = (
                "What the picture shows, for people who cannot see it, e.g. "
                '"Barges moored on a muddy river at dawn". Required unless decorative.'
            )

    def clean(self):
        data = super().clean()
        # The bulk uploader first sends only the file and its name; its next form, for each
        # picture, asks for the description, and this rule applies there.
        asked = "description" in self.fields and "description" in self.data
        if asked and not data.get("description") and not data.get("is_decorative"):
            self.add_error("description", "Describe the picture, or mark it as decorative.")
        return data
