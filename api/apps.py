from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    label = "magazine_api"
    verbose_name = "Read-only API"
