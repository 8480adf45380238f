"""Writers post and correct live updates; Editors and Admins also remove them
(operations/newsroom.py). Safe to re-run."""

from django.db import migrations

from operations import newsroom


def forwards(apps, schema_editor):
    newsroom.set_up_live_updates(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0003_newsletter_rights"),
        ("news", "0002_live_coverage"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
