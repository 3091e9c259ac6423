"""WSGI entry point: the REST API is served over WSGI in production (shared/PERFORMANCE.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.config.settings")
application = get_wsgi_application()
