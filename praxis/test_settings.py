"""Settings for the test suite: the production settings, read with the test environment in place.

pytest-django imports settings before any conftest runs, so the environment has to be set here."""

import os
from pathlib import Path

os.environ.setdefault("PRAXIS_TESTING", "true")
os.environ.setdefault("CAPTCHA_TEST_MODE", "true")
os.environ.setdefault("PRAXIS_VAR_DIR", str(Path(__file__).resolve().parent.parent / "var" / "test"))
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

from praxis.settings import *  # noqa: E402,F401,F403
