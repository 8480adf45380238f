"""gunicorn's master prepares what every worker would otherwise make on its own."""

import gc
import logging
from pathlib import Path

from django.template import engines

from magazine import gunicorn


class Server:
    log = logging.getLogger("gunicorn.test")


def test_the_master_compiles_every_template_and_freezes_what_it_made():
    engine = engines["django"].engine
    loader = engine.template_loaders[0]
    assert loader.__module__ == "django.template.loaders.cached"  # as without DEBUG
    loader.reset()
    try:
        gunicorn.when_ready(Server())
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    names = {
        str(path.relative_to(folder))
        for folder in engine.dirs
        for path in Path(folder).rglob("*")
        if path.is_file()
    }
    assert len(names) > 30
    # Every template of the project compiled once, for the workers to share.
    assert names <= set(loader.get_template_cache)
