import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0005_magazineimage_is_decorative'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('kind', models.CharField(choices=[('correction', 'Correction'), ('update', 'Update')], default='correction', max_length=20)),
                ('date', models.DateTimeField(default=django.utils.timezone.now)),
                ('text', wagtail.fields.RichTextField(help_text='e.g. "An earlier version of this article misstated the length of the line."')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='news.articlepage')),
            ],
            options={
                'verbose_name': 'correction or update',
                'ordering': ['sort_order'],
                'abstract': False,
            },
        ),
    ]
