import os

from django.core.wsgi import get_wsgi_application

from praxis.startup import load_settings_or_exit

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "praxis.settings")
# Exit code 3 is gunicorn's "worker failed to boot": the master stops instead of respawning workers that
# would print the same line for ever.
load_settings_or_exit(exit_code=3)
application = get_wsgi_application()
