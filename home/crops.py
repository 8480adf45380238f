"""The logo's crops, made in the background like every page's (news/renditions.py): it shows
on every page, and the home page's render makes them."""

from functools import partial

from django.db import transaction
from django_tasks import task

from news import renditions

from .models import MagazineSettings


def prepare_for_settings(sender, instance: MagazineSettings, **kwargs) -> None:
    if instance.logo_id:
        transaction.on_commit(partial(prepare_logo.enqueue, instance.pk), robust=True)


def prepare_where_logo(sender, instance, **kwargs) -> None:
    """A picture changed: when it is a magazine's logo, its crops are made anew."""
    for magazine in MagazineSettings.objects.filter(logo=instance):
        prepare_for_settings(MagazineSettings, magazine)


@task()
def prepare_logo(settings_id: int) -> None:
    magazine = MagazineSettings.objects.filter(pk=settings_id).first()
    home = magazine.site.root_page.specific if magazine and magazine.logo_id else None
    if home is not None and home.live:
        renditions.prepare(home)
