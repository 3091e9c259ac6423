"""Liveness, readiness (503 when the database is unreachable), and the deploy checklist."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Configuration the parent process may carry (read from .env or CI); children start clean.
INHERITED_CONFIG = {
    "DATABASE_URL",
    "REDIS_URL",
    "DEBUG",
    "SECRET_KEY",
    "FIELD_ENCRYPTION_KEYS",
    "PII_HASH_KEY",
    "REAL_NAME_APP_SECRET",
    "ALLOWED_HOSTS",
    "SECURE_SSL_REDIRECT",
}


def _secrets_env() -> dict[str, str]:
    from django.conf import settings

    return {
        "SECRET_KEY": settings.SECRET_KEY,
        "FIELD_ENCRYPTION_KEYS": settings.FIELD_ENCRYPTION_KEYS,
        "PII_HASH_KEY": settings.PII_HASH_KEY,
    }


def _clean_environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in INHERITED_CONFIG}


def _django(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh Django process with the given environment (no .env file)."""
    full_env = _clean_environ()
    full_env.update({"DJANGO_SETTINGS_MODULE": "backend.config.settings", "ENV_FILE": "/nonexistent"}, **env)
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_healthz_and_readyz_answer_ok(api):
    assert api.get("/healthz").json() == {"status": "ok"}
    ready = api.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"]["database"] == "ok"


READYZ = """
    import django, json
    django.setup()
    from django.test import Client
    response = Client().get("/readyz", HTTP_HOST="localhost")
    print(json.dumps({"status": response.status_code, "type": response["Content-Type"], "body": response.json()}))
"""


@pytest.mark.parametrize(
    "database_url",
    ["sqlite:////nonexistent-dir/zhangban.sqlite3", "postgres://postgres@127.0.0.1:1/test"],
    ids=["sqlite-missing", "postgres-closed-port"],
)
def test_readyz_is_503_problem_when_the_database_is_unreachable(database_url):
    import json

    result = _django(READYZ, DATABASE_URL=database_url, **_secrets_env())
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["type"] == "application/problem+json"
    assert answer["body"]["code"] == "not_ready"
    assert answer["body"]["checks"]["database"] == "unavailable"


def test_readyz_is_503_when_redis_is_configured_but_down():
    import json

    result = _django(
        READYZ, REDIS_URL="redis://127.0.0.1:1/0", DATABASE_URL="sqlite://:memory:", **_secrets_env()
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["body"]["checks"] == {"database": "ok", "redis": "unavailable"}


PRODUCTION_ENV = {
    "DEBUG": "0",
    "ALLOWED_HOSTS": "zhangban.gov.example",
    "CSRF_TRUSTED_ORIGINS": "https://zhangban.gov.example",
    "SECURE_SSL_REDIRECT": "true",
    "DATABASE_URL": "sqlite:///:memory:",
    "SMS_BACKEND": "notifications.sms.TwilioSmsBackend",
    "REAL_NAME_VERIFY_URL": "https://identity.gov.example/verify",
    "REAL_NAME_APP_SECRET": "identity-service-shared-secret-from-vault",
}


def test_production_configuration_passes_check_deploy():
    env = {
        **_secrets_env(),
        **PRODUCTION_ENV,
        "SECRET_KEY": "x" * 20 + "production-secret-with-entropy-9f3a2b7c1d",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**_clean_environ(), "ENV_FILE": "/nonexistent", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_bites_on_a_debug_configuration():
    """The same command fails when DEBUG is on: the test above is not vacuous."""
    env = {**_secrets_env(), **PRODUCTION_ENV, "DEBUG": "1"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**_clean_environ(), "ENV_FILE": "/nonexistent", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "security.W018" in result.stdout + result.stderr


def test_check_deploy_warns_about_sandbox_providers():
    env = {**_secrets_env(), **PRODUCTION_ENV, "SMS_BACKEND": "notifications.sms.ConsoleSmsBackend"}
    env.pop("REAL_NAME_APP_SECRET")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={**_clean_environ(), "ENV_FILE": "/nonexistent", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "zhangban.W001" in result.stdout + result.stderr
    assert "zhangban.W002" in result.stdout + result.stderr


def test_settings_refuse_to_start_without_secrets():
    result = _django("import django; django.setup()", DATABASE_URL="sqlite:///:memory:")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
