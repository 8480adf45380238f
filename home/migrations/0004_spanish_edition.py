"""The Spanish edition's locale and fixed pages (home/site_tree.py), and "en" for English."""

from django.db import migrations

from home import site_tree


def forwards(apps, schema_editor):
    site_tree.create_spanish_edition(apps)


class Migration(migrations.Migration):
    dependencies = [("home", "0003_page_url_path_index")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
