"""The magazine's image model: every picture carries its credit and a default caption."""

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class MagazineImage(AbstractImage):
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text='Who made it, as printed under the picture, e.g. "Photo: Jane Doe/Agency".',
    )
    default_caption = models.CharField(
        max_length=500,
        blank=True,
        help_text="Used wherever the image appears without a caption of its own.",
    )
    is_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text="Tick for an ornament that tells the reader nothing: screen readers skip it, "
        "and it needs no description.",
    )

    admin_form_fields = (
        *Image.admin_form_fields[:2],
        "description",
        "is_decorative",
        "credit",
        "default_caption",
        *Image.admin_form_fields[3:],
    )

    def generate_rendition_instance(self, filter, source):
        # The crop's size is known here, in memory; feeds give it as an enclosure's length,
        # which would otherwise be read from the file on each request.
        rendition = super().generate_rendition_instance(filter, source)
        rendition.file_size = rendition.file.size
        return rendition

    @property
    def default_alt_text(self) -> str:
        # A decorative image is announced as nothing at all (alt="").
        return "" if self.is_decorative else super().default_alt_text

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"
        permissions = [("choose_image", "Can choose image")]


class MagazineRendition(AbstractRendition):
    image = models.ForeignKey(MagazineImage, related_name="renditions", on_delete=models.CASCADE)
    file_size = models.PositiveIntegerField(
        null=True, editable=False, help_text="Bytes, recorded when the crop is made."
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
