"""Settings of the progress/catalog benchmark: production settings plus two reference views.

The references (a bare Django JSON view, a DRF view reading one row by primary key) exist only
under this URLconf, never in production urls.
"""

from backend.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.progress_urls"
DEBUG = False
