# syntax=docker/dockerfile:1
# Zhangban production image. One image, several roles (docker-compose.yml): by default
# gunicorn serves the REST API over WSGI; the same image runs uvicorn for /ws/ (ASGI),
# Celery worker and beat, and migrations (docs/adr/0001-...).
#
# Secrets are never baked in: they come from the environment at run time. The code runs
# from /app, not from site-packages, because settings derive BASE_DIR (locale, static
# files) from their own location.

ARG PYTHON_IMAGE=python:3.11-slim

# --- builder: the dependencies in a venv, and the compiled translations ------------------
FROM ${PYTHON_IMAGE} AS builder

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore

WORKDIR /build

# pyproject.toml alone: `pip install .` resolves and installs the dependencies, and this
# layer is reused until the dependency list changes. The (still empty) zhangban
# distribution is removed again so that only /app holds the code.
COPY pyproject.toml ./
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --upgrade pip \
    && /opt/venv/bin/pip install . \
    && /opt/venv/bin/pip uninstall --yes zhangban

# Babel is a dev-only tool: it goes into the builder's own interpreter, never into /opt/venv.
RUN pip install "Babel>=2.16,<3"
COPY backend/locale ./backend/locale
RUN pybabel compile -D django -d backend/locale --statistics

# --- runtime ------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=backend.config.settings

# Certificates are rendered with Chinese text: a CJK font (Debian's Noto Sans CJK).
RUN apt-get update \
    && apt-get install --yes --no-install-recommends fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*
ENV CERTIFICATE_FONT_PATH=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

RUN groupadd --system --gid 10001 zhangban \
    && useradd --system --uid 10001 --gid zhangban --no-create-home \
        --home-dir /nonexistent --shell /usr/sbin/nologin zhangban

COPY --from=builder /opt/venv /opt/venv

WORKDIR /app
# The code stays owned by root: the app user can read it, not change it.
# mobile_mock/ (the sandbox providers) is never imported by production code: not shipped.
COPY manage.py ./
COPY backend ./backend
COPY notifications ./notifications
COPY payments ./payments
COPY miniprogram_bridge ./miniprogram_bridge
COPY deploy/gunicorn.conf.py ./deploy/gunicorn.conf.py
COPY --from=builder /build/backend/locale ./backend/locale

# Settings refuse to load without these three; collectstatic reads none of them. The dummy
# values live in this one command only (never ENV), so nothing of them reaches run time.
RUN SECRET_KEY=collectstatic-build-only-not-a-secret \
    FIELD_ENCRYPTION_KEYS=k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= \
    PII_HASH_KEY=collectstatic-build-only-not-a-secret \
    python manage.py collectstatic --noinput \
    && python -m compileall -q backend notifications payments miniprogram_bridge

USER zhangban:zhangban

EXPOSE 8000

# No curl in slim. The Host header is the first ALLOWED_HOSTS entry, so the probe passes
# Django's host validation whatever public name the deployment uses.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os,urllib.request as r;h=os.environ.get('ALLOWED_HOSTS','localhost').split(',')[0].strip().lstrip('.');h='localhost' if h in ('','*') else h;r.urlopen(r.Request('http://127.0.0.1:8000/healthz',headers={'Host':h}),timeout=4)"]

CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "backend.config.wsgi:application"]
