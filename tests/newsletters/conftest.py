import pytest
from django.core.cache import caches
from wagtail.models import Locale

from newsletters import catalogue


@pytest.fixture
def daily(magazine):
    """The English edition's daily."""
    return catalogue.daily(Locale.objects.get(language_code="en"))


@pytest.fixture
def politics_weekly(magazine):
    return catalogue.weekly(magazine.politics)


@pytest.fixture
def counting(settings):
    """Sign-ups counted for their limits in a cache of the test's own (the suite's is a dummy
    that forgets everything)."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsletter-limits",
        },
    }
    caches["default"].clear()
    yield
    caches["default"].clear()


def sign_up(client, email: str, *choices: str, language: str = "en", **extra):
    return client.post(
        f"/{language}/newsletters/",
        {"email": email, "newsletter": list(choices) or ["daily"], "signed_up_on": "/en/"},
        **extra,
    )
