"""The name of the PostgreSQL text search configuration the search backend uses (settings)."""

from django.conf import settings

CONFIGURATION = settings.TEXT_SEARCH_CONFIGURATION
