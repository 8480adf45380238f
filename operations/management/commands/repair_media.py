"""Find and repair a database and media folder that have come apart (`make run`, `make prod`
run this before serving).

A profile's database can outlive its media folder: `make clean` removes `.prod/` but not the
PostgreSQL database, and a second checkout shares that database with a media folder of its own.
Rows then name files that are gone, and pages asked for them (404s, broken pictures, a feed
that read a missing file's size failed). Here crops (renditions) whose file is gone are
forgotten and made again from their original; an original that is gone is reported, as only
its uploader (or, for the demo magazine, `load_demo`) can bring it back.
"""

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from news.renditions import prepare


def present(folder: str) -> set[str]:
    """The names of the files in `folder` of the media storage."""
    try:
        _, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return set()
    return {f"{folder}/{name}" for name in files}


class Command(BaseCommand):
    help = "Remake crops whose file is missing; report pictures whose original is missing."

    def handle(self, *args, **options):
        Image = get_image_model()
        Rendition = Image.get_rendition_model()
        crops = present("images")
        gone = [
            (pk, image_id)
            for pk, image_id, name in Rendition.objects.values_list("pk", "image_id", "file")
            if name not in crops
        ]
        Rendition.objects.filter(pk__in=[pk for pk, _ in gone]).delete()
        originals = present("original_images")
        lost = [
            (pk, name)
            for pk, name in Image.objects.values_list("pk", "file")
            if name not in originals
        ]
        for pk, name in lost:
            self.stderr.write(f"Picture {pk}: its original {name} is missing; upload it again.")

        lost_ids = {pk for pk, _ in lost}
        images = Image.objects.filter(pk__in={i for _, i in gone} - lost_ids)
        pages = self.pages_showing(images)
        for page in pages:
            prepare(page)
        self.stdout.write(
            f"Media: {len(gone)} crops had lost their file and were made again for "
            f"{len(pages)} pages; {len(lost)} originals are missing."
        )

    @staticmethod
    def pages_showing(images) -> list[Page]:
        page_ids = set()
        for image in images:
            references = ReferenceIndex.get_references_to(image).filter(
                base_content_type__app_label="wagtailcore", base_content_type__model="page"
            )
            page_ids |= {int(pk) for pk in references.values_list("object_id", flat=True)}
        if images:
            page_ids.add(Page.objects.filter(depth=2).values_list("pk", flat=True).first())
        return list(Page.objects.live().filter(pk__in=page_ids).specific())
