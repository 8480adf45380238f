"""Editors (and Admins) run the newsletters: compose, send, see and erase subscribers
(operations/newsroom.py). Safe to re-run."""

from django.db import migrations

from operations import newsroom


def forwards(apps, schema_editor):
    newsroom.set_up_newsletters(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0002_translators"),
        ("newsletters", "0001_newsletters"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
