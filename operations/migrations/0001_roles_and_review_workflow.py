"""Writers, Editors and Admins with their permissions, and the "Editorial review" workflow on
the News tree (operations/newsroom.py). Safe to re-run."""

from django.db import migrations

from operations import newsroom


def forwards(apps, schema_editor):
    newsroom.set_up_roles(apps)
    newsroom.set_up_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_tree"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
