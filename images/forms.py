"""The image form in the admin (WAGTAILIMAGES_IMAGE_FORM_BASE). A module of its own: Wagtail
imports it by name when it builds its image forms, after the models are loaded."""

import warnings

from django.core.exceptions import ValidationError
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ReadablePictureField(WagtailImageField):
    """Wagtail's image field, which also refuses a file Pillow cannot decode to the end.

    Wagtail checks the pixel count by decoding the picture, and a damaged or cut-off file (an
    upload that broke off, say) raised out of the form as a server error instead.
    """

    default_error_messages = {
        "unreadable_image": (
            "This picture is damaged or incomplete and cannot be read. "
            "Export it again and upload the new file."
        ),
    }

    def check_image_pixel_size(self, f):
        self.check_declared_pixel_size(f)
        try:
            super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
            raise ValidationError(
                self.error_messages["unreadable_image"], code="unreadable_image"
            ) from error

    def check_declared_pixel_size(self, f):
        """Refuses a picture whose header declares too many pixels before anything decodes it:
        Wagtail counts the pixels of the decoded picture, and a small file can declare enough
        to take gigabytes to decode (a decompression bomb)."""
        if self.max_image_pixels is None:
            return
        source = getattr(f.image, "f", None)
        if source is None:
            return
        source.seek(0)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                with Image.open(source) as header:
                    width, height = header.size
        except Image.DecompressionBombError:
            width, height = None, None  # more than twice Pillow's own limit
        except (OSError, SyntaxError, ValueError):
            return  # unreadable: decoding says so with its own message
        finally:
            source.seek(0)
        pixels = width * height if width else None
        if pixels is None or pixels > self.max_image_pixels:
            message = self.error_messages["file_too_many_pixels"] % {
                "num_pixels": pixels or "unknown number",
                "max_pixels_count": self.max_image_pixels,
            }
            raise ValidationError(message, code="file_too_many_pixels")


class MagazineImageForm(BaseImageForm):
    """Every picture is described for readers who cannot see it, unless it is decorative."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            file = self.fields["file"]
            self.fields["file"] = ReadablePictureField(
                label=file.label, required=file.required, widget=file.widget
            )
        if "description" in self.fields:
            alt = self.fields["description"]
            alt.label = "Alt text"
            alt.help_text = (
                "What the picture shows, for people who cannot see it, e.g. "
                '"Barges moored on a muddy river at dawn". Required unless decorative.'
            )
            # Marked required, as it is to publish the picture; a decorative one needs none (and
            # the bulk uploader's first request sends only the file).
            alt.required = not self.is_bound or (
                "description" in self.data and not self.data.get("is_decorative")
            )
            alt.error_messages["required"] = "Describe the picture, or mark it as decorative."
        if "credit" in self.fields:
            self.fields["credit"].help_text = (
                'Who made it, e.g. "Photo: Jane Doe/Agency". Printed under the picture wherever '
                "it appears; an article may give another for its own use."
            )
        if "default_caption" in self.fields:
            self.fields[
                "default_caption"
            ].help_text = (
                "Printed under the picture wherever an article gives it no caption of its own."
            )
