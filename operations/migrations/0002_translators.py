"""The Spanish edition's rights: Translators, Editors and Writers in it, and the review
workflow over it (operations/newsroom.py). Safe to re-run."""

from django.db import migrations

from operations import newsroom


def forwards(apps, schema_editor):
    newsroom.set_up_translation(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("operations", "0001_roles_and_review_workflow"),
        ("home", "0004_spanish_edition"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
