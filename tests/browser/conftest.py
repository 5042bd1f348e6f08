"""Playwright against Debian's Chromium (/usr/bin/chromium); the whole directory is skipped without it.

Tests here use pytest-django's `live_server`, so each runs in a transactional database that is flushed
afterwards — which also empties the region table the data migration filled. `regions_loaded` (autouse)
puts the shipped dataset back whenever it finds the table empty."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

# A CI machine with two cores renders PDFs and runs the live server at once; Playwright's 5-second
# default for assertions is too tight there. Waits still end as soon as the condition holds.
expect.set_options(timeout=20_000)

CHROMIUM = Path("/usr/bin/chromium")
HERE = Path(__file__).resolve().parent
SCREENSHOTS = HERE.parent.parent / "var" / "screenshots"


def pytest_collection_modifyitems(config, items):
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (apt-get install chromium fonts-noto-cjk)")
    for item in items:
        if HERE in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--lang=zh-CN",
        ],
    }


@pytest.fixture(scope="session")
def browser(playwright, browser_type_launch_args):
    """This directory's own Chromium: pytest-playwright's session-wide `browser` may already have been
    launched (or have failed) for a test elsewhere that does not use /usr/bin/chromium."""
    instance = playwright.chromium.launch(**browser_type_launch_args)
    yield instance
    instance.close()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "zh-CN", "viewport": {"width": 1280, "height": 800}}


@pytest.fixture(autouse=True)
def regions_loaded(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    if not Region.objects.exists():
        load_dataset(Region, RegionDataset)


@pytest.fixture(autouse=True)
def calendar_2026_shipped(transactional_db):
    """The published 2026 calendar its data migration ships: an earlier transactional test's flush removes it,
    and journeys that count working days need it (the same rows, through the migration's own function)."""
    import importlib

    from django.apps import apps

    importlib.import_module("calendars.migrations.0002_calendar_2026").ship_2026(apps, None)


@pytest.fixture
def screenshot(page):
    """screenshot("name") saves var/screenshots/name.png of the whole page and returns the path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


# Every page runs under the Content-Security-Policy: Chromium reports what it refused on the console
# ("Refused to execute inline script because it violates the following Content Security Policy directive").
_csp_violations: list[str] = []


def _watch_console(message) -> None:
    if "Content Security Policy" in message.text:
        _csp_violations.append(message.text)


@pytest.fixture
def context(context):
    context.on("console", _watch_console)
    return context


@pytest.fixture
def new_context(new_context):
    def make(**kwargs):
        created = new_context(**kwargs)
        created.on("console", _watch_console)
        return created

    return make


@pytest.fixture(autouse=True)
def no_content_security_policy_violations():
    _csp_violations.clear()
    yield
    assert _csp_violations == [], "\n".join(_csp_violations)
