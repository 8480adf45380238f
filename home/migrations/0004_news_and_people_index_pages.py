"""The newsroom's two fixed index pages under Home: News (the sections) and People (authors)."""

from django.db import migrations

from home import newsroom


def forwards(apps, schema_editor):
    newsroom.create_index_pages(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_replace_welcome_page"),
        ("news", "0003_related_articles"),
        ("people", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
