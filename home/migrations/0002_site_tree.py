"""Home as the site's root in place of Wagtail's "Welcome" page, and News and People under it."""

from django.db import migrations

from home import site_tree


def forwards(apps, schema_editor):
    site_tree.create_home_page(apps)
    site_tree.create_index_pages(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("news", "0001_initial"),
        ("people", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
