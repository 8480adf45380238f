from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The Parallax, the demo magazine (`load_demo`), and the corpus generator that the scale
    benchmark loads (`make_corpus`)."""

    name = "demo"
    verbose_name = "Demo magazine"
