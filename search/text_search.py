"""The name of the PostgreSQL text search configuration the search backend uses."""

CONFIGURATION = "magazine_unaccent"
