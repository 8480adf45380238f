from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the magazine: backup and restore, the scheduler, accounts, the newsroom's roles
    and review workflow, and the commands that keep media and crops whole."""

    name = "operations"
    verbose_name = "Operations"
