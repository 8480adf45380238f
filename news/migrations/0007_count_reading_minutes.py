"""Count the reading time of the articles that existed before it was counted on save."""

from django.db import migrations


def count(apps, schema_editor):
    from news.blocks import ArticleBodyBlock, reading_minutes
    from wagtail.blocks import StreamValue

    ArticlePage = apps.get_model("news.ArticlePage")
    stream_block = ArticleBodyBlock()
    for article in ArticlePage.objects.only("pk", "body").iterator():
        body = StreamValue(stream_block, article.body.raw_data, is_lazy=True)
        minutes = reading_minutes(body)
        if minutes != 1:
            ArticlePage.objects.filter(pk=article.pk).update(reading_minutes=minutes)


class Migration(migrations.Migration):
    dependencies = [("news", "0006_articlenote")]

    operations = [migrations.RunPython(count, migrations.RunPython.noop)]
