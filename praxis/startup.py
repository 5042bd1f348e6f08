"""Entry points (manage.py, wsgi) load the settings first and turn a bad setting into one clear line.

praxis/env.py refuses malformed environment values with ImproperlyConfigured; a newcomer should read which
variable is wrong, not a 50-line traceback through Django's import machinery."""

import os
import sys

from django.core.exceptions import ImproperlyConfigured


def load_settings_or_exit(exit_code: int = 1) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings")
    from django.conf import settings

    try:
        settings.INSTALLED_APPS  # noqa: B018 (touching a setting imports the settings module)
    except ImproperlyConfigured as error:
        sys.stderr.write(f"配置错误 / configuration error: {error}\n")
        sys.exit(exit_code)
