"""An index on wagtailcore_page.url_path, for HomePage.route's lookup of a page by its path.

Wagtail's page table has none: it finds pages by walking the tree, a query a level.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_tree"),
        ("wagtailcore", "0001_initial"),
    ]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS home_page_url_path",
        )
    ]
