"""WSGI entry point for production servers (e.g. gunicorn digitalbilanz.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digitalbilanz.settings")
# Served through WSGI means served to users: refuse to start without SECRET_KEY (settings.py).
# Only the development server and the command line fall back to var/secret_key.
os.environ.setdefault("DIGITALBILANZ_PRODUCTION", "true")
application = get_wsgi_application()
