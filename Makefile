# Two commands set up a fresh machine: `make run` and `make test`. Needs only Python 3.11 and make.
PORT ?= 8000
PYTHON ?= python3
UV_VERSION := 0.13.9
# Use the machine's uv when it has one; otherwise install a pinned one into .tools/.
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
VENV := .venv
MANAGE := $(VENV)/bin/python manage.py
export UV_PYTHON_DOWNLOADS := never

.PHONY: run prod test lint format check install migrate demo backup restore clean

run: install migrate demo  ## Serve the demo magazine on http://127.0.0.1:$(PORT)
	$(MANAGE) repair_media
	$(MANAGE) local_site_address --port $(PORT)
	@# While the site runs: scheduled articles go live, and the background worker makes picture
	@# crops and looks up embeds. Both stop with the server.
	@# (Not the recipe's last command, so that the shell stays to run its trap: sh would exec it.)
	$(MANAGE) run_scheduler & scheduler=$$!; $(MANAGE) db_worker --no-reload & worker=$$!; \
	trap 'kill $$scheduler $$worker 2>/dev/null' EXIT; \
	$(MANAGE) runserver 127.0.0.1:$(PORT); status=$$?; exit $$status

prod: install  ## The production profile: PostgreSQL, Redis and gunicorn on 127.0.0.1:$(PORT)
	PORT=$(PORT) magazine/run_production.sh

test: install node_modules/.installed  ## The whole suite: unit, integration and browser tests
	@# On every core (pytest-xdist), then the browser tests on their own: each empties the
	@# database after it, which tests sharing a worker with them could not run on.
	$(VENV)/bin/pytest -n auto --ignore=tests/browser
	$(VENV)/bin/pytest tests/browser

lint: install  ## The checks of .pre-commit-config.yaml, on every file: ruff, templates, imports
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check --tabwidth 2 templates
	$(VENV)/bin/lint-imports

format: install  ## Fix what ruff can, format the Python and reindent the templates
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml --tabwidth 2 templates

check: install  ## What CI checks besides the tests
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

install: $(VENV)/.installed locale/es/LC_MESSAGES/django.mo

# The Spanish edition's interface strings, compiled from the catalogue (needs gettext's msgfmt).
locale/es/LC_MESSAGES/django.mo: locale/es/LC_MESSAGES/django.po $(VENV)/.installed
	$(MANAGE) compilemessages -l es --ignore=.venv --ignore=node_modules

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

# The Nu Html Checker, for the HTML validity test (it runs on Java). No install scripts run:
# vnu-jar's would try to download a Java runtime.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

migrate: install
	$(MANAGE) migrate --no-input

demo: install
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin

backup: install  ## The database and media files in one archive: backups/magazine-<UTC time>.tar.gz
	$(MANAGE) backup

# Checked before anything runs, so a forgotten FILE= installs and changes nothing.
ifneq ($(filter restore,$(MAKECMDGOALS)),)
ifeq ($(strip $(FILE)),)
$(error make restore needs the archive: make restore FILE=backups/magazine-20261127-235959.tar.gz)
endif
endif
restore: install  ## Load FILE=<archive> into a new database and an empty media folder
	$(MANAGE) restore "$(FILE)"

clean:
	rm -rf $(VENV) .tools .prod .cache node_modules db.sqlite3 media staticfiles .pytest_cache
