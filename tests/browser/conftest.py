"""Browser tests drive Debian's Chromium with Playwright against Django's live server."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

# Playwright's sync API runs an event loop in this thread; Django must still allow the ORM here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)."
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        # No network here: keep Chromium from trying to reach Google's services.
        "args": ["--disable-background-networking", "--disable-component-update", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def migrated_data(django_db_setup) -> str:
    """The freshly migrated database (root page, home page, site), as Django serialized it."""
    from django.db import connection

    return connection._test_serialized_contents


@pytest.fixture
def browser_page(migrated_data, page):
    """Playwright's page, with Django's serialized rollback kept working.

    Once Playwright runs, Django looks its connection up in another context, where the
    migrated data Django serialized at set-up is missing; without it, the flush after each
    live-server test would not restore the page tree for the next one.
    """
    from django.db import connection

    connection._test_serialized_contents = migrated_data
    return page


def assert_accessible(page: Page) -> None:
    # Let every image and font arrive first: a request still running when the test ends would
    # reach the live server after its database has been flushed.
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
