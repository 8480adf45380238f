from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0004_articlepage_reading_minutes'),
    ]

    operations = [
        migrations.AddField(
            model_name='magazineimage',
            name='is_decorative',
            field=models.BooleanField(default=False, help_text='Tick for an ornament that tells the reader nothing: screen readers skip it, and it needs no description.', verbose_name='decorative'),
        ),
    ]
