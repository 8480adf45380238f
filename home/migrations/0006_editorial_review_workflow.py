"""The "Editorial review" workflow on the News tree: Editors approve what Writers submit."""

from django.db import migrations

from home import newsroom


def forwards(apps, schema_editor):
    newsroom.set_up_workflow(apps)


class Migration(migrations.Migration):
    dependencies = [("home", "0005_editorial_roles")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
