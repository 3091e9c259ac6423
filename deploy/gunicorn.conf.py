"""Gunicorn settings for the REST API over WSGI (docs/adr/0001-...).

`gunicorn --config deploy/gunicorn.conf.py backend.config.wsgi:application` (the image's CMD).
Sync workers, one thread each: a worker holds at most one database connection, so peak
connections are `WEB_CONCURRENCY` (shared/PERFORMANCE.md: keep them ≤ half of PostgreSQL's
`max_connections`). Slow clients are absorbed by the reverse proxy's buffering.
"""

import os
import re

from gunicorn.glogging import Logger

bind = "0.0.0.0:8000"  # inside the container; no port is published, only the proxy reaches it
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
threads = 1

# A request running longer than `timeout` gets its worker killed and restarted. Stop within
# compose's stop_grace_period (30 s) so in-flight requests finish before SIGKILL.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "25"))

# Recycle workers now and then, so a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))

# The heartbeat file on a RAM disk: overlay filesystems can stall it, and the root
# filesystem may be read-only.
worker_tmp_dir = "/dev/shm"  # noqa: S108 - a RAM disk inside the container

# Which peers may set X-Forwarded-Proto/-For: the reverse proxy. Django itself reads
# X-Forwarded-Proto through SECURE_PROXY_SSL_HEADER.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs to stdout/stderr for the container runtime. The access log leaves out the query
# string and the referer: they can carry personal data that Django's masking filter never
# sees here.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms "%(a)s" rid=%({x-request-id}o)s'


# A provider callback URL that carries its secret in the path (Tencent SMS receipts,
# TENCENT_SMS_CALLBACK_TOKEN) is logged without it.
_SECRET_PATHS = re.compile(r"(/api/v1/notifications/tencent-sms/status/)[^/?\s]+")


class RedactingLogger(Logger):
    """Gunicorn's logger, with callback secrets cut out of the logged request line and path."""

    def atoms(self, resp, req, environ, request_time):  # type: ignore[no-untyped-def]
        atoms = super().atoms(resp, req, environ, request_time)
        for key in ("r", "U"):
            if isinstance(atoms.get(key), str):
                atoms[key] = _SECRET_PATHS.sub(r"\1[redacted]", atoms[key])
        return atoms


logger_class = RedactingLogger
