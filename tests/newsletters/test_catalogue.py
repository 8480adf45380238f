"""Which newsletters exist: made on first need, named after the magazine and its sections."""

from django.core import serializers
from wagtail.models import Locale, Site

from core import site_settings
from newsletters import catalogue
from newsletters.models import Newsletter


def test_renaming_the_magazine_renames_its_daily(magazine, daily):
    settings = site_settings.get_settings_model().for_site(Site.objects.get(is_default_site=True))
    settings.name = "The Meridian"
    settings.save()

    daily.refresh_from_db()
    assert daily.title == "The Meridian daily"


def test_loading_a_backup_of_the_settings_makes_no_newsletter(magazine):
    """A restore loads the settings before the newsletters it holds: a daily made at that
    moment would collide with the backup's own."""
    model = site_settings.get_settings_model()
    model.for_site(Site.objects.get(is_default_site=True))
    dumped = serializers.serialize("json", model.objects.all())
    Newsletter.objects.all().delete()

    for loaded in serializers.deserialize("json", dumped):
        loaded.save()

    assert not Newsletter.objects.exists()


def test_a_published_section_gets_its_weekly(magazine):
    catalogue.section_published(None, magazine.politics)

    weekly = Newsletter.objects.get(section=magazine.politics)
    assert weekly.title == "Politics weekly"
    assert weekly.locale == Locale.objects.get(language_code="en")
