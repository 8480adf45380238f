from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0003_related_articles'),
    ]

    operations = [
        migrations.AddField(
            model_name='articlepage',
            name='reading_minutes',
            field=models.PositiveSmallIntegerField(default=1, editable=False, help_text='Minutes to read the body, counted on save.'),
        ),
    ]
